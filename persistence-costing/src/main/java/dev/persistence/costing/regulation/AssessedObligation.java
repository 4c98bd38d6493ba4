package dev.persistence.costing.regulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/**
 * An obligation a plan's thresholds bring, with its revenue tier checked against the developer's revenue.
 *
 * @param obligation the obligation
 * @param tier the revenue tier it is limited to, empty when it has none
 * @param status the tier's status ({@link TierStatus#NONE} without a tier)
 */
public record AssessedObligation(Obligation obligation, Optional<RevenueTier> tier, TierStatus status) {

  /** Validates the assessment. */
  public AssessedObligation {
    checkArgument(obligation != null && tier != null && status != null, "assessed obligation fields must not be null");
    checkArgument(
        tier.isPresent() == (status != TierStatus.NONE),
        "status (%s) must be NONE exactly when the obligation has no revenue tier",
        status);
  }

  /** Whether the obligation is owed, or may be: every status but {@link TierStatus#NOT_CROSSED}. */
  public boolean mayApply() {
    return status != TierStatus.NOT_CROSSED;
  }
}
