package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/** Invariants of the step-time model over generated plans. */
class StepTimeProperties {

  /** A 1.3B-class GPT (24 layers, hidden 2048, 16 heads) and a 2.7B-class one: small enough to be quick. */
  private static final Gen<Architecture> MODELS =
      Gen.elements(
          Architecture.megatronGpt(24, 2048, 16, 51200, 2048),
          Architecture.megatronGpt(32, 2560, 32, 51200, 2048),
          Architecture.megatronGpt(48, 6144, 64, 51200, 2048));

  private static StepTimeModel model(Architecture architecture, int gpus) {
    return StepTimeModel.of(
        architecture, Selene.cluster(Math.max(8, gpus)), TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS,
        Calibration.bundled("a100-sxm-80gb"));
  }

  private static ParallelismPlan plan(
      int t, int p, int v, int d, int b, int globalBatch, ActivationRecomputation recompute, boolean sp, int zero) {
    return ParallelismPlan.builder()
        .tensorParallel(t)
        .pipelineParallel(p)
        .virtualPipelineStages(v)
        .dataParallel(d)
        .microBatchSize(b)
        .globalBatchSize(globalBatch)
        .sequenceLength(2048)
        .recomputation(recompute)
        .sequenceParallel(sp && t > 1)
        .zeroStage(ZeroStage.of(d > 1 ? zero : 0))
        .build();
  }

  @Test
  void exposingForwardTensorParallelCommunicationNeverSpeedsAStepAndWithoutTensorParallelismChangesNothing() {
    Property.forAll(MODELS, Gen.elements(1, 2, 4, 8), Gen.enumValues(ActivationRecomputation.class))
        .verify(
            (architecture, t, recompute) -> {
              // The production calibration hides most of the forward's collectives; the A100 one (Megatron-LM
              // 2022) none.
              exposingNeverSpeedsAStep(architecture, t, recompute, "production-2025");
              exposingNeverSpeedsAStep(architecture, t, recompute, "a100-sxm-80gb");
            });
  }

  private static void exposingNeverSpeedsAStep(
      Architecture architecture, int t, ActivationRecomputation recompute, String calibration) {
    StepTimeModel model =
        StepTimeModel.of(architecture, Selene.cluster(Math.max(8, t * 4)), TrainingPrecision.MIXED_BF16_ADAM,
            Calibration.bundled(calibration));
    for (boolean sp : new boolean[] {false, true}) {
      ParallelismPlan overlapped = plan(t, 2, 1, 2, 1, 32, recompute, sp, 1);
      ParallelismPlan exposed =
          ImmutableParallelismPlan.copyOf(overlapped)
              .withTensorParallelCommunication(TensorParallelCommunication.FORWARD_EXPOSED);
      double fast = model.estimate(overlapped).stepSeconds();
      double slow = model.estimate(exposed).stepSeconds();
      assertTrue(slow >= fast, calibration + " t=" + t + ": exposed " + slow + " < overlapped " + fast);
      if (t == 1) {
        assertEquals(fast, slow, 0.0, calibration);
      }
    }
  }

  @Test
  void moreAcceleratorsAtFixedShapeNeverSlowCompute() {
    Property.forAll(MODELS, Gen.elements(1, 2, 4, 8), Gen.elements(1, 2, 4))
        .verify(
            (architecture, t, p) -> {
              double previous = Double.POSITIVE_INFINITY;
              for (int d = 1; d <= 16; d *= 2) {
                StepTimeEstimate estimate =
                    model(architecture, t * p * d)
                        .estimate(plan(t, p, 1, d, 1, 64, ActivationRecomputation.SELECTIVE, true, 1));
                double compute = estimate.breakdown().computeSeconds() + estimate.breakdown().recomputationSeconds();
                assertTrue(compute <= previous * (1 + 1e-12), "d=" + d + " compute " + compute + " > " + previous);
                previous = compute;
              }
            });
  }

  @Test
  void utilizationIsAtMostOneAndModelAtMostHardware() {
    Property.forAll(MODELS, Gen.elements(1, 2, 4, 8), Gen.enumValues(ActivationRecomputation.class))
        .verify(
            (architecture, t, recompute) -> {
              for (int p : new int[] {1, 2, 4}) {
                for (int b : new int[] {1, 2, 4}) {
                  StepTimeEstimate estimate =
                      model(architecture, t * p * 2).estimate(plan(t, p, 1, 2, b, 64, recompute, true, 0));
                  assertTrue(estimate.modelFlopsUtilization() > 0);
                  assertTrue(estimate.modelFlopsUtilization() <= 1, estimate.toString());
                  assertTrue(estimate.hardwareFlopsUtilization() <= 1, estimate.toString());
                  assertTrue(estimate.modelFlopsUtilization() <= estimate.hardwareFlopsUtilization());
                  assertEquals(
                      estimate.stepSeconds(),
                      estimate.breakdown().asMap().values().stream().mapToDouble(Double::doubleValue).sum(),
                      1e-9 * estimate.stepSeconds());
                }
              }
            });
  }

  @Test
  void bubbleVanishesAsMicroBatchesGrow() {
    Property.forAll(MODELS, Gen.elements(2, 4, 8), Gen.elements(1, 2))
        .verify(
            (architecture, p, v) -> {
              double previous = 1;
              double fraction = 1;
              for (int m = 8; m <= 4096; m *= 2) {
                StepTimeEstimate estimate =
                    model(architecture, 8 * p)
                        .estimate(plan(8, p, v, 1, 1, m, ActivationRecomputation.SELECTIVE, true, 0));
                fraction = estimate.breakdown().pipelineBubbleSeconds() / estimate.stepSeconds();
                assertTrue(fraction < previous, "m=" + m + " bubble fraction " + fraction);
                previous = fraction;
              }
              // Narayanan et al. 2021 section 2.2: the bubble fraction is (p - 1)/(v m) of the ideal time.
              assertTrue(fraction < (p - 1.0) / (v * 4096.0) * 1.01, "bubble fraction " + fraction);
            });
  }

  @Test
  void interleavingShrinksTheBubble() {
    // Narayanan et al. 2021 section 2.2.2: v virtual stages divide the bubble by v.
    Architecture architecture = Architecture.megatronGpt(48, 6144, 64, 51200, 2048);
    StepTimeEstimate plain =
        model(architecture, 64).estimate(plan(8, 8, 1, 1, 1, 64, ActivationRecomputation.SELECTIVE, true, 0));
    StepTimeEstimate interleaved =
        model(architecture, 64).estimate(plan(8, 8, 3, 1, 1, 64, ActivationRecomputation.SELECTIVE, true, 0));
    assertTrue(
        interleaved.breakdown().pipelineBubbleSeconds() < plain.breakdown().pipelineBubbleSeconds() / 2.5);
  }

  @Test
  void fullRecomputationCostsAboutOneForwardPass() {
    // Korthikanti et al. 2022 Table 4: backward with full recomputation = backward + forward (19.5 ~ 11.9 + 7.7).
    Architecture architecture = Architecture.megatronGpt(48, 6144, 64, 51200, 2048);
    LayerTime full =
        model(architecture, 8).layerTime(plan(8, 1, 1, 1, 4, 4, ActivationRecomputation.FULL, false, 0));
    assertEquals(full.forwardSeconds(), full.recomputationSeconds(), 1e-15);
  }
}
