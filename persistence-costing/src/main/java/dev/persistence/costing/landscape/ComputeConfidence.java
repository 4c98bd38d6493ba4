package dev.persistence.costing.landscape;

import java.util.Locale;

/**
 * How sure Epoch AI is of a model's training-compute estimate, in Epoch's own three words ("Data on AI Models",
 * column {@code Confidence}; Epoch's estimation documentation, https://epoch.ai/data/ai-models-documentation,
 * gives each word's meaning). {@link #UNKNOWN} is for entries without a label (a user's own, or Epoch's blank).
 */
public enum ComputeConfidence {
  /** Epoch: "Confident". */
  CONFIDENT,
  /** Epoch: "Likely". */
  LIKELY,
  /** Epoch: "Speculative". */
  SPECULATIVE,
  /** No label given. */
  UNKNOWN;

  /** The word as Epoch writes it, lower case ({@code likely}); {@code unknown} for {@link #UNKNOWN}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
