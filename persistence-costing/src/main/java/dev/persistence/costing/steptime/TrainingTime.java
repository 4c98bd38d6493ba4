package dev.persistence.costing.steptime;

import dev.persistence.core.exact.Amounts;

/**
 * Time to train on a token budget.
 *
 * @param tokens the token budget
 * @param steps optimizer steps, {@code ceil(tokens / globalBatchTokens)}
 * @param seconds wall-clock seconds
 * @param days wall-clock days
 * @param acceleratorHours accelerators times wall-clock hours
 */
public record TrainingTime(double tokens, double steps, double seconds, double days, double acceleratorHours) {

  /**
   * Validates the figures: each finite and non-negative ({@code -0.0} read as 0).
   *
   * @throws IllegalArgumentException naming the figure, its value and the rule
   */
  public TrainingTime {
    tokens = Amounts.nonNegative("tokens", tokens);
    steps = Amounts.nonNegative("steps", steps);
    seconds = Amounts.nonNegative("seconds", seconds);
    days = Amounts.nonNegative("days", days);
    acceleratorHours = Amounts.nonNegative("acceleratorHours", acceleratorHours);
  }
}
