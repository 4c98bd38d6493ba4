package dev.persistence.costing.serving;

import dev.persistence.core.check.Checks;

/**
 * Latency, throughput and price of one replica serving a batch.
 *
 * @param batch sequences served together
 * @param prefill the prefill of the whole batch
 * @param decodeStep one decode step of the whole batch at the mean decode context
 * @param inputTokensPerSecond prompt tokens the replica reads per second while prefilling
 * @param outputTokensPerSecond tokens the replica generates per second while decoding
 * @param usdPerMillionInputTokens the replica's price over its prefill throughput
 * @param usdPerMillionOutputTokens the replica's price over its decode throughput
 */
public record ServingEstimate(
    long batch,
    StepTime prefill,
    StepTime decodeStep,
    double inputTokensPerSecond,
    double outputTokensPerSecond,
    double usdPerMillionInputTokens,
    double usdPerMillionOutputTokens) {

  /**
   * Validates the estimate.
   *
   * @throws IllegalArgumentException if the batch is not positive or a rate or price is negative or not finite
   */
  public ServingEstimate {
    Checks.positive("batch", batch);
    Checks.nonNegative("inputTokensPerSecond", inputTokensPerSecond);
    Checks.nonNegative("outputTokensPerSecond", outputTokensPerSecond);
    Checks.nonNegative("usdPerMillionInputTokens", usdPerMillionInputTokens);
    Checks.nonNegative("usdPerMillionOutputTokens", usdPerMillionOutputTokens);
  }

  /** Time to first token: the batch's prefill, seconds. */
  public double timeToFirstTokenSeconds() {
    return prefill.seconds();
  }

  /** Time per output token of one sequence (inter-token latency), seconds. */
  public double timePerOutputTokenSeconds() {
    return decodeStep.seconds();
  }
}
