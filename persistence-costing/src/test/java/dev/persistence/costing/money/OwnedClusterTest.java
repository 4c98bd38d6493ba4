package dev.persistence.costing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.costing.energy.PowerModel;
import dev.persistence.costing.training.ComputeUsage;
import org.junit.jupiter.api.Test;

class OwnedClusterTest {

  /** A made-up cluster with round numbers so the expected values are hand arithmetic. */
  static ImmutableOwnedCluster cluster() {
    return OwnedCluster.builder()
        .acceleratorCount(1000)
        .acceleratorsPerNode(8)
        .capitalUsdPerAccelerator(8766 * 3) // $3 per hour over 1 year at full use
        .capitalUsdPerNode(8 * 8766) // $1 per accelerator-hour
        .networkingAndStorageFraction(0.25) // +$1 per hour
        .amortisationYears(1)
        .utilisation(1)
        .powerPriceUsdPerKilowattHour(0.10)
        .power(new PowerModel(1000, 1.0, 1.0, 1.0, "test: 1 kW all-in")) // $0.10 per hour
        .operationsStaffUsdPerYear(1000 * 8766 * 0.5) // $0.50 per accelerator-hour
        .build();
  }

  @Test
  void hourlyRateAndBreakdown() {
    OwnedCluster owned = cluster();
    assertEquals(3.0, owned.acceleratorCapitalUsdPerAcceleratorHour(), 1e-12);
    assertEquals(1.0, owned.nodeCapitalUsdPerAcceleratorHour(), 1e-12);
    assertEquals(1.0, owned.networkingAndStorageUsdPerAcceleratorHour(), 1e-12);
    assertEquals(0.5, owned.staffUsdPerAcceleratorHour(), 1e-12);
    assertEquals(0.1, owned.energyUsdPerAcceleratorHour(), 1e-12);
    assertEquals(5.6, owned.usdPerAcceleratorHour(), 1e-12);
    CostBreakdown cost = OwnedClusterCost.of(new ComputeUsage(1000, 500), owned);
    assertEquals(3000, cost.usd(CostComponent.ACCELERATOR_CAPITAL), 1e-9);
    assertEquals(5600, cost.totalUsd(), 1e-9);
    // Half the utilisation doubles capital and staff per used hour, not energy.
    OwnedCluster halfUsed = ImmutableOwnedCluster.copyOf(cluster()).withUtilisation(0.5);
    assertEquals(2 * 5.5 + 0.1, halfUsed.usdPerAcceleratorHour(), 1e-12);
  }

  @Test
  void cloudVersusOwnedForTheSameRun() {
    ComputeUsage usage = new ComputeUsage(1000, 500);
    CloudVersusOwned comparison = CloudVersusOwned.compare(usage, CloudPrice.DEEPSEEK_V3_H800, cluster());
    assertEquals(2000, comparison.cloud().totalUsd(), 1e-9);
    assertEquals(-3600, comparison.ownedSavingsUsd(), 1e-9);
    assertTrue(!comparison.owningIsCheaper());
  }

  @Test
  void rejections() {
    assertEquals(
        "job acceleratorCount (2000) must be <= the owned cluster's acceleratorCount (1000)",
        assertThrows(
                IllegalArgumentException.class, () -> OwnedClusterCost.of(new ComputeUsage(10, 2000), cluster()))
            .getMessage());
    assertEquals(
        "utilisation (0.0) must be in (0, 1]",
        assertThrows(IllegalArgumentException.class, () -> cluster().withUtilisation(0)).getMessage());
    assertEquals(
        "amortisationYears (0.0) must be finite and > 0",
        assertThrows(IllegalArgumentException.class, () -> cluster().withAmortisationYears(0)).getMessage());
    assertEquals(
        "capitalUsdPerAccelerator (-1.0) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> cluster().withCapitalUsdPerAccelerator(-1))
            .getMessage());
    assertEquals(
        "capitalUsdPerNode (NaN) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> cluster().withCapitalUsdPerNode(Double.NaN))
            .getMessage());
    assertEquals(
        "networkingAndStorageFraction (-0.1) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> cluster().withNetworkingAndStorageFraction(-0.1))
            .getMessage());
    assertEquals(
        "powerPriceUsdPerKilowattHour (-0.1) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> cluster().withPowerPriceUsdPerKilowattHour(-0.1))
            .getMessage());
    assertEquals(
        "operationsStaffUsdPerYear (-1.0) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> cluster().withOperationsStaffUsdPerYear(-1))
            .getMessage());
    assertEquals(
        "acceleratorCount (0) must be > 0",
        assertThrows(IllegalArgumentException.class, () -> cluster().withAcceleratorCount(0)).getMessage());
    assertEquals(
        "acceleratorsPerNode (0) must be > 0",
        assertThrows(IllegalArgumentException.class, () -> cluster().withAcceleratorsPerNode(0)).getMessage());
  }
}
