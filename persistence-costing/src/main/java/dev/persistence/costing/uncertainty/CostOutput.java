package dev.persistence.costing.uncertainty;

/** The results of the closed-form training cost model. */
public enum CostOutput {
  /** Dollars: accelerator-hours times the price per accelerator-hour. */
  COST_USD,
  /** Elapsed days, failures included. */
  WALL_CLOCK_DAYS,
  /** Accelerator-hours occupied. */
  ACCELERATOR_HOURS,
  /** Facility energy, kWh. */
  ENERGY_KWH,
  /** Location-based emissions, tonnes CO2e. */
  CO2E_TONNES,
  /** Final loss, from a supplied {@link LossFunction}. */
  LOSS
}
