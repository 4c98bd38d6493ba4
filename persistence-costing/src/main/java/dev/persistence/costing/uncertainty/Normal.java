package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.SplittableRandom;

/**
 * A normal distribution, optionally truncated to {@code [lower, upper]} (draws outside are rejected and drawn
 * again, so the shape inside is exact). Truncate whenever the quantity has a physical range: an MFU cannot be
 * negative.
 *
 * @param mean the mean of the untruncated distribution, finite
 * @param standardDeviation its standard deviation, {@code > 0}
 * @param lower smallest value kept ({@code -Infinity} for none)
 * @param upper largest value kept ({@code +Infinity} for none), {@code > lower}
 */
public record Normal(double mean, double standardDeviation, double lower, double upper) implements Distribution {

  /** Draws tried before giving up on a truncation that keeps almost nothing. */
  private static final int MAX_REJECTIONS = 10_000;

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException if the mean is not finite, the deviation not positive, a bound NaN, or
   *     {@code lower >= upper}, or the mean lies more than 6 deviations outside the bounds
   */
  public Normal {
    checkArgument(Double.isFinite(mean), "normal mean (%s) must be finite", mean);
    checkArgument(
        standardDeviation > 0 && Double.isFinite(standardDeviation),
        "normal standardDeviation (%s) must be finite and > 0",
        standardDeviation);
    checkArgument(!Double.isNaN(lower) && !Double.isNaN(upper), "normal bounds must not be NaN");
    checkArgument(lower < upper, "normal lower (%s) must be < upper (%s)", lower, upper);
    checkArgument(
        mean > lower - 6 * standardDeviation && mean < upper + 6 * standardDeviation,
        "normal mean (%s) must lie within 6 standard deviations of [lower, upper] = [%s, %s]",
        mean,
        lower,
        upper);
  }

  /**
   * An untruncated normal.
   *
   * @param mean the mean
   * @param standardDeviation the standard deviation, {@code > 0}
   * @throws IllegalArgumentException as the constructor
   */
  public static Normal of(double mean, double standardDeviation) {
    return new Normal(mean, standardDeviation, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /**
   * @throws IllegalStateException if {@value #MAX_REJECTIONS} draws in a row fall outside the bounds
   */
  @Override
  public double sample(SplittableRandom random) {
    for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
      double value = mean + standardDeviation * random.nextGaussian();
      if (value >= lower && value <= upper) {
        return value;
      }
    }
    throw new IllegalStateException(
        "normal(" + mean + ", " + standardDeviation + ") truncated to [" + lower + ", " + upper
            + "] keeps too little of its mass to sample");
  }

  @Override
  public double lowerSupport() {
    return lower;
  }

  @Override
  public double upperSupport() {
    return upper;
  }
}
