package dev.persistence.costing.regulation;


import dev.persistence.core.check.Checks;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A developer tier defined by revenue, such as California SB 53's "large frontier developer": "a frontier
 * developer that together with its affiliates collectively had annual gross revenues in excess of five hundred
 * million dollars ($500,000,000) in the preceding calendar year" (Bus. &amp; Prof. Code section 22757.11, quoted in
 * reference/regulation.json, reg-ca-sb53-thresholds). "In excess of" is strict: exactly the figure is not in the
 * tier.
 */
@Value.Immutable
public abstract class RevenueTier {

  /** Returns a new builder. */
  public static ImmutableRevenueTier.Builder builder() {
    return ImmutableRevenueTier.builder();
  }

  /** Short name ({@code ca-sb53-large-frontier-developer}). */
  public abstract String id();

  /** The law. */
  public abstract String instrument();

  /** Where the tier is defined. */
  public abstract String provision();

  /** The figure revenue must exceed, US dollars, finite and {@code > 0}. */
  public abstract double revenueUsdGreaterThan();

  /** What revenue counts and for which year, as the text says. */
  public abstract String basis();

  /** Where the text was read. */
  public abstract String source();

  /** How it was checked. */
  public abstract Verification verification();

  /**
   * Checks the tier when one is built (Immutables {@code @Value.Check}); absent text fields are empty, never null.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.notBlank("revenue tier id", id());
    Checks.notBlank("revenue tier instrument", instrument());
    Checks.notBlank("revenue tier provision", provision());
    Checks.notBlank("revenue tier basis", basis());
    Checks.notBlank("revenue tier source", source());
    Checks.positive("revenueUsdGreaterThan", revenueUsdGreaterThan());
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
    return revenue.get().usd() > revenueUsdGreaterThan() ? TierStatus.CROSSED : TierStatus.NOT_CROSSED;
  }
}
