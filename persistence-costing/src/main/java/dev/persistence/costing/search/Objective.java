package dev.persistence.costing.search;

/** What a plan search minimizes. */
public enum Objective {
  /** Seconds per optimizer step on the requested accelerators. */
  TIME,
  /**
   * Accelerator-seconds per optimizer step ({@code stepSeconds x acceleratorCount}), over every accelerator count
   * that divides the requested one: the cheapest plan may leave accelerators idle.
   */
  COST
}
