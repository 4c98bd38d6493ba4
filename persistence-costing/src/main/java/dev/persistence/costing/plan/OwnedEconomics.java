package dev.persistence.costing.plan;


import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.Amounts;

/**
 * What owning the cluster costs, apart from what the scenario's cluster already says (its size and power).
 *
 * @param capitalUsdPerAccelerator purchase price of one accelerator, USD
 * @param capitalUsdPerNode purchase price of one node without its accelerators, USD
 * @param networkingAndStorageFraction networking and storage as a fraction of the compute capital
 * @param amortisationYears years over which the capital is written off, {@code > 0}
 * @param utilisation fraction of the time the cluster does paid-for work, in (0, 1]
 * @param powerPriceUsdPerKilowattHour electricity price, USD per kWh
 * @param operationsStaffUsdPerYear the staff who run the cluster, USD per year
 */
public record OwnedEconomics(
    double capitalUsdPerAccelerator,
    double capitalUsdPerNode,
    double networkingAndStorageFraction,
    double amortisationYears,
    double utilisation,
    double powerPriceUsdPerKilowattHour,
    double operationsStaffUsdPerYear) {

  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException if a figure is negative or not finite, amortisation is not positive, or
   *     utilisation is outside (0, 1]
   */
  public OwnedEconomics {
    Amounts.nonNegative("capitalUsdPerAccelerator", capitalUsdPerAccelerator);
    Amounts.nonNegative("capitalUsdPerNode", capitalUsdPerNode);
    Amounts.nonNegative("networkingAndStorageFraction", networkingAndStorageFraction);
    Checks.positive("amortisationYears", amortisationYears);
    Checks.positiveFraction("utilisation", utilisation);
    Amounts.nonNegative("powerPriceUsdPerKilowattHour", powerPriceUsdPerKilowattHour);
    Amounts.nonNegative("operationsStaffUsdPerYear", operationsStaffUsdPerYear);
  }

}
