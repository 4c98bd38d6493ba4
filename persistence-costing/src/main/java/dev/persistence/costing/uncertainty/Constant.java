package dev.persistence.costing.uncertainty;

import dev.persistence.core.check.Checks;
import java.util.SplittableRandom;

/**
 * A known number.
 *
 * @param value the value, finite
 */
public record Constant(double value) implements Distribution {

  /**
   * Validates the value.
   *
   * @throws IllegalArgumentException if the value is not finite
   */
  public Constant {
    Checks.finite("constant value", value);
  }

  @Override
  public double sample(SplittableRandom random) {
    return value;
  }

  @Override
  public double lowerSupport() {
    return value;
  }

  @Override
  public double upperSupport() {
    return value;
  }
}
