package dev.persistence.scaling.law;

/** A published scaling law, with a registry name, a one-line description and the source of its constants. */
public interface ScalingLaw {
  /** The registry name, lower case with hyphens (for example {@code chinchilla-unrounded}). */
  String name();

  /** A one-line description of what the law predicts. */
  String description();

  /** The primary source of the form and constants (paper, equation or table), and their verification status. */
  String source();
}
