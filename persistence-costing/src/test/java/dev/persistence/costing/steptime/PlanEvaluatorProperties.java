package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineLayout;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.HybridModels;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free path and the typed estimate give the same step time, for an all-attention stack and for
 * hybrid ones (Jamba-like with interleaved experts, Granite-4-like), whose slowest stage the per-layer costs pick.
 */
class PlanEvaluatorProperties {

  @Test
  void evaluatorAgreesWithEstimate() {
    agree(Architecture.megatronGpt(30, 2048, 16, 51200, 2048));
  }

  @Test
  void evaluatorAgreesWithEstimateForHybridStacks() {
    agree(HybridModels.jambaMini(true));
    agree(HybridModels.granite4Micro(true));
  }

  private static void agree(Architecture architecture) {
    StepTimeModel model =
        StepTimeModel.of(architecture, Selene.cluster(64), TrainingPrecision.MIXED_BF16_ADAM,
            Calibration.bundled("production-2025"));
    int layers = architecture.numLayers();
    // 1 to 5 stages (uneven ones included); at most 60 accelerators of the 64.
    PlanEvaluator evaluator = PlanEvaluator.of(model);
    Property.forAll(
            Gen.elements(1, 2, 4), Gen.elements(1, 2, 3, 4, 5), Gen.elements(ActivationRecomputation.values()))
        .verify(
            (t, p, recomputation) -> {
              int d = Math.max(1, 60 / (t * p));
              int v = p > 1 && PipelineLayout.balancedSplitExists(layers, p, 2) && layers % (p * 2) == 0 ? 2 : 1;
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
              // The forward's TP communication exposed (TorchTitan without async TP).
              ParallelismPlan exposed =
                  dev.persistence.core.parallelism.ImmutableParallelismPlan.copyOf(plan)
                      .withTensorParallelCommunication(TensorParallelCommunication.FORWARD_EXPOSED);
              double typedExposed = model.estimate(exposed).stepSeconds();
              double fastExposed =
                  evaluator.stepSeconds(
                      evaluator.layerCosts(t, 1, 1, 1, 2048, t > 1, TensorParallelCommunication.FORWARD_EXPOSED),
                      p, v, d, d * p * 4, recomputation, ZeroStage.OPTIMIZER_STATES, false, 0);
              assertEquals(typedExposed, fastExposed, 1e-12 * typedExposed, exposed.toString());
              // The memory-bound modules alone, as the search tries them; ZeRO-2 and 3 with their per-micro-batch
              // gradient reduce-scatters.
              for (ZeroStage zero : new ZeroStage[] {ZeroStage.GRADIENTS, ZeroStage.PARAMETERS}) {
                ParallelismPlan modules =
                    dev.persistence.core.parallelism.ImmutableParallelismPlan.copyOf(plan)
                        .withRecomputation(ActivationRecomputation.SELECTIVE)
                        .withRecomputedModules(PlanEvaluator.MEMORY_BOUND_MODULES)
                        .withZeroStage(zero);
                double typedModules = model.estimate(modules).stepSeconds();
                double fastModules =
                    evaluator.stepSecondsRecomputingMemoryBoundModules(
                        evaluator.layerCosts(t, 1, 1, 1, 2048, t > 1), p, v, d, d * p * 4, zero, false, 0);
                assertEquals(typedModules, fastModules, 1e-12 * typedModules, modules.toString());
              }
              // DualPipe, where the pipeline allows it (even degree, no virtual stages).
              if (p % 2 == 0) {
                for (boolean memoryBound : new boolean[] {false, true}) {
                  ParallelismPlan dual =
                      dev.persistence.core.parallelism.ImmutableParallelismPlan.copyOf(plan)
                          .withVirtualPipelineStages(1)
                          .withPipelineSchedule(dev.persistence.core.parallelism.PipelineSchedule.DUAL_PIPE)
                          .withRecomputation(memoryBound ? ActivationRecomputation.SELECTIVE : recomputation)
                          .withRecomputedModules(
                              memoryBound ? PlanEvaluator.MEMORY_BOUND_MODULES : java.util.Set.of());
                  double typedDual = model.estimate(dual).stepSeconds();
                  double fastDual =
                      evaluator.stepSecondsDualPipe(
                          evaluator.layerCosts(t, 1, 1, 1, 2048, t > 1), p, d, d * p * 4, recomputation,
                          memoryBound, ZeroStage.OPTIMIZER_STATES, false, 0);
                  assertEquals(typedDual, fastDual, 1e-12 * typedDual, dual.toString());
                }
              }
            });
  }
}
