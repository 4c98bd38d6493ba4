package dev.persistence.costing.money;


import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.Amounts;
import dev.persistence.costing.energy.PowerModel;
import dev.persistence.costing.training.Durations;
import org.immutables.value.Value;

/**
 * The economics of a cluster you own: what it cost, how long it is written off over, how busy it is, and what it
 * takes to run. Capital and staff are spread over the hours the cluster does paid-for work, so an idle cluster
 * makes every used hour dearer:
 *
 * <pre>{@code capital per accelerator-hour = capital per accelerator / (amortisationYears x 8766 h x utilisation)}</pre>
 *
 * <p>Energy is charged for the hours a job runs at {@link #power()} and {@link #powerPriceUsdPerKilowattHour()};
 * idle draw is not charged to the job. Straight-line amortisation, no cost of capital, no resale value: add them
 * to the capital if they matter to you. There are no defaults: every figure is the user's.
 */
@Value.Immutable
public abstract class OwnedCluster {


  /** Returns a new builder. */
  public static ImmutableOwnedCluster.Builder builder() {
    return ImmutableOwnedCluster.builder();
  }

  /** Accelerators in the cluster (staff cost is spread over all of them). */
  public abstract long acceleratorCount();

  /** Accelerators per node. */
  public abstract int acceleratorsPerNode();

  /** Purchase price of one accelerator, US dollars. */
  public abstract double capitalUsdPerAccelerator();

  /** Purchase price of one node beyond its accelerators (chassis, CPUs, memory, NICs), US dollars. */
  public abstract double capitalUsdPerNode();

  /**
   * Networking fabric and storage as a fraction of the accelerator and node capital ({@code 0.2} adds 20%).
   */
  public abstract double networkingAndStorageFraction();

  /** Years the capital is written off over. */
  public abstract double amortisationYears();

  /** Fraction of the cluster's hours that do paid-for work, in (0, 1]. */
  public abstract double utilisation();

  /** Electricity price, US dollars per kWh. */
  public abstract double powerPriceUsdPerKilowattHour();

  /** Power per accelerator while working, PUE included. */
  public abstract PowerModel power();

  /** Operations staff (site reliability, data-centre technicians) for the whole cluster, US dollars per year. */
  public abstract double operationsStaffUsdPerYear();

  /**
   * Checks the rules of a valid {@code OwnedCluster} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("acceleratorCount", acceleratorCount());
    Checks.positive("acceleratorsPerNode", acceleratorsPerNode());
    Amounts.nonNegative("capitalUsdPerAccelerator", capitalUsdPerAccelerator());
    Amounts.nonNegative("capitalUsdPerNode", capitalUsdPerNode());
    Amounts.nonNegative("networkingAndStorageFraction", networkingAndStorageFraction());
    Checks.positive("amortisationYears", amortisationYears());
    Checks.positiveFraction("utilisation", utilisation());
    // Capital per used hour divides by the used hours: under one hour the price per hour has no meaning.
    Checks.check(
        usedHoursPerAccelerator() >= 1,
        "amortisationYears",
        amortisationYears(),
        "x " + Durations.HOURS_PER_JULIAN_YEAR + " h x utilisation (" + utilisation() + ") must give at least one"
            + " used hour per accelerator");
    // Staff cost per used hour divides by the hours used in a year.
    Checks.check(
        utilisation() * Durations.HOURS_PER_JULIAN_YEAR >= 1,
        "utilisation",
        utilisation(),
        "x " + Durations.HOURS_PER_JULIAN_YEAR + " h must give at least one used hour a year");
    Amounts.nonNegative("powerPriceUsdPerKilowattHour", powerPriceUsdPerKilowattHour());
    Amounts.nonNegative("operationsStaffUsdPerYear", operationsStaffUsdPerYear());
  }


  private double usedHoursPerAccelerator() {
    return amortisationYears() * Durations.HOURS_PER_JULIAN_YEAR * utilisation();
  }

  /** Accelerator capital per used accelerator-hour, US dollars. */
  public double acceleratorCapitalUsdPerAcceleratorHour() {
    return capitalUsdPerAccelerator() / usedHoursPerAccelerator();
  }

  /** Node capital per used accelerator-hour, US dollars. */
  public double nodeCapitalUsdPerAcceleratorHour() {
    return capitalUsdPerNode() / acceleratorsPerNode() / usedHoursPerAccelerator();
  }

  /** Networking and storage capital per used accelerator-hour, US dollars. */
  public double networkingAndStorageUsdPerAcceleratorHour() {
    return networkingAndStorageFraction()
        * (acceleratorCapitalUsdPerAcceleratorHour() + nodeCapitalUsdPerAcceleratorHour());
  }

  /** Staff per used accelerator-hour, US dollars. */
  public double staffUsdPerAcceleratorHour() {
    return operationsStaffUsdPerYear() / (acceleratorCount() * Durations.HOURS_PER_JULIAN_YEAR * utilisation());
  }

  /** Electricity per working accelerator-hour (facility power, PUE included), US dollars. */
  public double energyUsdPerAcceleratorHour() {
    return power().facilityWattsPerAccelerator() / 1000.0 * powerPriceUsdPerKilowattHour();
  }

  /** The all-in cost of one used accelerator-hour, comparable to a cloud price. */
  public double usdPerAcceleratorHour() {
    return acceleratorCapitalUsdPerAcceleratorHour()
        + nodeCapitalUsdPerAcceleratorHour()
        + networkingAndStorageUsdPerAcceleratorHour()
        + staffUsdPerAcceleratorHour()
        + energyUsdPerAcceleratorHour();
  }
}
