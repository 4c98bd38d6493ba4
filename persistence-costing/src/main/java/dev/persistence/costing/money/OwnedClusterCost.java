package dev.persistence.costing.money;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.costing.training.ComputeUsage;
import java.util.EnumMap;
import java.util.Map;

/** The cost of a job on a cluster you own, by component. */
public final class OwnedClusterCost {

  private OwnedClusterCost() {}

  /**
   * Cost of {@code usage} on {@code cluster}.
   *
   * @param usage accelerator-hours occupied
   * @param cluster the owned cluster's economics
   * @throws IllegalArgumentException if the job needs more accelerators than the cluster has
   */
  public static CostBreakdown of(ComputeUsage usage, OwnedCluster cluster) {
    checkArgument(
        usage.acceleratorCount() <= cluster.acceleratorCount(),
        "job acceleratorCount (%s) must be <= the owned cluster's acceleratorCount (%s)",
        usage.acceleratorCount(),
        cluster.acceleratorCount());
    double hours = usage.acceleratorHours();
    Map<CostComponent, Double> usd = new EnumMap<>(CostComponent.class);
    usd.put(CostComponent.ACCELERATOR_CAPITAL, hours * cluster.acceleratorCapitalUsdPerAcceleratorHour());
    usd.put(CostComponent.NODE_CAPITAL, hours * cluster.nodeCapitalUsdPerAcceleratorHour());
    usd.put(
        CostComponent.NETWORKING_AND_STORAGE_CAPITAL, hours * cluster.networkingAndStorageUsdPerAcceleratorHour());
    usd.put(CostComponent.OPERATIONS_STAFF, hours * cluster.staffUsdPerAcceleratorHour());
    usd.put(CostComponent.ENERGY, hours * cluster.energyUsdPerAcceleratorHour());
    return new CostBreakdown(usd);
  }
}
