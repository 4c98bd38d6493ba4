package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A list of discrete scenarios (values), each with a weight; weights need not sum to one. */
public final class Scenarios implements Distribution {

  private final double[] values;
  private final double[] weights;
  private final double[] cumulative;

  private Scenarios(double[] values, double[] weights) {
    checkArgument(values != null && weights != null, "scenario values and weights must not be null");
    checkArgument(values.length > 0, "scenarios must have at least one value");
    checkArgument(
        values.length == weights.length,
        "scenario weights (%s) must match values (%s) in number",
        weights.length,
        values.length);
    this.values = values.clone();
    this.weights = weights.clone();
    this.cumulative = new double[values.length];
    double total = 0;
    for (int i = 0; i < values.length; i++) {
      checkArgument(Double.isFinite(this.values[i]), "scenario value %s (%s) must be finite", (Integer) i, (Double) this.values[i]);
      checkArgument(
          this.weights[i] >= 0 && Double.isFinite(this.weights[i]),
          "scenario weight %s (%s) must be finite and >= 0",
          (Integer) i,
          (Double) this.weights[i]);
      total += this.weights[i];
      cumulative[i] = total;
    }
    checkArgument(total > 0, "scenario weights must not all be 0");
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
    }
    cumulative[cumulative.length - 1] = 1.0;
  }

  /**
   * Scenarios with these values and weights.
   *
   * @param values the values, finite
   * @param weights one weight per value, {@code >= 0}, not all 0
   * @throws IllegalArgumentException if the arrays are empty or of different lengths, or a number is invalid
   */
  public static Scenarios weighted(double[] values, double[] weights) {
    return new Scenarios(values, weights);
  }

  /**
   * Equally likely scenarios.
   *
   * @param values the values, finite, at least one
   * @throws IllegalArgumentException if there is no value or one is not finite
   */
  public static Scenarios equallyLikely(double... values) {
    checkArgument(values != null, "scenario values must not be null");
    double[] weights = new double[values.length];
    Arrays.fill(weights, 1.0);
    return new Scenarios(values, weights);
  }

  /** The values (a copy). */
  public double[] values() {
    return values.clone();
  }

  /** The weights as given (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public double sample(SplittableRandom random) {
    double u = random.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  @Override
  public double lowerSupport() {
    double min = Double.POSITIVE_INFINITY;
    for (double value : values) {
      min = Math.min(min, value);
    }
    return min;
  }

  @Override
  public double upperSupport() {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      max = Math.max(max, value);
    }
    return max;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Scenarios
        && Arrays.equals(values, ((Scenarios) other).values)
        && Arrays.equals(weights, ((Scenarios) other).weights);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Scenarios" + Arrays.toString(values) + " weights " + Arrays.toString(weights);
  }
}
