package dev.persistence.costing.energy;

import dev.persistence.core.check.Checks;
import dev.persistence.costing.training.ComputeUsage;

/**
 * Energy of a job, in kWh, split into the chips, the rest of the servers, and the facility overhead (PUE); the
 * three sum to {@link #facilityKilowattHours()}.
 *
 * @param acceleratorKilowattHours the chips' draw
 * @param serverOverheadKilowattHours the rest of the servers
 * @param facilityOverheadKilowattHours cooling and power conversion, {@code (PUE - 1) x IT energy}
 */
public record EnergyEstimate(
    double acceleratorKilowattHours, double serverOverheadKilowattHours, double facilityOverheadKilowattHours) {

  /**
   * Validates the estimate.
   *
   * @throws IllegalArgumentException if a component is negative or not finite
   */
  public EnergyEstimate {
    Checks.nonNegative("acceleratorKilowattHours", acceleratorKilowattHours);
    Checks.nonNegative("serverOverheadKilowattHours", serverOverheadKilowattHours);
    Checks.nonNegative("facilityOverheadKilowattHours", facilityOverheadKilowattHours);
    // Bounded so that the totals (sums of the parts) stay finite.
    Checks.inRange("acceleratorKilowattHours", acceleratorKilowattHours, 0, dev.persistence.core.exact.Amounts.MAX_QUANTITY);
    Checks.inRange("serverOverheadKilowattHours", serverOverheadKilowattHours, 0, dev.persistence.core.exact.Amounts.MAX_QUANTITY);
    Checks.inRange(
        "facilityOverheadKilowattHours", facilityOverheadKilowattHours, 0, dev.persistence.core.exact.Amounts.MAX_QUANTITY);
  }

  /**
   * Energy of {@code usage} under {@code power}.
   *
   * @param usage accelerator-hours occupied
   * @param power power per accelerator
   */
  public static EnergyEstimate of(ComputeUsage usage, PowerModel power) {
    double hours = usage.acceleratorHours();
    double chip = hours * power.acceleratorTdpWatts() * power.tdpFraction() / 1000.0;
    double server = hours * power.acceleratorTdpWatts() * (power.serverToChipPowerRatio() - 1) / 1000.0;
    double facility = (chip + server) * (power.powerUsageEffectiveness() - 1);
    return new EnergyEstimate(chip, server, facility);
  }

  /** IT energy (chips and servers), kWh. */
  public double itKilowattHours() {
    return acceleratorKilowattHours + serverOverheadKilowattHours;
  }

  /** Facility energy, the total, kWh. */
  public double facilityKilowattHours() {
    return acceleratorKilowattHours + serverOverheadKilowattHours + facilityOverheadKilowattHours;
  }

  /** Facility energy, MWh. */
  public double facilityMegawattHours() {
    return facilityKilowattHours() / 1000.0;
  }
}
