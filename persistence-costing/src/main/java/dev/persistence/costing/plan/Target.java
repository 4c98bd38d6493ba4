package dev.persistence.costing.plan;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.OptionalDouble;

/**
 * A range a plan's figure should fall in ({@code 1T+} is a minimum of 1e12, {@code 2-3 years} a range of 24 to 36
 * months).
 *
 * @param metric the figure
 * @param min the smallest acceptable value, or empty
 * @param max the largest acceptable value, or empty
 */
public record Target(TargetMetric metric, OptionalDouble min, OptionalDouble max) {

  /**
   * Validates the range.
   *
   * @throws IllegalArgumentException if neither end is given, an end is not finite, or min exceeds max
   */
  public Target {
    checkArgument(metric != null, "target metric must not be null");
    checkArgument(min.isPresent() || max.isPresent(), "target %s needs a min or a max", metric);
    min.ifPresent(v -> checkArgument(Double.isFinite(v), "target %s: min (%s) must be finite", metric, v));
    max.ifPresent(v -> checkArgument(Double.isFinite(v), "target %s: max (%s) must be finite", metric, v));
    // Every metric is a count or an amount, so a target below zero can only be a typing error.
    min.ifPresent(v -> checkArgument(v >= 0, "target %s: min (%s) must be >= 0", metric, v));
    max.ifPresent(v -> checkArgument(v >= 0, "target %s: max (%s) must be >= 0", metric, v));
    min = min.isPresent() ? OptionalDouble.of(min.getAsDouble() + 0.0) : min;
    max = max.isPresent() ? OptionalDouble.of(max.getAsDouble() + 0.0) : max;
    checkArgument(
        min.isEmpty() || max.isEmpty() || min.getAsDouble() <= max.getAsDouble(),
        "target %s: min (%s) must be <= max (%s)",
        metric,
        min.isPresent() ? min.getAsDouble() : 0,
        max.isPresent() ? max.getAsDouble() : 0);
  }

  /**
   * How far {@code value} misses the range, as a fraction of the end it misses ({@code -0.4} = 40% below the
   * minimum, {@code 0.25} = 25% above the maximum), or 0 when it is inside.
   *
   * @param value the plan's figure
   */
  public double miss(double value) {
    if (min.isPresent() && value < min.getAsDouble()) {
      return min.getAsDouble() == 0 ? -1 : value / min.getAsDouble() - 1;
    }
    if (max.isPresent() && value > max.getAsDouble()) {
      return max.getAsDouble() == 0 ? 1 : value / max.getAsDouble() - 1;
    }
    return 0;
  }
}
