package dev.persistence.examples.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.costing.regulation.ComputeThresholds;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.ScalingLaws;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import dev.persistence.testkit.architecture.ArchitectureGen;
import org.junit.jupiter.api.Test;

/** Invariants a planner relies on, checked through the published API with persistence-testkit. */
class TrainingSketchProperties {

  @Test
  void moreTokensNeverCostFewerFlops() {
    Property.forAll(ArchitectureGen.dense(), Gen.logUniform(1e9, 1e13), Gen.doubles(1.0, 10.0))
        .names("model", "tokens", "factor")
        .check(
            (model, tokens, factor) ->
                TrainingSketch.trainingFlops(model, model.contextLength(), tokens * factor)
                    >= TrainingSketch.trainingFlops(model, model.contextLength(), tokens));
  }

  @Test
  void moreComputeNeverCrossesFewerThresholds() {
    Property.forAll(Gen.logUniform(1e22, 1e27), Gen.logUniform(1e22, 1e27))
        .names("smaller", "larger")
        .verify(
            (a, b) -> {
              double low = Math.min(a, b);
              double high = Math.max(a, b);
              assertTrue(ComputeThresholds.crossed(low).size() <= ComputeThresholds.crossed(high).size());
            });
  }

  @Test
  void theOptimalModelGrowsWithCompute() {
    ChinchillaLaw law = ScalingLaws.chinchillaForm("ChinchillaLaw.HOFFMANN_2022");
    Property.forAll(Gen.logUniform(1e20, 1e26))
        .name("trainingFlops")
        .check(flops -> law.optimalParameters(2 * flops) > law.optimalParameters(flops));
  }
}
