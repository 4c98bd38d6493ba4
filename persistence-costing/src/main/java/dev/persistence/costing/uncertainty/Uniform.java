package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.SplittableRandom;

/**
 * Every value in {@code [min, max)} equally likely.
 *
 * @param min lower bound, finite
 * @param max upper bound, finite, {@code > min}
 */
public record Uniform(double min, double max) implements Distribution {

  /**
   * Validates the bounds.
   *
   * @throws IllegalArgumentException if a bound is not finite or {@code min >= max}
   */
  public Uniform {
    Checks.finite("uniform min", min);
    Checks.finite("uniform max", max);
    checkArgument(min < max, "uniform min (%s) must be < max (%s)", min, max);
    checkArgument(Double.isFinite(max - min), "uniform range max - min (%s - %s) must be finite", max, min);
  }

  @Override
  public double sample(SplittableRandom random) {
    return min + (max - min) * random.nextDouble();
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
