package dev.persistence.costing.regulation;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.Optional;

/**
 * A developer tier defined by revenue, such as California SB 53's "large frontier developer": "a frontier
 * developer that together with its affiliates collectively had annual gross revenues in excess of five hundred
 * million dollars ($500,000,000) in the preceding calendar year" (Bus. &amp; Prof. Code section 22757.11, quoted in
 * reference/regulation.json, reg-ca-sb53-thresholds). "In excess of" is strict: exactly the figure is not in the
 * tier.
 *
 * @param id short name ({@code ca-sb53-large-frontier-developer})
 * @param instrument the law
 * @param provision where the tier is defined
 * @param revenueUsdGreaterThan the figure revenue must exceed, US dollars, finite and {@code > 0}
 * @param basis what revenue counts and for which year, as the text says
 * @param source where the text was read
 * @param verification how it was checked
 */
public record RevenueTier(
    String id,
    String instrument,
    String provision,
    double revenueUsdGreaterThan,
    String basis,
    String source,
    Verification verification) {

  /** Validates the tier. */
  public RevenueTier {
    for (String[] field :
        new String[][] {{"id", id}, {"instrument", instrument}, {"provision", provision}, {"basis", basis}, {"source", source}}) {
      checkArgument(field[1] != null && !field[1].isBlank(), "revenue tier %s must not be blank", field[0]);
    }
    Checks.positive("revenueUsdGreaterThan", revenueUsdGreaterThan);
    checkArgument(verification != null, "revenue tier %s: verification must not be null", id);
  }

  /**
   * Whether a developer with this revenue is in the tier: {@link TierStatus#CROSSED} above the figure, {@link
   * TierStatus#NOT_CROSSED} at or below it, {@link TierStatus#UNKNOWN} without a revenue. The year is not
   * tested here; the caller says which year the law counts (SB 53: the calendar year before).
   *
   * @param revenue the developer's revenue, or empty when not given
   */
  public TierStatus status(Optional<DeveloperRevenue> revenue) {
    if (revenue.isEmpty()) {
      return TierStatus.UNKNOWN;
    }
    return revenue.get().usd() > revenueUsdGreaterThan ? TierStatus.CROSSED : TierStatus.NOT_CROSSED;
  }
}
