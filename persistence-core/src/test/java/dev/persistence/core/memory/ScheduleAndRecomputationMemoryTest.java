package dev.persistence.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineSchedule;
import dev.persistence.core.parallelism.RecomputedModule;
import dev.persistence.core.precision.TrainingPrecision;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The schedule's micro-batches in flight and parameter copies, recomputation by module, FP8 caching. */
class ScheduleAndRecomputationMemoryTest {

  private static final Architecture GPT = Architecture.megatronGpt(16, 1024, 16, 51200, 2048);

  private static ParallelismPlan plan(int p) {
    return ParallelismPlan.builder()
        .pipelineParallel(p)
        .fusedAttention(true)
        .microBatchSize(1)
        .globalBatchSize(64)
        .sequenceLength(2048)
        .build();
  }

  @Test
  void dualPipeHoldsPpPlusOneMicroBatchesOnEveryRankAndTwoParameterCopies() {
    // DeepSeek-V3 (arXiv:2412.19437) Table 2: 1F1B holds PP micro-batches (on its first stage), DualPipe PP + 1, and
    // DualPipe keeps 2x the parameters.
    ParallelismPlan oneFOneB = plan(4);
    ParallelismPlan dualPipe = ImmutableParallelismPlan.copyOf(oneFOneB).withPipelineSchedule(PipelineSchedule.DUAL_PIPE);
    assertEquals(4, ActivationMemory.microBatchesInFlight(oneFOneB, 0));
    assertEquals(1, ActivationMemory.microBatchesInFlight(oneFOneB, 3));
    for (int stage = 0; stage < 4; stage++) {
      assertEquals(5, ActivationMemory.microBatchesInFlight(dualPipe, stage));
    }
    TrainingMemoryBreakdown single =
        TrainingMemory.estimate(GPT, oneFOneB, TrainingPrecision.MIXED_BF16_ADAM, 80L << 30, MemoryAllowance.NONE);
    TrainingMemoryBreakdown doubled =
        TrainingMemory.estimate(GPT, dualPipe, TrainingPrecision.MIXED_BF16_ADAM, 80L << 30, MemoryAllowance.NONE);
    // Every rank holds stage i and stage p - 1 - i: twice the layers' weights, the embedding and the head on the
    // outer ranks; in all, twice the model's weights over the pipeline.
    assertTrue(doubled.weightsBytes() > 1.9 * single.weightsBytes(), doubled + " vs " + single);
    assertTrue(doubled.weightsBytes() < 2.1 * single.weightsBytes(), doubled + " vs " + single);
  }

  @Test
  void modulesFreeWhatTheyRecompute() {
    ParallelismPlan none = plan(1);
    ParallelismPlan norms =
        ImmutableParallelismPlan.copyOf(none)
            .withRecomputation(ActivationRecomputation.SELECTIVE)
            .withRecomputedModules(EnumSet.of(RecomputedModule.NORMS));
    ParallelismPlan normsAndActivation =
        ImmutableParallelismPlan.copyOf(norms)
            .withRecomputedModules(EnumSet.of(RecomputedModule.NORMS, RecomputedModule.MLP_ACTIVATION));
    double s = 2048;
    double h = 1024;
    double full = ActivationMemory.layerBytes(GPT, 0, none);
    // Norm outputs (the attention and MLP inputs) are 4sbh; the GeLU output (the second GEMM's input) is 2sbI with
    // I = 4h, Korthikanti et al. 2022 section 4.1's counting.
    assertEquals(full - 4 * s * h, ActivationMemory.layerBytes(GPT, 0, norms), 1e-6 * full);
    assertEquals(full - 4 * s * h - 2 * s * 4 * h, ActivationMemory.layerBytes(GPT, 0, normsAndActivation), 1e-6 * full);
    // FP8 caching halves every linear-layer input: attention and MLP inputs 4sbh, output-projection input 2sbh,
    // second-GEMM input 8sbh.
    assertEquals(
        full - (4 + 2 + 8) * s * h / 2, ActivationMemory.layerBytes(GPT, 0, none, 1), 1e-6 * full);
  }

  @Test
  void firstNLayersOfEachChunkAreFullyRecomputed() {
    ParallelismPlan firstTwo =
        ImmutableParallelismPlan.copyOf(plan(2))
            .withRecomputation(ActivationRecomputation.FULL)
            .withFullyRecomputedLayersPerChunk(2);
    var layout = firstTwo.pipelineLayout(16);
    // 8 layers per stage: layers 0-1 and 8-9 are fully recomputed, the rest store everything.
    assertTrue(firstTwo.fullyRecomputes(layout, 0));
    assertTrue(firstTwo.fullyRecomputes(layout, 9));
    assertTrue(!firstTwo.fullyRecomputes(layout, 2));
    assertEquals(2 * 2048 * 1024, ActivationMemory.layerBytes(GPT, 1, firstTwo), 1e-9);
    assertEquals(ActivationMemory.layerBytes(GPT, 2, plan(2)), ActivationMemory.layerBytes(GPT, 2, firstTwo), 1e-9);
  }
}
