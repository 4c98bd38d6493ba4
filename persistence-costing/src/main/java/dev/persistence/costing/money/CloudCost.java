package dev.persistence.costing.money;

import dev.persistence.costing.training.ComputeUsage;
import java.util.Map;

/** The cost of renting accelerators: accelerator-hours times the price per accelerator-hour. */
public final class CloudCost {

  private CloudCost() {}

  /**
   * Cost of {@code usage} at {@code price}.
   *
   * @param usage accelerator-hours occupied
   * @param price dollars per accelerator-hour
   */
  public static CostBreakdown of(ComputeUsage usage, CloudPrice price) {
    return new CostBreakdown(
        Map.of(CostComponent.CLOUD_RENTAL, usage.acceleratorHours() * price.usdPerAcceleratorHour()));
  }
}
