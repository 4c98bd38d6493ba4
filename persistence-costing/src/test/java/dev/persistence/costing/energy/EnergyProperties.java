package dev.persistence.costing.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.costing.training.ComputeUsage;
import org.junit.jupiter.api.Test;

class EnergyProperties {

  private static final double[] PUES = {1.0, 1.05, 1.1, 1.14, 1.4, 2.0};
  private static final double[] FRACTIONS = {0.3, 0.6, 0.76, 1.0, 1.2};
  private static final double[] RATIOS = {1.0, 1.3, 1.82, 2.5};
  private static final double[] TDPS = {300, 400, 700, 1000, 1200};

  @Test
  void higherPueOrDrawNeverUsesLessEnergy() {
    ComputeUsage usage = new ComputeUsage(1e6, 1024);
    for (double tdp : TDPS) {
      for (double ratio : RATIOS) {
        for (double fraction : FRACTIONS) {
          double previous = -1;
          for (double pue : PUES) {
            double kwh = EnergyEstimate.of(usage, new PowerModel(tdp, fraction, ratio, pue, "grid"))
                .facilityKilowattHours();
            assertTrue(kwh >= previous);
            previous = kwh;
          }
        }
        for (double pue : PUES) {
          double previous = -1;
          for (double fraction : FRACTIONS) {
            double kwh = EnergyEstimate.of(usage, new PowerModel(tdp, fraction, ratio, pue, "grid"))
                .facilityKilowattHours();
            assertTrue(kwh >= previous);
            previous = kwh;
          }
        }
      }
    }
  }

  @Test
  void componentsSumToTheTotalAndTheTotalIsPowerTimesHours() {
    for (double tdp : TDPS) {
      for (double ratio : RATIOS) {
        for (double fraction : FRACTIONS) {
          for (double pue : PUES) {
            PowerModel power = new PowerModel(tdp, fraction, ratio, pue, "grid");
            EnergyEstimate energy = EnergyEstimate.of(new ComputeUsage(12_345, 64), power);
            double total = energy.facilityKilowattHours();
            assertEquals(
                energy.acceleratorKilowattHours()
                    + energy.serverOverheadKilowattHours()
                    + energy.facilityOverheadKilowattHours(),
                total,
                total * 1e-12);
            assertEquals(12_345 * power.facilityWattsPerAccelerator() / 1000, total, total * 1e-12);
            assertEquals(energy.itKilowattHours() * pue, total, total * 1e-12);
          }
        }
      }
    }
  }

  @Test
  void carbonIsMonotoneInIntensity() {
    EnergyEstimate energy = new EnergyEstimate(1000, 200, 100);
    double previous = -1;
    for (double intensity : new double[] {0, 0.01, 0.057, 0.2, 0.429, 0.9}) {
      double tonnes =
          new GridIntensity("g", intensity, CarbonAccounting.LOCATION_BASED, "grid")
              .tonnesCo2e(energy.facilityKilowattHours());
      assertTrue(tonnes >= previous);
      previous = tonnes;
    }
  }
}
