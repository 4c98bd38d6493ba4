package dev.persistence.costing.serving;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * Latency, throughput and price of one replica serving a batch.
 */
@Value.Immutable
public abstract class ServingEstimate {

  /** Returns a new builder. */
  public static ImmutableServingEstimate.Builder builder() {
    return ImmutableServingEstimate.builder();
  }

  /** Sequences served together. */
  public abstract long batch();

  /** The prefill of the whole batch. */
  public abstract StepTime prefill();

  /** One decode step of the whole batch at the mean decode context. */
  public abstract StepTime decodeStep();

  /** Prompt tokens the replica reads per second while prefilling. */
  public abstract double inputTokensPerSecond();

  /** Tokens the replica generates per second while decoding. */
  public abstract double outputTokensPerSecond();

  /** The replica's price over its prefill throughput. */
  public abstract double usdPerMillionInputTokens();

  /** The replica's price over its decode throughput. */
  public abstract double usdPerMillionOutputTokens();


  /**
   * Validates the estimate.
   *
   * @throws IllegalArgumentException if the batch is not positive or a rate or price is negative or not finite
   */
  @Value.Check
  protected void check() {
    Checks.positive("batch", batch());
    Checks.nonNegative("inputTokensPerSecond", inputTokensPerSecond());
    Checks.nonNegative("outputTokensPerSecond", outputTokensPerSecond());
    Checks.nonNegative("usdPerMillionInputTokens", usdPerMillionInputTokens());
    Checks.nonNegative("usdPerMillionOutputTokens", usdPerMillionOutputTokens());
  }

  /** Time to first token: the batch's prefill, seconds. */
  public double timeToFirstTokenSeconds() {
    return prefill().seconds();
  }

  /** Time per output token of one sequence (inter-token latency), seconds. */
  public double timePerOutputTokenSeconds() {
    return decodeStep().seconds();
  }
}
