package dev.persistence.costing.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.memory.TrainingMemory;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.StepTimeModel;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/** Invariants of the plan search. */
class PlanSearchProperties {

  private static final Gen<Architecture> MODELS =
      Gen.elements(
          Architecture.megatronGpt(24, 2048, 16, 51200, 2048),
          Architecture.megatronGpt(40, 5120, 40, 51200, 2048),
          Architecture.megatronGpt(48, 6144, 64, 51200, 2048));

  private static SearchRequest request(Architecture architecture, int gpus, int globalBatch) {
    return SearchRequest.of(
            architecture,
            PlanSearchTest.a100Cluster(gpus),
            TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS,
            gpus,
            globalBatch,
            2048)
        .withTop(10);
  }

  @Test
  void everyReturnedPlanFits() {
    Property.forAll(MODELS, Gen.elements(8, 16, 32), Gen.elements(32, 64, 128))
        .tries(12)
        .verify(
            (architecture, gpus, globalBatch) -> {
              SearchRequest request = request(architecture, gpus, globalBatch);
              SearchResult result = PlanSearch.search(request);
              for (StepTimeEstimate estimate : result.plans()) {
                // An independent memory check, not the search's own, with the allowance the search was given.
                assertTrue(
                    TrainingMemory.estimate(
                            architecture, estimate.plan(), TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS,
                            80L << 30, request.allowance())
                        .fits(),
                    estimate.plan().toString());
                assertTrue(estimate.plan().acceleratorCount() == gpus);
              }
              assertTrue(result.fittingPlans() <= result.evaluatedPlans());
            });
  }

  @Test
  void exposingTheForwardTensorParallelCommunicationNeverFindsAFasterPlan() {
    // Under the production calibration, which hides most of the forward's TP collectives when overlapped.
    Property.forAll(MODELS, Gen.elements(8, 16, 32), Gen.elements(32, 64))
        .tries(9)
        .verify(
            (architecture, gpus, globalBatch) -> {
              SearchRequest overlapped =
                  request(architecture, gpus, globalBatch).withCalibration(Calibration.bundled("production-2025"));
              SearchRequest exposed =
                  overlapped.withTensorParallelCommunication(TensorParallelCommunication.FORWARD_EXPOSED);
              SearchResult fast = PlanSearch.search(overlapped);
              SearchResult slow = PlanSearch.search(exposed);
              assertTrue(fast.found() == slow.found());
              for (StepTimeEstimate estimate : slow.plans()) {
                assertTrue(
                    estimate.plan().tensorParallelCommunication() == TensorParallelCommunication.FORWARD_EXPOSED,
                    estimate.plan().toString());
              }
              if (fast.found()) {
                assertTrue(
                    slow.plans().get(0).stepSeconds() >= fast.plans().get(0).stepSeconds() * (1 - 1e-12),
                    slow.plans().get(0) + " vs " + fast.plans().get(0));
              }
            });
  }

  @Test
  void bestIsAtLeastAsFastAsAnyHandWrittenPlan() {
    Property.forAll(MODELS, Gen.elements(16, 32), Gen.enumValues(ActivationRecomputation.class))
        .tries(9)
        .verify(
            (architecture, gpus, recompute) -> {
              SearchRequest request = request(architecture, gpus, 64);
              SearchResult result = PlanSearch.search(request);
              StepTimeModel model =
                  StepTimeModel.of(architecture, request.cluster(), request.precision(), request.calibration());
              double best = result.plans().isEmpty() ? Double.POSITIVE_INFINITY : result.plans().get(0).stepSeconds();
              int heads = architecture.attention().numAttentionHeads();
              for (int t = 1; t <= 8; t *= 2) {
                for (int p = 1; p <= 4; p *= 2) {
                  for (int b = 1; b <= 4; b *= 2) {
                    for (int zero = 0; zero <= 3; zero++) {
                      int d = gpus / (t * p);
                      if (heads % t != 0 || d < 1 || 64 % (b * d) != 0) {
                        continue;
                      }
                      ParallelismPlan plan =
                          ParallelismPlan.builder()
                              .tensorParallel(t)
                              .pipelineParallel(p)
                              .dataParallel(d)
                              .microBatchSize(b)
                              .globalBatchSize(64)
                              .sequenceLength(2048)
                              .recomputation(recompute)
                              .sequenceParallel(t > 1)
                              .zeroStage(ZeroStage.of(zero))
                              .build();
                      StepTimeEstimate hand = model.estimate(plan);
                      if (hand.fits()) {
                        assertTrue(
                            best <= hand.stepSeconds() * (1 + 1e-9),
                            "searched " + best + " slower than " + hand.stepSeconds() + " for " + plan);
                      }
                    }
                  }
                }
              }
            });
  }

  @Test
  void costObjectiveIsNeverCostlierThanTheFastestPlan() {
    Architecture architecture = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);
    SearchRequest request = request(architecture, 32, 64);
    StepTimeEstimate fastest = PlanSearch.search(request).plans().get(0);
    StepTimeEstimate cheapest = PlanSearch.search(request.withObjective(Objective.COST)).plans().get(0);
    assertTrue(
        cheapest.stepSeconds() * cheapest.plan().acceleratorCount()
            <= fastest.stepSeconds() * fastest.plan().acceleratorCount() * (1 + 1e-9));
  }

  @Test
  void paretoFrontGetsFasterWithMoreAccelerators() {
    Architecture architecture = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);
    double previous = Double.POSITIVE_INFINITY;
    int previousCount = 0;
    for (StepTimeEstimate point : PlanSearch.paretoFront(request(architecture, 64, 64))) {
      assertTrue(point.stepSeconds() < previous);
      assertTrue(point.plan().acceleratorCount() > previousCount);
      previous = point.stepSeconds();
      previousCount = (int) point.plan().acceleratorCount();
    }
  }
}
