package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

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
    checkArgument(
        Double.isFinite(p10) && Double.isFinite(p50) && Double.isFinite(p90),
        "percentiles (%s, %s, %s) must be finite",
        p10,
        p50,
        p90);
    checkArgument(p10 <= p50 && p50 <= p90, "percentiles must be ordered: %s <= %s <= %s", p10, p50, p90);
  }
}
