package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A benchmark suite as the serving roofline sees it: items, tokens in and out per item, and samples per item (k of
 * pass@k; Chen et al. 2021, arXiv:2107.03374 section 2.1).
 *
 * @param name the suite
 * @param items items, {@code > 0}
 * @param promptTokens mean prompt tokens per item (few-shot examples included), {@code > 0}
 * @param outputTokens mean generated tokens per sample, {@code > 0} (1 for a log-likelihood multiple choice)
 * @param samplesPerItem samples per item, {@code > 0}
 */
public record BenchmarkSuite(String name, long items, int promptTokens, int outputTokens, int samplesPerItem) {

  /**
   * Validates the suite.
   *
   * @throws IllegalArgumentException if a count is not positive
   */
  public BenchmarkSuite {
    checkArgument(name != null && !name.isBlank(), "suite name must not be blank");
    checkArgument(items > 0, "suite %s: items (%s) must be > 0", name, items);
    checkArgument(promptTokens > 0, "suite %s: promptTokens (%s) must be > 0", name, promptTokens);
    checkArgument(outputTokens > 0, "suite %s: outputTokens (%s) must be > 0", name, outputTokens);
    checkArgument(samplesPerItem > 0, "suite %s: samplesPerItem (%s) must be > 0", name, samplesPerItem);
  }

  /** Sequences generated: items x samples. */
  public long sequences() {
    return Math.multiplyExact(items, (long) samplesPerItem);
  }
}
