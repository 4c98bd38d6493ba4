package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.SplittableRandom;

/**
 * Every order of magnitude in {@code [min, max)} equally likely: the logarithm is uniform.
 *
 * @param min lower bound, {@code > 0}
 * @param max upper bound, finite, {@code > min}
 */
public record LogUniform(double min, double max) implements Distribution {

  /**
   * Validates the bounds.
   *
   * @throws IllegalArgumentException if {@code min} is not positive, {@code max} not finite, or {@code min >= max}
   */
  public LogUniform {
    checkArgument(min > 0, "log-uniform min (%s) must be > 0", min);
    checkArgument(Double.isFinite(max), "log-uniform max (%s) must be finite", max);
    checkArgument(min < max, "log-uniform min (%s) must be < max (%s)", min, max);
  }

  @Override
  public double sample(SplittableRandom random) {
    // In logarithms, so that a range of hundreds of decades (max / min past Double.MAX_VALUE) stays finite.
    double logMin = Math.log(min);
    double value = Math.exp(logMin + (Math.log(max) - logMin) * random.nextDouble());
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
