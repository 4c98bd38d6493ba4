package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.persistence.core.architecture.Architecture;
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
}
