package dev.persistence.costing.plan;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;

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
    nonNegative("capitalUsdPerAccelerator", capitalUsdPerAccelerator);
    nonNegative("capitalUsdPerNode", capitalUsdPerNode);
    nonNegative("networkingAndStorageFraction", networkingAndStorageFraction);
    Checks.positive("amortisationYears", amortisationYears);
    Checks.positiveFraction("utilisation", utilisation);
    nonNegative("powerPriceUsdPerKilowattHour", powerPriceUsdPerKilowattHour);
    nonNegative("operationsStaffUsdPerYear", operationsStaffUsdPerYear);
  }

  private static void nonNegative(String field, double value) {
    checkArgument(value >= 0 && Double.isFinite(value), "%s (%s) must be finite and >= 0", field, value);
    checkArgument(
        value <= dev.persistence.core.exact.Amounts.upperBound(field), "%s (%s) must be <= %s", field, value, dev.persistence.core.exact.Amounts.upperBound(field));
  }
}
