package dev.persistence.scaling.law;

import org.immutables.value.Value;

/** A published scaling law, with a registry name, a one-line description and the source of its constants. */
public interface ScalingLaw {
  /** The registry name, lower case with hyphens (for example {@code chinchilla-unrounded}). */
  String name();

  /** A one-line description of what the law predicts; empty when none is given. */
  @Value.Default
  default String description() {
    return "";
  }

  /** The primary source of the form and constants (paper, equation or table), and their verification status. */
  String source();
}
