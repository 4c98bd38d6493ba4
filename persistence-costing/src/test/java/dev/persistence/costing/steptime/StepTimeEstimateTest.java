package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.hardware.ImmutableAccelerator;
import dev.persistence.core.hardware.ImmutableCluster;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.training.Goodput;
import dev.persistence.costing.training.TrainingRun;
import org.junit.jupiter.api.Test;

class StepTimeEstimateTest {

  @Test
  void oneRouteFromAPlanToDaysWithTheGoodputExplicit() {
    Architecture gpt = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);
    ParallelismPlan plan =
        ParallelismPlan.builder().dataParallel(8).microBatchSize(1).globalBatchSize(64).sequenceLength(2048).build();
    StepTimeEstimate estimate =
        StepTimeModel.of(gpt, Selene.cluster(8), TrainingPrecision.MIXED_BF16_ADAM,
                Calibration.bundled("a100-sxm-80gb"))
            .estimate(plan);
    double tokens = 1e10;
    double steps = Math.ceil(tokens / plan.globalBatchTokens());
    TrainingRun run = estimate.trainingRun(tokens, Goodput.LLAMA_3_405B);
    // Productive time is whole steps at the step time; elapsed time divides by the goodput (0.90).
    assertEquals(steps * estimate.stepSeconds(), run.productiveSeconds(), 1e-6 * run.productiveSeconds());
    assertEquals(run.productiveSeconds() / 0.90, run.wallClockSeconds(), 1e-6 * run.wallClockSeconds());
    TrainingTime time = estimate.trainingTime(tokens, Goodput.LLAMA_3_405B);
    assertEquals(run.wallClockDays(), time.days(), 1e-12);
    assertEquals(run.acceleratorHours(), time.acceleratorHours(), 1e-9);
    assertEquals(steps, time.steps());
    // The goodput-less form is the ideal run.
    assertEquals(
        estimate.trainingRun(tokens, Goodput.NONE).wallClockSeconds(), estimate.trainingTime(tokens).seconds(),
        1e-9);
  }

  @Test
  void dualPipeBubbleFollowsItsPaper() {
    // DeepSeek-V3 (arXiv:2412.19437) Table 2: 1F1B (PP - 1)(F + B), DualPipe (PP/2 - 1)(F&B + B - 3W); with
    // F&B = F + B, B = 2F and W = B/2 the ratio of the bubbles is (PP/2 - 1)(2/3) / (PP - 1).
    Architecture gpt = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);
    StepTimeModel model =
        StepTimeModel.of(gpt, Selene.cluster(8), TrainingPrecision.MIXED_BF16_ADAM,
            Calibration.bundled("a100-sxm-80gb"));
    ParallelismPlan oneFOneB =
        ParallelismPlan.builder().pipelineParallel(8).microBatchSize(1).globalBatchSize(64).sequenceLength(2048)
            .fusedAttention(true).build();
    ParallelismPlan dualPipe =
        dev.persistence.core.parallelism.ImmutableParallelismPlan.copyOf(oneFOneB)
            .withPipelineSchedule(dev.persistence.core.parallelism.PipelineSchedule.DUAL_PIPE);
    double plain = model.estimate(oneFOneB).breakdown().pipelineBubbleSeconds();
    double bidirectional = model.estimate(dualPipe).breakdown().pipelineBubbleSeconds();
    assertEquals((8 / 2.0 - 1) * (2.0 / 3) / 7, bidirectional / plain, 0.02);
    assertEquals(0, model.estimate(dualPipe).breakdown().pipelineTransferSeconds());
  }

  /**
   * A board power limit set on the cluster times the step exactly as the same limit set on the accelerator
   * (TorchTitan's tables ran H100s at a 500 W limit, reference/training-runs-modern.json), and slows it.
   */
  @Test
  void aClusterPowerLimitActsAsTheAcceleratorsOwn() {
    Architecture gpt = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);
    ParallelismPlan plan =
        ParallelismPlan.builder().dataParallel(8).microBatchSize(1).globalBatchSize(64).sequenceLength(2048).build();
    Cluster full = Selene.cluster(8);
    Cluster clusterLimit =
        ImmutableCluster.copyOf(full).withPowerLimitWatts(300);
    Cluster acceleratorLimit =
        ImmutableCluster.copyOf(full)
            .withAccelerator(
                ImmutableAccelerator.copyOf(full.accelerator()).withPowerLimitWatts(300.0));
    Calibration calibration = Calibration.bundled("a100-sxm-80gb");
    double unlimited = StepTimeModel.of(gpt, full, TrainingPrecision.MIXED_BF16_ADAM, calibration).estimate(plan)
        .stepSeconds();
    double byCluster =
        StepTimeModel.of(gpt, clusterLimit, TrainingPrecision.MIXED_BF16_ADAM, calibration).estimate(plan)
            .stepSeconds();
    double byAccelerator =
        StepTimeModel.of(gpt, acceleratorLimit, TrainingPrecision.MIXED_BF16_ADAM, calibration).estimate(plan)
            .stepSeconds();
    assertEquals(byAccelerator, byCluster, 1e-12 * byCluster);
    assertTrue(byCluster > unlimited, byCluster + " vs " + unlimited);
  }
}
