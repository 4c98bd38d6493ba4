package dev.persistence.costing.steptime;

/**
 * Seconds of one transformer layer for one micro-batch on one rank, communication included.
 *
 * @param forwardSeconds the forward pass
 * @param backwardSeconds the backward pass without recomputation
 * @param recomputationSeconds the recomputed forward work done during the backward pass
 */
public record LayerTime(double forwardSeconds, double backwardSeconds, double recomputationSeconds) {

  /** The backward pass with its recomputation: what Korthikanti et al. 2022 Table 4 lists as "backward". */
  public double backwardWithRecomputationSeconds() {
    return backwardSeconds + recomputationSeconds;
  }

  /** Forward, backward and recomputation together. */
  public double totalSeconds() {
    return forwardSeconds + backwardSeconds + recomputationSeconds;
  }
}
