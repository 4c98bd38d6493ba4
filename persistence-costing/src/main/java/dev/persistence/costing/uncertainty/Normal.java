package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
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
    Checks.finite("normal mean", mean);
    Checks.positive("normal standardDeviation", standardDeviation);
    Checks.check(!Double.isNaN(lower), "normal lower", lower, "must not be NaN");
    Checks.check(!Double.isNaN(upper), "normal upper", upper, "must not be NaN");
    checkArgument(lower < upper, "normal lower (%s) must be < upper (%s)", lower, upper);
    checkArgument(
        mean > lower - 6 * standardDeviation && mean < upper + 6 * standardDeviation,
        "normal mean (%s) must lie within 6 standard deviations of [lower, upper] = [%s, %s]",
        mean,
        lower,
        upper);
    checkArgument(
        Double.isFinite(Math.abs(mean) + 10 * standardDeviation),
        "normal mean (%s) and standardDeviation (%s) must keep mean +- 10 standard deviations finite",
        mean,
        standardDeviation);
    double kept = keptMass(mean, standardDeviation, lower, upper);
    checkArgument(
        kept >= MIN_KEPT_MASS,
        "normal mean (%s) and standardDeviation (%s) truncated to [lower, upper] = [%s, %s] keep %s of the mass; must keep at least %s",
        mean,
        standardDeviation,
        lower,
        upper,
        kept,
        MIN_KEPT_MASS);
  }

  /**
   * The least probability mass a truncation may keep: 1%, so that {@value #MAX_REJECTIONS} rejected draws in a
   * row (probability 0.99^10000, about 2e-44) never happen in practice.
   */
  public static final double MIN_KEPT_MASS = 0.01;

  /** P(lower <= X <= upper) for X ~ N(mean, sd^2), through the complementary error function (tail-accurate). */
  private static double keptMass(double mean, double sd, double lower, double upper) {
    double a = (lower - mean) / sd;
    double b = (upper - mean) / sd;
    return 0.5 * (org.hipparchus.special.Erf.erfc(-b / Math.sqrt(2)) - org.hipparchus.special.Erf.erfc(-a / Math.sqrt(2)));
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
   * @throws IllegalArgumentException if {@value #MAX_REJECTIONS} draws in a row fall outside the bounds (which
   *     the construction-time mass check makes vanishingly unlikely)
   */
  @Override
  public double sample(SplittableRandom random) {
    for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
      double value = mean + standardDeviation * random.nextGaussian();
      if (value >= lower && value <= upper) {
        return value;
      }
    }
    throw new IllegalArgumentException(
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
