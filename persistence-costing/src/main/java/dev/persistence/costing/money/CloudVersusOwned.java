package dev.persistence.costing.money;

/**
 * The same job rented and owned.
 *
 * @param cloud the cost at a cloud price
 * @param owned the cost on an owned cluster
 */
public record CloudVersusOwned(CostBreakdown cloud, CostBreakdown owned) {

  /**
   * Compares renting and owning for {@code usage}.
   *
   * @param usage accelerator-hours occupied
   * @param price the cloud price
   * @param cluster the owned cluster
   * @throws IllegalArgumentException if the job needs more accelerators than the owned cluster has
   */
  public static CloudVersusOwned compare(
      dev.persistence.costing.training.ComputeUsage usage, CloudPrice price, OwnedCluster cluster) {
    return new CloudVersusOwned(CloudCost.of(usage, price), OwnedClusterCost.of(usage, cluster));
  }

  /** Dollars saved by owning (negative when renting is cheaper). */
  public double ownedSavingsUsd() {
    return cloud.totalUsd() - owned.totalUsd();
  }

  /** Whether owning costs less than renting. */
  public boolean owningIsCheaper() {
    return owned.totalUsd() < cloud.totalUsd();
  }
}
