package dev.persistence.costing.uncertainty;

import java.util.Locale;

/**
 * The assumptions of the closed-form training cost model ({@link TrainingCostModel}), each with the range its
 * distribution must stay in.
 */
public enum CostInput {
  /** Model parameters {@code N}. */
  PARAMETERS(0, false, Double.POSITIVE_INFINITY),
  /** Training tokens {@code D}. */
  TOKENS(0, false, Double.POSITIVE_INFINITY),
  /**
   * Training FLOPs per parameter per token: 6 in Kaplan et al. 2020 (arXiv:2001.08361) section 2.1; pass an exact
   * count over {@code N} (core FlopAccounting) to include attention.
   */
  FLOPS_PER_PARAMETER_PER_TOKEN(0, false, Double.POSITIVE_INFINITY),
  /** Accelerators training at once (sampled as a real number). */
  ACCELERATOR_COUNT(0, false, Double.POSITIVE_INFINITY),
  /** Dense peak of one accelerator in the training format, FLOP/s. */
  PEAK_FLOPS_PER_SECOND(0, false, Double.POSITIVE_INFINITY),
  /** Model FLOPs utilisation, in (0, 1]. */
  MODEL_FLOPS_UTILIZATION(0, false, 1),
  /** Useful time over elapsed time, in (0, 1]. */
  GOODPUT(0, false, 1),
  /** Dollars per accelerator-hour (a cloud price, or an owned cluster's all-in hourly cost). */
  USD_PER_ACCELERATOR_HOUR(0, true, Double.POSITIVE_INFINITY),
  /** Accelerator thermal design power, W. */
  ACCELERATOR_TDP_WATTS(0, false, Double.POSITIVE_INFINITY),
  /** Average chip draw over TDP, in (0, 1.5]. */
  TDP_FRACTION(0, false, 1.5),
  /** Server IT power over chip TDP, {@code >= 1}. */
  SERVER_TO_CHIP_POWER_RATIO(1, true, Double.POSITIVE_INFINITY),
  /** Power usage effectiveness, {@code >= 1}. */
  POWER_USAGE_EFFECTIVENESS(1, true, Double.POSITIVE_INFINITY),
  /** Grid intensity, kg CO2e per kWh, {@code >= 0}. */
  GRID_KG_CO2E_PER_KWH(0, true, Double.POSITIVE_INFINITY);

  private final double lower;
  private final boolean lowerInclusive;
  private final double upper;

  CostInput(double lower, boolean lowerInclusive, double upper) {
    this.lower = lower;
    this.lowerInclusive = lowerInclusive;
    this.upper = upper;
  }

  /** Whether every draw of {@code distribution} lies in this input's range. */
  boolean admits(Distribution distribution) {
    double low = distribution.lowerSupport();
    boolean lowOk =
        lowerInclusive
            ? low >= lower
            // A log-normal's support is open at 0, so it admits (0, ...).
            : low > lower || (low == lower && distribution instanceof LogNormal);
    return lowOk && distribution.upperSupport() <= upper;
  }

  /** The range in interval notation, for messages. */
  String range() {
    return String.format(
        Locale.ROOT, "%s%s, %s]", lowerInclusive ? "[" : "(", lower, upper == Double.POSITIVE_INFINITY ? "inf" : upper)
        .replace("inf]", "inf)");
  }
}
