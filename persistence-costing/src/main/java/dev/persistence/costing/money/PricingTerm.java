package dev.persistence.costing.money;

/** How a cloud price is contracted. */
public enum PricingTerm {
  /** Pay as you go, no commitment. */
  ON_DEMAND,
  /** Committed capacity (reservations, savings plans, long-term contracts). */
  RESERVED,
  /** A rate a paper or report assumed for its own arithmetic, not a provider's list price. */
  ASSUMED_RENTAL
}
