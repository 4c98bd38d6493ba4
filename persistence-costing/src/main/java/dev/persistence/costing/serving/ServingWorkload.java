package dev.persistence.costing.serving;

import static com.google.common.base.Preconditions.checkArgument;

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
    checkArgument(promptTokens > 0, "promptTokens (%s) must be > 0", promptTokens);
    checkArgument(outputTokens > 0, "outputTokens (%s) must be > 0", outputTokens);
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
