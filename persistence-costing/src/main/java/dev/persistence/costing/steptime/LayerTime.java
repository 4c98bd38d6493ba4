package dev.persistence.costing.steptime;

import dev.persistence.core.exact.Amounts;

/**
 * Seconds of one transformer layer for one micro-batch on one rank, communication included.
 *
 * @param forwardSeconds the forward pass
 * @param backwardSeconds the backward pass without recomputation
 * @param recomputationSeconds the recomputed forward work done during the backward pass
 */
public record LayerTime(double forwardSeconds, double backwardSeconds, double recomputationSeconds) {

  /**
   * Validates the times: each finite and non-negative ({@code -0.0} read as 0).
   *
   * @throws IllegalArgumentException naming the time, its value and the rule
   */
  public LayerTime {
    forwardSeconds = Amounts.nonNegative("forwardSeconds", forwardSeconds);
    backwardSeconds = Amounts.nonNegative("backwardSeconds", backwardSeconds);
    recomputationSeconds = Amounts.nonNegative("recomputationSeconds", recomputationSeconds);
  }

  /** The backward pass with its recomputation: what Korthikanti et al. 2022 Table 4 lists as "backward". */
  public double backwardWithRecomputationSeconds() {
    return backwardSeconds + recomputationSeconds;
  }

  /** Forward, backward and recomputation together. */
  public double totalSeconds() {
    return forwardSeconds + backwardSeconds + recomputationSeconds;
  }
}
