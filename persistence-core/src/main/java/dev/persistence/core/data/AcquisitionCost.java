package dev.persistence.core.data;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;

/**
 * What a source costs to obtain, in US dollars: a price per million tokens drawn from it, a flat fee, or both.
 *
 * <p>The per-token price is charged on the unique tokens a mixture draws (a source sampled for fewer tokens than
 * it holds pays for those only; repeating it costs nothing more); the flat fee is charged once whenever the
 * source is used at all.
 *
 * @param usdPerMillionTokens USD per million unique tokens drawn, finite and &gt;= 0
 * @param flatFeeUsd USD paid once for the source, finite and &gt;= 0
 */
public record AcquisitionCost(double usdPerMillionTokens, double flatFeeUsd) {

  /** Costs nothing (public data, the team's own data). */
  public static final AcquisitionCost FREE = new AcquisitionCost(0, 0);

  /** @throws IllegalArgumentException if a figure is negative or not finite */
  public AcquisitionCost {
    Checks.nonNegative("usdPerMillionTokens", usdPerMillionTokens);
    Checks.nonNegative("flatFeeUsd", flatFeeUsd);
    checkArgument(
        usdPerMillionTokens <= dev.persistence.core.exact.Amounts.MAX_USD && flatFeeUsd <= dev.persistence.core.exact.Amounts.MAX_USD,
        "usdPerMillionTokens (%s) and flatFeeUsd (%s) must be <= %s",
        usdPerMillionTokens,
        flatFeeUsd,
        dev.persistence.core.exact.Amounts.MAX_USD);
    usdPerMillionTokens += 0.0;
    flatFeeUsd += 0.0;
  }

  /** A price per million unique tokens drawn. */
  public static AcquisitionCost perMillionTokens(double usd) {
    return new AcquisitionCost(usd, 0);
  }

  /** A flat fee for the whole source. */
  public static AcquisitionCost flatFee(double usd) {
    return new AcquisitionCost(0, usd);
  }

  /**
   * The cost in USD of drawing {@code uniqueTokens} unique tokens (the flat fee only if any are drawn).
   *
   * @param uniqueTokens unique tokens drawn, &gt;= 0
   */
  public double costUsd(double uniqueTokens) {
    Checks.nonNegative("uniqueTokens", uniqueTokens);
    checkArgument(
        uniqueTokens <= dev.persistence.core.exact.Amounts.MAX_QUANTITY, "uniqueTokens (%s) must be <= %s", uniqueTokens, dev.persistence.core.exact.Amounts.MAX_QUANTITY);
    return uniqueTokens == 0 ? 0 : usdPerMillionTokens * uniqueTokens / 1e6 + flatFeeUsd;
  }
}
