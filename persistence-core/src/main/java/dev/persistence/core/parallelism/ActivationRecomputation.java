package dev.persistence.core.parallelism;

/**
 * Which activations the backward pass recomputes instead of storing (Korthikanti et al. 2022,
 * arXiv:2205.05198, sections 4 and 5).
 */
public enum ActivationRecomputation {
  /** Store every activation; no extra work. */
  NONE,
  /**
   * Recompute only the attention core (scores, softmax, dropout, attention over values), whose activations grow
   * with {@code s^2}: Korthikanti et al. 2022 section 5, "selective activation recomputation".
   */
  SELECTIVE,
  /** Store only each layer's input and recompute the whole layer's forward pass during backward. */
  FULL
}
