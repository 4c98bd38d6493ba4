package dev.persistence.scaling.fit;

/**
 * A bootstrap percentile interval with the bootstrap standard error.
 *
 * @param lower lower percentile
 * @param upper upper percentile
 * @param standardError standard deviation of the bootstrap estimates
 */
public record Interval(double lower, double upper, double standardError) {
  /** Whether {@code value} lies in [lower, upper]. */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }
}
