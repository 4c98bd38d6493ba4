package dev.persistence.costing.regulation;

/** Whether a threshold's legal instrument is in force. */
public enum ThresholdStatus {
  /** Enacted and not repealed (obligations may apply from a later date). */
  IN_FORCE,
  /** Revoked or expired: reported for history only. */
  HISTORICAL
}
