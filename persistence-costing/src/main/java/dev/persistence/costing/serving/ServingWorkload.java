package dev.persistence.costing.serving;

import dev.persistence.core.check.Checks;

/**
 * The shape of a request: prompt tokens read, output tokens generated.
 *
 * @param promptTokens tokens of the prompt, {@code > 0}
 * @param outputTokens tokens generated, {@code > 0}
 */
public record ServingWorkload(long promptTokens, long outputTokens) {

  /**
   * Validates the workload.
   *
   * @throws IllegalArgumentException if a count is not positive
   */
  public ServingWorkload {
    Checks.positive("promptTokens", promptTokens);
    Checks.positive("outputTokens", outputTokens);
  }

  /** Tokens a sequence holds at the end, prompt plus output. */
  public long finalContextLength() {
    return promptTokens + outputTokens;
  }

  /** The mean context a decode step sees, {@code prompt + output / 2}. */
  public double meanDecodeContextLength() {
    return promptTokens + outputTokens / 2.0;
  }
}
