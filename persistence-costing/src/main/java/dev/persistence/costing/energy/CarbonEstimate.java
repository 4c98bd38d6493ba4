package dev.persistence.costing.energy;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;

/**
 * Emissions of a job's electricity under both Scope 2 methods, tonnes CO2-equivalent.
 *
 * @param locationBasedTonnes emissions at the local grid's intensity
 * @param marketBasedTonnes emissions at the contracted electricity's intensity
 */
public record CarbonEstimate(double locationBasedTonnes, double marketBasedTonnes) {

  /**
   * Validates the estimate.
   *
   * @throws IllegalArgumentException if a figure is negative or not finite
   */
  public CarbonEstimate {
    Checks.nonNegative("locationBasedTonnes", locationBasedTonnes);
    Checks.nonNegative("marketBasedTonnes", marketBasedTonnes);
  }

  /**
   * Emissions of {@code energy} (facility energy, PUE included).
   *
   * @param energy the job's energy
   * @param location the local grid, {@link CarbonAccounting#LOCATION_BASED}
   * @param market the contracted electricity, {@link CarbonAccounting#MARKET_BASED}
   * @throws IllegalArgumentException if an intensity is of the wrong accounting method
   */
  public static CarbonEstimate of(EnergyEstimate energy, GridIntensity location, GridIntensity market) {
    checkArgument(
        location.accounting() == CarbonAccounting.LOCATION_BASED,
        "location intensity (%s) must be LOCATION_BASED",
        location.name());
    checkArgument(
        market.accounting() == CarbonAccounting.MARKET_BASED,
        "market intensity (%s) must be MARKET_BASED",
        market.name());
    double kwh = energy.facilityKilowattHours();
    return new CarbonEstimate(location.tonnesCo2e(kwh), market.tonnesCo2e(kwh));
  }
}
