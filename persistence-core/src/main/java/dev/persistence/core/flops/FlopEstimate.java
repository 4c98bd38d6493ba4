package dev.persistence.core.flops;

import dev.persistence.core.parallelism.ActivationRecomputation;

/**
 * FLOPs per token of one model at one sequence length under one convention.
 *
 * @param convention how the FLOPs were counted
 * @param sequenceLength tokens per sequence
 * @param recomputation activation recomputation assumed for {@link #recomputationFlopsPerToken()}
 * @param forwardFlopsPerToken FLOPs of the forward pass, per token
 * @param backwardFlopsPerToken FLOPs of the backward pass (twice the forward pass), per token
 * @param recomputationFlopsPerToken extra forward FLOPs spent recomputing activations, per token
 */
public record FlopEstimate(
    FlopConvention convention,
    int sequenceLength,
    ActivationRecomputation recomputation,
    double forwardFlopsPerToken,
    double backwardFlopsPerToken,
    double recomputationFlopsPerToken) {

  /**
   * Validates the estimate.
   *
   * @throws IllegalArgumentException if a FLOP figure is not finite and {@code >= 0}
   */
  public FlopEstimate {
    checkFlops("forwardFlopsPerToken", forwardFlopsPerToken);
    checkFlops("backwardFlopsPerToken", backwardFlopsPerToken);
    checkFlops("recomputationFlopsPerToken", recomputationFlopsPerToken);
  }

  private static void checkFlops(String name, double flops) {
    // 1e30 FLOPs per token is some ten billion times a trillion-parameter model: a bound that keeps sums finite.
    if (!(flops >= 0 && flops <= 1e30)) {
      throw new IllegalArgumentException(name + " (" + flops + ") must be in [0, 1e30]");
    }
  }

  /** Model FLOPs per training token: forward plus backward, recomputation not counted (the MFU numerator). */
  public double modelTrainingFlopsPerToken() {
    return forwardFlopsPerToken + backwardFlopsPerToken;
  }

  /** FLOPs per training token actually executed: forward, backward and recomputation (the HFU numerator). */
  public double trainingFlopsPerToken() {
    return forwardFlopsPerToken + backwardFlopsPerToken + recomputationFlopsPerToken;
  }
}
