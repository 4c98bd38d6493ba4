package dev.persistence.costing.regulation;

/** Whether a developer is in the revenue tier an obligation is limited to. */
public enum TierStatus {
  /** The obligation has no revenue condition: every developer over the threshold owes it. */
  NONE,
  /** The revenue given is above the tier's figure: the obligation applies. */
  CROSSED,
  /** The revenue given is at or below the tier's figure: the obligation does not apply. */
  NOT_CROSSED,
  /** The obligation has a revenue condition and the scenario gives no revenue. */
  UNKNOWN
}
