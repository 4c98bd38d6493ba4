package dev.persistence.costing.regulation;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;

/**
 * A developer's annual gross revenue, with its affiliates, for one calendar year: what revenue tiers such as
 * California SB 53's "large frontier developer" are tested on (Bus. &amp; Prof. Code section 22757.11, quoted in
 * reference/regulation.json, reg-ca-sb53-thresholds).
 *
 * @param usd revenue in US dollars, finite and {@code >= 0}
 * @param year the calendar year it was earned in, 1900 to 2200
 */
public record DeveloperRevenue(double usd, int year) {

  /** Validates the revenue. */
  public DeveloperRevenue {
    Checks.nonNegative("usd", usd);
    checkArgument(year >= 1900 && year <= 2200, "year (%s) must be in [1900, 2200]", year);
  }
}
