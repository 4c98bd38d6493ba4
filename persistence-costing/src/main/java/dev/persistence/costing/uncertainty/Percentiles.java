package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;

/**
 * The 10th, 50th and 90th percentiles of a sampled result.
 *
 * @param p10 10th percentile
 * @param p50 median
 * @param p90 90th percentile
 */
public record Percentiles(double p10, double p50, double p90) {

  /**
   * Validates the order.
   *
   * @throws IllegalArgumentException if the percentiles are not finite or not ordered
   */
  public Percentiles {
    Checks.finite("p10", p10);
    Checks.finite("p50", p50);
    Checks.finite("p90", p90);
    Checks.check(p10 <= p50, "p10", p10, "must be <= p50 (" + p50 + ")");
    Checks.check(p50 <= p90, "p50", p50, "must be <= p90 (" + p90 + ")");
  }
}
