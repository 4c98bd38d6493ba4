package dev.persistence.costing.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.memory.TrainingMemory;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineLayout;
import dev.persistence.core.parallelism.PipelineSchedule;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.HybridModels;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * The search's allocation-free memory agrees with {@link TrainingMemory} for hybrid stacks (a Jamba-like one with
 * interleaved experts, a Granite-4-like one with dense MLPs, a Nemotron-H-like one whose layers hold one block
 * each): the most-loaded stage's total, every stage summed from its own attention, mixer and MLP layers, under
 * 1F1B, interleaving and DualPipe.
 */
class FastMemoryHybridProperties {

  private static final long CAPACITY = 80L << 30;

  @Test
  void fastMemoryAgreesWithTrainingMemory() {
    Property.forAll(
            Gen.elements(
                HybridModels.jambaMini(true), HybridModels.granite4Micro(true), HybridModels.nemotronNano9b(true)),
            Gen.elements(1, 2, 4),
            Gen.elements(1, 2, 3, 4, 5, 8))
        .verify(
            (model, t, p) -> {
              int layers = model.numLayers();
              FastMemory memory = new FastMemory(model, PRECISION, MemoryAllowance.ASSUMED_DEFAULT, CAPACITY);
              double[] kinds = new double[FastMemory.KINDS];
              for (int v = 1; v <= 2; v++) {
                if (v > 1 && (p == 1 || !PipelineLayout.balancedSplitExists(layers, p, v))) {
                  continue;
                }
                for (ActivationRecomputation recomputation : ActivationRecomputation.values()) {
                  memory.kindActivationBytes(t, 1, 1, SEQUENCE, t > 1, recomputation, false, kinds);
                  for (ZeroStage zero : ZeroStage.values()) {
                    for (boolean offload : new boolean[] {false, true}) {
                      // DualPipe where a plan may use it: an even pipeline degree without virtual stages.
                      for (int schedule = 0; schedule < (v == 1 && p % 2 == 0 ? 2 : 1); schedule++) {
                        boolean dualPipe = schedule == 1;
                        ParallelismPlan plan = plan(t, p, v, recomputation, zero, offload, dualPipe);
                        double full =
                            TrainingMemory.estimate(
                                    model, plan, PRECISION, CAPACITY, MemoryAllowance.ASSUMED_DEFAULT)
                                .totalBytes();
                        double fast =
                            memory.peakBytesHybrid(
                                t, p, v, DATA, 1, 1, 1, 2 * p, SEQUENCE, kinds, zero.stage(), false, offload,
                                dualPipe);
                        // TrainingMemory rounds each component up to a whole byte.
                        assertEquals(full, fast, 16, plan.toString());
                      }
                    }
                  }
                }
              }
            });
  }

  @Test
  void searchOnHybridStacksReturnsPlansThatFit() {
    Property.forAll(
            Gen.elements(
                HybridModels.granite4Micro(true), HybridModels.jambaMini(true), HybridModels.nemotronNano9b(true)),
            Gen.elements(8, 16),
            Gen.elements(2048, 8192))
        .tries(8)
        .verify(
            (model, gpus, sequence) -> {
              SearchResult result =
                  PlanSearch.search(
                      SearchRequest.of(
                              model, PlanSearchTest.a100Cluster(gpus), PRECISION, gpus, 64, sequence)
                          .withTop(5));
              assertTrue(result.fittingPlans() > 0, "no plan fits " + model.numLayers() + " layers");
              for (StepTimeEstimate estimate : result.plans()) {
                assertTrue(
                    TrainingMemory.estimate(
                            model, estimate.plan(), PRECISION, 80L << 30, MemoryAllowance.PYTORCH_CUDA_TRAINING)
                        .fits(),
                    estimate.plan().toString());
              }
            });
  }

  private static final TrainingPrecision PRECISION = TrainingPrecision.MIXED_BF16_ADAM;
  private static final int SEQUENCE = 4096;
  private static final int DATA = 2;

  private static ParallelismPlan plan(
      int t,
      int p,
      int v,
      ActivationRecomputation recomputation,
      ZeroStage zero,
      boolean activationOffload,
      boolean dualPipe) {
    return ParallelismPlan.builder()
        .pipelineSchedule(dualPipe ? PipelineSchedule.DUAL_PIPE : PipelineSchedule.ONE_F_ONE_B)
        .tensorParallel(t)
        .pipelineParallel(p)
        .virtualPipelineStages(v)
        .dataParallel(DATA)
        .sequenceParallel(t > 1)
        .recomputation(recomputation)
        .zeroStage(zero)
        .activationOffload(activationOffload)
        .microBatchSize(1)
        .globalBatchSize(DATA * 2 * p)
        .sequenceLength(SEQUENCE)
        .build();
  }
}
