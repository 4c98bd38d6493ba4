package dev.persistence.costing.plan;


import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.Amounts;
import org.immutables.value.Value;

/**
 * What owning the cluster costs, apart from what the scenario's cluster already says (its size and power).
 */
@Value.Immutable
public abstract class OwnedEconomics {

  /** Returns a new builder. */
  public static ImmutableOwnedEconomics.Builder builder() {
    return ImmutableOwnedEconomics.builder();
  }

  /** Purchase price of one accelerator, USD. */
  public abstract double capitalUsdPerAccelerator();

  /** Purchase price of one node without its accelerators, USD. */
  public abstract double capitalUsdPerNode();

  /** Networking and storage as a fraction of the compute capital. */
  public abstract double networkingAndStorageFraction();

  /** Years over which the capital is written off, {@code > 0}. */
  public abstract double amortisationYears();

  /** Fraction of the time the cluster does paid-for work, in (0, 1]. */
  public abstract double utilisation();

  /** Electricity price, USD per kWh. */
  public abstract double powerPriceUsdPerKilowattHour();

  /** The staff who run the cluster, USD per year. */
  public abstract double operationsStaffUsdPerYear();


  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException if a figure is negative or not finite, amortisation is not positive, or
   *     utilisation is outside (0, 1]
   */
  @Value.Check
  protected void check() {
    Amounts.nonNegative("capitalUsdPerAccelerator", capitalUsdPerAccelerator());
    Amounts.nonNegative("capitalUsdPerNode", capitalUsdPerNode());
    Amounts.nonNegative("networkingAndStorageFraction", networkingAndStorageFraction());
    Checks.positive("amortisationYears", amortisationYears());
    Checks.positiveFraction("utilisation", utilisation());
    Amounts.nonNegative("powerPriceUsdPerKilowattHour", powerPriceUsdPerKilowattHour());
    Amounts.nonNegative("operationsStaffUsdPerYear", operationsStaffUsdPerYear());
  }

}
