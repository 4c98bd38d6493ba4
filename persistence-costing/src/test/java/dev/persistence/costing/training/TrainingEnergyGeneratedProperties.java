package dev.persistence.costing.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.costing.energy.EnergyEstimate;
import dev.persistence.costing.energy.PowerModel;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/** Monotonicity of run time and energy over generated plans (the project's testkit, seeded by CI). */
class TrainingEnergyGeneratedProperties {

  record Plan(double flops, long count, double mfuLow, double mfuHigh, double goodput) {}

  private static final Gen<Plan> PLANS =
      Gen.zip(
          Gen.zip(Gen.logUniform(1e20, 1e27), Gen.logUniformLongs(1, 200_000), (f, c) -> new double[] {f, c}),
          Gen.zip(Gen.doubles(0.01, 1.0), Gen.doubles(0.01, 1.0), (a, b) -> new double[] {a, b}),
          Gen.doubles(0.5, 1.0),
          (fc, mfus, goodput) ->
              new Plan(fc[0], (long) fc[1], Math.min(mfus[0], mfus[1]), Math.max(mfus[0], mfus[1]), goodput));

  @Test
  void moreMfuNeverCostsMoreHoursOrEnergy() {
    Property.forAll(PLANS, Gen.doubles(1.0, 2.0))
        .verify(
            (plan, pue) -> {
              Goodput goodput = Goodput.of(plan.goodput(), "generated");
              TrainingRun slow =
                  TrainingRun.withModelFlopsUtilization(plan.flops(), plan.count(), 989e12, plan.mfuLow(), goodput);
              TrainingRun fast =
                  TrainingRun.withModelFlopsUtilization(plan.flops(), plan.count(), 989e12, plan.mfuHigh(), goodput);
              assertTrue(fast.acceleratorHours() <= slow.acceleratorHours());
              PowerModel power = new PowerModel(700, 0.9, 1.82, pue, "generated");
              assertTrue(
                  EnergyEstimate.of(fast.usage(), power).facilityKilowattHours()
                      <= EnergyEstimate.of(slow.usage(), power).facilityKilowattHours());
            });
  }

  @Test
  void higherPueNeverLessEnergy() {
    Property.forAll(PLANS, Gen.doubles(1.0, 2.0), Gen.doubles(1.0, 2.0))
        .verify(
            (plan, a, b) -> {
              TrainingRun run =
                  TrainingRun.withModelFlopsUtilization(
                      plan.flops(), plan.count(), 989e12, plan.mfuHigh(), Goodput.of(plan.goodput(), "generated"));
              PowerModel low = new PowerModel(700, 0.9, 1.82, Math.min(a, b), "generated");
              PowerModel high = low.withPowerUsageEffectiveness(Math.max(a, b));
              assertTrue(
                  EnergyEstimate.of(run.usage(), high).facilityKilowattHours()
                      >= EnergyEstimate.of(run.usage(), low).facilityKilowattHours());
            });
  }
}
