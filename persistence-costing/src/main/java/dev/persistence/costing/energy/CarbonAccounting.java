package dev.persistence.costing.energy;

/**
 * How electricity's emissions are attributed (GHG Protocol Scope 2 Guidance, World Resources Institute, 2015,
 * chapter 4): by the grid where it is consumed, or by the contracts (power purchase agreements, certificates) the
 * consumer holds.
 */
public enum CarbonAccounting {
  /** The average emissions of the local grid. */
  LOCATION_BASED,
  /** The emissions of the electricity the consumer contracted for (0 for fully matched renewable purchases). */
  MARKET_BASED
}
