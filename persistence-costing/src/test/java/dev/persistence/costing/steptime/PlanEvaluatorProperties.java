package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/** The allocation-free path and the typed estimate give the same step time. */
class PlanEvaluatorProperties {

  @Test
  void evaluatorAgreesWithEstimate() {
    Architecture gpt = Architecture.megatronGpt(30, 2048, 16, 51200, 2048);
    StepTimeModel model =
        StepTimeModel.of(gpt, Selene.cluster(64), TrainingPrecision.MIXED_BF16_ADAM,
            Calibration.bundled("production-2025"));
    // 30 layers on 1, 2, 3 or 5 stages; at most 60 accelerators of the 64.
    PlanEvaluator evaluator = PlanEvaluator.of(model);
    Property.forAll(
            Gen.elements(1, 2, 4), Gen.elements(1, 2, 3, 5), Gen.elements(ActivationRecomputation.values()))
        .verify(
            (t, p, recomputation) -> {
              int d = Math.max(1, 60 / (t * p));
              int v = p > 1 && 30 % (p * 2) == 0 ? 2 : 1;
              ParallelismPlan plan =
                  ParallelismPlan.builder()
                      .tensorParallel(t)
                      .pipelineParallel(p)
                      .virtualPipelineStages(v)
                      .dataParallel(d)
                      .sequenceParallel(t > 1)
                      .recomputation(recomputation)
                      .zeroStage(ZeroStage.OPTIMIZER_STATES)
                      .microBatchSize(1)
                      .globalBatchSize(d * p * 4)
                      .sequenceLength(2048)
                      .build();
              double typed = model.estimate(plan).stepSeconds();
              double fast =
                  evaluator.stepSeconds(
                      evaluator.layerCosts(t, 1, 1, 1, 2048, t > 1), p, v, d, d * p * 4, recomputation,
                      ZeroStage.OPTIMIZER_STATES, false, 0);
              assertEquals(typed, fast, 1e-12 * typed, plan.toString());
            });
  }
}
