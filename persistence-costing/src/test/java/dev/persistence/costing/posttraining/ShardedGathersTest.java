package dev.persistence.costing.posttraining;

import static dev.persistence.costing.posttraining.PostTrainingFixtures.cluster;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.h100;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.llama405b;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.llama8b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.costing.steptime.ShardedGathers;
import dev.persistence.costing.steptime.StepTimeModel;
import org.junit.jupiter.api.Test;

/**
 * The ZeRO-3 conventions of {@link ShardedGathers} order as their collectives do: the same bytes in more
 * collectives (DeepSpeed's per-matrix gathers) take longer than in FSDP's per-block units, and gathers that are not
 * prefetched take longer still; stages that do not gather parameters do not depend on the convention.
 */
class ShardedGathersTest {

  private static double step(Architecture model, int gpus, ZeroStage zero, ShardedGathers convention) {
    StepTimeModel stepModel =
        StepTimeModel.of(
            model,
            cluster(h100(), gpus),
            TrainingPrecision.MIXED_BF16_ADAM,
            Calibration.forAccelerator(h100().name()),
            AttentionKernel.FUSED,
            FlopConvention.EXACT,
            convention);
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .dataParallel(gpus)
            .fusedAttention(true)
            .zeroStage(zero)
            .recomputation(ActivationRecomputation.FULL)
            .microBatchSize(1)
            .globalBatchSize(2 * gpus)
            .sequenceLength(1224)
            .build();
    return stepModel.estimate(plan).stepSeconds();
  }

  @Test
  void moreCollectivesAndNoPrefetchTakeLonger() {
    double fsdp = step(llama405b(), 240, ZeroStage.PARAMETERS, ShardedGathers.FSDP_UNITS);
    double deepSpeed = step(llama405b(), 240, ZeroStage.PARAMETERS, ShardedGathers.DEEPSPEED_DEFAULTS);
    double openInstruct = step(llama405b(), 240, ZeroStage.PARAMETERS, ShardedGathers.OPEN_INSTRUCT_RL);
    assertTrue(deepSpeed > fsdp, deepSpeed + " vs " + fsdp);
    assertTrue(openInstruct > deepSpeed, openInstruct + " vs " + deepSpeed);
  }

  @Test
  void zeroOneDoesNotDependOnTheConvention() {
    assertEquals(
        step(llama8b(), 16, ZeroStage.OPTIMIZER_STATES, ShardedGathers.FSDP_UNITS),
        step(llama8b(), 16, ZeroStage.OPTIMIZER_STATES, ShardedGathers.OPEN_INSTRUCT_RL));
  }

  @Test
  void accelerateAutoSizesTheBucketsFromTheHiddenSize() {
    ShardedGathers auto = ShardedGathers.accelerateAuto(4096);
    assertEquals(4096.0 * 4096, auto.reduceBucketParameters());
    assertEquals(0.9 * 4096 * 4096, auto.prefetchBucketParameters(), 1e-6);
    assertTrue(auto.prefetches());
    assertTrue(!ShardedGathers.OPEN_INSTRUCT_RL.prefetches());
  }

  @Test
  void badBucketsAreRefusedByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ShardedGathers(ShardedGathers.Kind.DEEPSPEED_BUCKETS, 5e7, 0, 1e9));
    assertTrue(e.getMessage().contains("reduceBucketParameters (0"), e.getMessage());
  }
}
