package dev.persistence.scaling.fit;

import dev.persistence.core.check.Checks;

/**
 * A bootstrap percentile interval with the bootstrap standard error.
 *
 * @param lower lower percentile
 * @param upper upper percentile
 * @param standardError standard deviation of the bootstrap estimates
 */
public record Interval(double lower, double upper, double standardError) {

  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException if a figure is NaN or infinite
   */
  public Interval {
    Checks.finite("lower", lower);
    Checks.finite("upper", upper);
    Checks.finite("standardError", standardError);
  }
  /** Whether {@code value} lies in [lower, upper]. */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }
}
