package dev.persistence.costing.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.costing.posttraining.BenchmarkSuite;
import dev.persistence.costing.posttraining.TrainingLayout;
import dev.persistence.costing.posttraining.EvaluationRun;
import dev.persistence.costing.posttraining.PlannedStage;
import dev.persistence.costing.posttraining.ReinforcementLearning;
import dev.persistence.costing.posttraining.RlAlgorithm;
import dev.persistence.costing.posttraining.RolloutPlacement;
import dev.persistence.costing.posttraining.StageEstimate;
import dev.persistence.costing.program.PhaseKind;
import org.junit.jupiter.api.Test;

/** Post-training phases in a plan: their FLOPs reach the thresholds, their cost and months the programme. */
class PlannerPostTrainingTest {

  static PlannedPhase rlPhase() {
    return PlannedPhase.builder()
        .name("RLVR")
        .kind(PhaseKind.REINFORCEMENT_LEARNING)
        .startMonth(4)
        .postTraining(
            PlannedStage.builder()
                .accelerators(256)
                .generationTensorParallel(16)
                .trainingLayout(TrainingLayout.builder()
                    .tensorParallel(8)
                    .pipelineParallel(1)
                    .expertParallel(1)
                    .zeroStage(ZeroStage.PARAMETERS)
                    .microBatchSize(1)
                    .recomputation(ActivationRecomputation.FULL)
                    .build())
                .stage(
                    ReinforcementLearning.builder()
                        .algorithm(RlAlgorithm.GRPO)
                        .steps(200)
                        .promptsPerStep(128)
                        .samplesPerPrompt(16)
                        .promptTokens(256)
                        .meanResponseTokens(2048)
                        .maxResponseTokens(8192)
                        .placement(RolloutPlacement.DISAGGREGATED)
                        .generationAccelerators(128)
                        .build())
                .build())
        .build();
  }

  static PlannedPhase evaluationPhase() {
    return PlannedPhase.builder()
        .name("evaluation")
        .kind(PhaseKind.EVALUATION)
        .startMonth(5)
        .postTraining(
            PlannedStage.builder()
                .accelerators(16)
                .generationTensorParallel(16)
                .stage(
                    EvaluationRun.builder()
                        .addSuites(new BenchmarkSuite("AIME 2024", 30, 200, 16384, 64))
                        .addSuites(new BenchmarkSuite("MMLU", 14042, 600, 1, 1))
                        .redTeamingPeopleHours(2000)
                        .usdPerPeopleHour(150)
                        .build())
                .build())
        .build();
  }

  @Test
  void stagesReachTheThresholdsAndTheProgramme() {
    PlanReport plain = Planner.plan(PlannerTest.llamaScenario(0.4).build());
    PlanReport report =
        Planner.plan(PlannerTest.llamaScenario(0.4).addPhases(rlPhase(), evaluationPhase()).build());
    PostTrainingReport post = report.postTraining();
    assertEquals(2, post.stages().size());
    StageEstimate rl = post.stages().get(0).estimate();
    StageEstimate evaluation = post.stages().get(1).estimate();
    // RL counts toward the training compute (SB 53), evaluation does not.
    assertEquals(rl.totalFlops(), post.trainingFlops(), 0);
    assertEquals(report.trainingFlops() + rl.totalFlops(), report.cumulativeTrainingFlops(), report.trainingFlops() * 1e-12);
    assertEquals(rl.totalFlops() / report.trainingFlops(), post.fractionOfPretraining(), 1e-15);
    assertFalse(post.aboveEuModificationThreshold());
    // Compute of both stages and the red team's hours reach the programme.
    double added = report.budget().totalUsd() - plain.budget().totalUsd();
    assertEquals(rl.computeUsd() + evaluation.computeUsd() + 2000 * 150, added, added * 1e-9);
    assertTrue(post.stages().get(0).months() >= 1);
    assertEquals(Math.max(1, (int) Math.ceil(rl.wallClockDays() / 30.4375)), post.stages().get(0).months());
  }

  @Test
  void aStageReplacesTheFractionShortcutNotBoth() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PlannedPhase.builder().from(rlPhase()).computeFractionOfPretraining(0.1).build());
    assertTrue(e.getMessage().contains("a postTraining stage prices the phase"), e.getMessage());
  }
}
