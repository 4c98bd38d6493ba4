package dev.persistence.core.parallelism;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link ParallelismPlan#toString()}: the one-line layout the command prints (README, "The plan" example). */
class ParallelismPlanTextTest {

  @Test
  void frontierPlanPrintsAsTheReportShowsIt() {
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .tensorParallel(8)
            .pipelineParallel(12)
            .dataParallel(32)
            .contextParallel(8)
            .microBatchSize(1)
            .globalBatchSize(32)
            .sequenceLength(8192)
            .zeroStage(ZeroStage.OPTIMIZER_STATES)
            .sequenceParallel(true)
            .fusedAttention(true)
            .build();
    assertEquals(
        "TP 8 x PP 12 (v 1) x DP 32 x CP 8 x EP 1, micro-batch 1, ZeRO 1, no recomputation, sequence parallel,"
            + " fused attention",
        plan.toString());
  }

  @Test
  void everyFlagThatIsOnIsNamed() {
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .pipelineParallel(4)
            .virtualPipelineStages(2)
            .dataParallel(2)
            .expertParallel(2)
            .microBatchSize(2)
            .globalBatchSize(8)
            .sequenceLength(4096)
            .zeroStage(ZeroStage.PARAMETERS)
            .recomputation(ActivationRecomputation.SELECTIVE)
            .activationOffload(true)
            .optimizerOffload(true)
            .build();
    assertEquals(
        "TP 1 x PP 4 (v 2) x DP 2 x CP 1 x EP 2, micro-batch 2, ZeRO 3, selective recomputation,"
            + " activations offloaded, optimizer offloaded",
        plan.toString());
  }

  @Test
  void scheduleModulesAndSplitAreNamed() {
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .pipelineParallel(4)
            .dataParallel(2)
            .microBatchSize(1)
            .globalBatchSize(16)
            .sequenceLength(4096)
            .recomputation(ActivationRecomputation.SELECTIVE)
            .recomputedModules(java.util.Set.of(RecomputedModule.NORMS, RecomputedModule.MLP_ACTIVATION))
            .pipelineSchedule(PipelineSchedule.DUAL_PIPE)
            .layersPerChunk(java.util.List.of(7, 8, 8, 7))
            .build();
    assertEquals(
        "TP 1 x PP 4 (v 1) x DP 2 x CP 1 x EP 1, micro-batch 1, ZeRO 0, selective recomputation (mlp-activation,"
            + " norms), DualPipe, layers per chunk [7, 8, 8, 7]",
        plan.toString());
  }

  @Test
  void partialFullRecomputationNamesItsLayers() {
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .pipelineParallel(2)
            .microBatchSize(1)
            .globalBatchSize(4)
            .sequenceLength(4096)
            .recomputation(ActivationRecomputation.FULL)
            .fullyRecomputedLayersPerChunk(2)
            .build();
    assertEquals(
        "TP 1 x PP 2 (v 1) x DP 1 x CP 1 x EP 1, micro-batch 1, ZeRO 0, full recomputation of the first 2 layers"
            + " per chunk",
        plan.toString());
  }
}
