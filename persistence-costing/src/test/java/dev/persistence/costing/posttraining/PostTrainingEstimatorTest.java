package dev.persistence.costing.posttraining;

import static dev.persistence.costing.posttraining.PostTrainingFixtures.h100;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.llama405b;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.llama8b;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ZeroStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Examples: bad input named at construction, and the arrangements' idle time. */
class PostTrainingEstimatorTest {

  private static void rejected(String message, Executable executable) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
  }

  private static ImmutableReinforcementLearning.Builder rl() {
    return ReinforcementLearning.builder().steps(10).promptsPerStep(64).promptTokens(256).meanResponseTokens(1000).maxResponseTokens(4096);
  }

  @Test
  void badInputIsNamed() {
    rejected("rl.steps (0) must be > 0", () -> rl().steps(0).build());
    rejected("rl.maxResponseTokens (10) must be >= meanResponseTokens (1000.0)", () -> rl().maxResponseTokens(10).build());
    rejected("rl.generationAccelerators is required when placement is DISAGGREGATED", () -> rl().placement(RolloutPlacement.DISAGGREGATED).build());
    rejected("sft.packingEfficiency (1.5) must be in (0, 1]", () -> SupervisedFineTuning.builder().examples(1).meanTokensPerExample(1).sequenceLength(8).packingEfficiency(1.5).build());
    rejected("preference.pairs (NaN) must be finite and > 0", () -> PreferenceTuning.builder().pairs(Double.NaN).promptTokens(1).chosenTokens(1).rejectedTokens(1).sequenceLength(8).build());
    rejected("suite x: items (0) must be > 0", () -> new BenchmarkSuite("x", 0, 1, 1, 1));
    rejected("trainingThroughputFactor (0.0) must be in (0, 4]", () -> new PostTrainingCalibration("c", 0, 1, 1, 1));
    rejected(
        "rl.generationAccelerators (8) must leave training accelerators out of the stage's 8",
        () -> PostTrainingEstimator.estimate(rl().placement(RolloutPlacement.DISAGGREGATED).generationAccelerators(8).build(), llama8b(), resources(h100(), 8)));
    rejected(
        "does not fit 1 x H100-SXM5-80GB",
        () -> PostTrainingEstimator.estimate(rl().build(), llama405b(), resources(h100(), 8)));
  }

  @Test
  void arrangementsLeaveTheirIdleTime() {
    StageResources sixteen = resources(h100(), 16);
    StageEstimate colocated = PostTrainingEstimator.estimate(rl().build(), llama8b(), sixteen);
    assertEquals(0, colocated.acceleratorHours(ComponentKind.IDLE));
    StageEstimate split =
        PostTrainingEstimator.estimate(rl().placement(RolloutPlacement.DISAGGREGATED).generationAccelerators(8).build(), llama8b(), sixteen);
    StageEstimate async =
        PostTrainingEstimator.estimate(rl().placement(RolloutPlacement.ASYNCHRONOUS).generationAccelerators(8).build(), llama8b(), sixteen);
    RlStepTime s = split.step().get();
    // Synchronous: trainers wait for generation, generators wait for training.
    double idle = 10 * (8 * s.generationSeconds() + 8 * (s.scoringSeconds() + s.trainingSeconds())) / 3600;
    assertEquals(idle, split.acceleratorHours(ComponentKind.IDLE), idle * 1e-9);
    // Overlapping the two sides never takes longer than running them one after the other.
    assertTrue(async.wallClockSeconds() <= split.wallClockSeconds());
    assertTrue(async.acceleratorHours(ComponentKind.IDLE) < split.acceleratorHours(ComponentKind.IDLE));
  }

  @Test
  void theFastestMicroBatchIsNeverSlowerThanOne() {
    SupervisedFineTuning sft =
        SupervisedFineTuning.builder().examples(1e5).meanTokensPerExample(1000).sequenceLength(4096).globalBatchSize(256).build();
    StageResources one = resources(h100(), 16);
    StageResources tuned =
        StageResources.builder()
            .from(one)
            .trainingLayout(TrainingLayout.builder()
                .tensorParallel(1)
                .pipelineParallel(1)
                .expertParallel(1)
                .zeroStage(ZeroStage.PARAMETERS)
                .microBatchSize(0)
                .recomputation(ActivationRecomputation.FULL)
                .build())
            .build();
    double fixed = PostTrainingEstimator.estimate(sft, llama8b(), one).wallClockSeconds();
    double fastest = PostTrainingEstimator.estimate(sft, llama8b(), tuned).wallClockSeconds();
    assertTrue(fastest <= fixed, fastest + " > " + fixed);
    assertEquals(
        PostTrainingEstimator.estimate(sft, llama8b(), one).totalFlops(),
        PostTrainingEstimator.estimate(sft, llama8b(), tuned).totalFlops(),
        0);
  }
}
