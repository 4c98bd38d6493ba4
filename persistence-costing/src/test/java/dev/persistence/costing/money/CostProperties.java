package dev.persistence.costing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.costing.training.ComputeUsage;
import org.junit.jupiter.api.Test;

class CostProperties {

  private static final double[] UTILISATIONS = {0.1, 0.3, 0.5, 0.7, 0.9, 1.0};
  private static final double[] YEARS = {1, 3, 4, 5, 7};
  private static final double[] HOURS = {1, 1e3, 2.788e6, 3.084e7};

  @Test
  void ownedBreakdownsSumToTheHourlyRateTimesHours() {
    for (double utilisation : UTILISATIONS) {
      for (double years : YEARS) {
        OwnedCluster owned =
            OwnedClusterTest.cluster().withUtilisation(utilisation).withAmortisationYears(years);
        for (double hours : HOURS) {
          CostBreakdown cost = OwnedClusterCost.of(new ComputeUsage(hours, 100), owned);
          double sum = 0;
          for (CostComponent component : CostComponent.values()) {
            sum += cost.usd(component);
          }
          assertEquals(cost.totalUsd(), sum, cost.totalUsd() * 1e-12);
          assertEquals(owned.usdPerAcceleratorHour() * hours, cost.totalUsd(), cost.totalUsd() * 1e-12);
        }
      }
    }
  }

  @Test
  void busierOrLongerLivedClustersNeverCostMorePerHour() {
    for (double years : YEARS) {
      double previous = Double.POSITIVE_INFINITY;
      for (double utilisation : UTILISATIONS) {
        double rate =
            OwnedClusterTest.cluster().withUtilisation(utilisation).withAmortisationYears(years)
                .usdPerAcceleratorHour();
        assertTrue(rate <= previous);
        previous = rate;
      }
    }
    for (double utilisation : UTILISATIONS) {
      double previous = Double.POSITIVE_INFINITY;
      for (double years : YEARS) {
        double rate =
            OwnedClusterTest.cluster().withUtilisation(utilisation).withAmortisationYears(years)
                .usdPerAcceleratorHour();
        assertTrue(rate <= previous);
        previous = rate;
      }
    }
  }

  @Test
  void cloudCostIsLinearInHoursAndPrice() {
    for (double hours : HOURS) {
      for (CloudPrice price : CloudPrice.presets()) {
        double cost = CloudCost.of(new ComputeUsage(hours, 8), price).totalUsd();
        assertEquals(hours * price.usdPerAcceleratorHour(), cost, cost * 1e-12);
        double doubled = CloudCost.of(new ComputeUsage(2 * hours, 8), price).totalUsd();
        assertEquals(2 * cost, doubled, cost * 1e-12);
      }
    }
  }
}
