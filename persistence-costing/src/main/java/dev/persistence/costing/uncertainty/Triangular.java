package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.SplittableRandom;

/**
 * A triangle from {@code min} through its peak at {@code mode} to {@code max}: the usual three-point
 * (low, likely, high) estimate. Sampled by inverting its distribution function.
 *
 * @param min lower bound, finite
 * @param mode most likely value, in {@code [min, max]}
 * @param max upper bound, finite, {@code > min}
 */
public record Triangular(double min, double mode, double max) implements Distribution {

  /**
   * Validates the points.
   *
   * @throws IllegalArgumentException if a point is not finite, {@code min >= max} or the mode is outside
   */
  public Triangular {
    Checks.finite("triangular min", min);
    Checks.finite("triangular mode", mode);
    Checks.finite("triangular max", max);
    checkArgument(min < max, "triangular min (%s) must be < max (%s)", min, max);
    checkArgument(
        mode >= min && mode <= max, "triangular mode (%s) must be in [min, max] = [%s, %s]", mode, min, max);
    checkArgument(
        Double.isFinite(max - min), "triangular range max - min (%s - %s) must be finite", max, min);
  }

  @Override
  public double sample(SplittableRandom random) {
    double u = random.nextDouble();
    double range = max - min;
    double split = (mode - min) / range;
    // Square roots taken factor by factor: range x (mode - min) can pass Double.MAX_VALUE when each is finite.
    double value =
        u < split
            ? min + Math.sqrt(u) * Math.sqrt(range) * Math.sqrt(mode - min)
            : max - Math.sqrt(1 - u) * Math.sqrt(range) * Math.sqrt(max - mode);
    return Math.max(min, Math.min(max, value));
  }

  @Override
  public double lowerSupport() {
    return min;
  }

  @Override
  public double upperSupport() {
    return max;
  }
}
