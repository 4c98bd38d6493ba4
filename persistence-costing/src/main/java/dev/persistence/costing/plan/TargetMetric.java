package dev.persistence.costing.plan;

/** The figures a plan can be held against, as the founding brief's table states them. */
public enum TargetMetric {
  /** Total parameters. */
  PARAMETERS,
  /** Training tokens of the pre-training run. */
  TRAINING_TOKENS,
  /** Compute cost of the whole program in USD (every phase's compute). */
  COMPUTE_COST_USD,
  /** The largest team over the program, in people. */
  TEAM_SIZE,
  /** Length of the program in months. */
  TIMELINE_MONTHS
}
