package dev.persistence.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Invariants of {@link TrainingMemory} over fixed grids of plans (the project's property engine is being written;
 * these loops enumerate the grid exhaustively instead of sampling it).
 */
class TrainingMemoryProperties {

  private static final long CAPACITY = 80L << 30;
  private static final int[] TENSOR = {1, 2, 4, 8};
  private static final int[] PIPELINE = {1, 2, 3, 4, 6, 8};
  private static final int[] DATA = {1, 4};

  private static List<Architecture> models() {
    Architecture gpt = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);
    Architecture gated =
        Architecture.builder()
            .vocabSize(32000)
            .hiddenSize(2048)
            .numLayers(24)
            .contextLength(4096)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(16).numKeyValueHeads(8).headDim(128).build())
            .feedForward(DenseFeedForward.of(5632, true))
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(false)
            .build();
    Architecture moe =
        Architecture.builder()
            .vocabSize(32000)
            .hiddenSize(1024)
            .numLayers(24)
            .contextLength(4096)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(16).numKeyValueHeads(4).headDim(64).build())
            .feedForward(
                MixtureOfExperts.builder()
                    .numExperts(8)
                    .expertsPerToken(2)
                    .expertIntermediateSize(1408)
                    .numSharedExperts(1)
                    .firstDenseLayers(1)
                    .denseFeedForward(DenseFeedForward.of(2816, true))
                    .build())
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(true)
            .build();
    return List.of(gpt, gated, moe);
  }

  /** Every knob of a grid point except the one a property varies. */
  private record Point(
      int tensor, int pipeline, int data, ZeroStage zero, ActivationRecomputation recomputation, boolean sp) {

    ParallelismPlan plan(Architecture model) {
      int expert = model.isMixtureOfExperts() ? data : 1;
      return ParallelismPlan.builder()
          .tensorParallel(tensor)
          .pipelineParallel(pipeline)
          .dataParallel(data)
          .expertParallel(expert)
          .zeroStage(zero)
          .recomputation(recomputation)
          .sequenceParallel(sp)
          .microBatchSize(1)
          .globalBatchSize(16 * data)
          .sequenceLength(2048)
          .build();
    }
  }

  private static long total(Architecture model, ParallelismPlan plan) {
    return TrainingMemory.estimate(
            model,
            plan,
            TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS,
            CAPACITY,
            MemoryAllowance.ASSUMED_DEFAULT)
        .totalBytes();
  }

  private static int checkNonIncreasing(Architecture model, int steps, IntFunction<ParallelismPlan> planAt, String axis) {
    long previous = Long.MAX_VALUE;
    for (int step = 0; step < steps; step++) {
      ParallelismPlan plan = planAt.apply(step);
      long current = total(model, plan);
      final long before = previous;
      assertTrue(
          current <= before,
          () -> axis + " rose from " + before + " to " + current + " at " + plan + " for " + model.family());
      previous = current;
    }
    return steps;
  }

  private interface Visitor {
    void visit(Architecture model, int tensor, int pipeline, int data, ZeroStage zero,
        ActivationRecomputation recomputation, boolean sp);
  }

  private static void forEachPoint(Visitor visitor) {
    for (Architecture model : models()) {
      for (int tensor : TENSOR) {
        for (int pipeline : PIPELINE) {
          for (int data : DATA) {
            for (ZeroStage zero : ZeroStage.values()) {
              for (ActivationRecomputation recomputation : ActivationRecomputation.values()) {
                for (boolean sp : new boolean[] {false, true}) {
                  visitor.visit(model, tensor, pipeline, data, zero, recomputation, sp);
                }
              }
            }
          }
        }
      }
    }
  }

  @Test
  void memoryNeverRisesWhenTensorParallelismRises() {
    forEachPoint(
        (model, tensor, pipeline, data, zero, recomputation, sp) -> {
          if (tensor == 1) {
            checkNonIncreasing(
                model,
                TENSOR.length,
                i -> new Point(TENSOR[i], pipeline, data, zero, recomputation, sp).plan(model),
                "tensor parallelism");
          }
        });
  }

  @Test
  void memoryNeverRisesWhenPipelineParallelismRises() {
    forEachPoint(
        (model, tensor, pipeline, data, zero, recomputation, sp) -> {
          if (pipeline == 1) {
            checkNonIncreasing(
                model,
                PIPELINE.length,
                i -> new Point(tensor, PIPELINE[i], data, zero, recomputation, sp).plan(model),
                "pipeline parallelism");
          }
        });
  }

  @Test
  void memoryNeverRisesWhenTheZeroStageRises() {
    forEachPoint(
        (model, tensor, pipeline, data, zero, recomputation, sp) -> {
          if (zero == ZeroStage.NONE) {
            checkNonIncreasing(
                model,
                3,
                i -> new Point(tensor, pipeline, data, ZeroStage.of(i), recomputation, sp).plan(model),
                "ZeRO stage");
            // ZeRO-3 also holds two units' whole weights while it computes one and prefetches the next (PyTorch
            // FSDP, Zhao et al. 2023 section 3.3): a stage of few layers may need more than under ZeRO-2, but never
            // more than ZeRO-2 plus that working set.
            ParallelismPlan two = new Point(tensor, pipeline, data, ZeroStage.GRADIENTS, recomputation, sp)
                .plan(model);
            ParallelismPlan three = new Point(tensor, pipeline, data, ZeroStage.PARAMETERS, recomputation, sp)
                .plan(model);
            long workingSet = 0;
            for (int stage = 0; stage < pipeline; stage++) {
              workingSet = Math.max(workingSet, TrainingMemory.gatheredWeightBytes(model, three,
                  TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS, stage, true, true));
            }
            long bound = total(model, two) + workingSet;
            long actual = total(model, three);
            assertTrue(actual <= bound + 1, () -> "ZeRO-3 " + actual + " exceeds ZeRO-2 plus the FSDP working set "
                + bound + " at " + three + " for " + model.family());
          }
        });
  }

  @Test
  void memoryNeverRisesWhenRecomputationRises() {
    forEachPoint(
        (model, tensor, pipeline, data, zero, recomputation, sp) -> {
          if (recomputation == ActivationRecomputation.NONE) {
            checkNonIncreasing(
                model,
                3,
                i -> new Point(tensor, pipeline, data, zero, ActivationRecomputation.values()[i], sp).plan(model),
                "recomputation");
          }
        });
  }

  @Test
  void breakdownSumsToTotalAndFitsAgreesWithCapacity() {
    int[] checked = {0};
    forEachPoint(
        (model, tensor, pipeline, data, zero, recomputation, sp) -> {
          TrainingMemoryBreakdown memory =
              TrainingMemory.estimate(
                  model,
                  new Point(tensor, pipeline, data, zero, recomputation, sp).plan(model),
                  TrainingPrecision.MIXED_BF16_ADAM,
                  CAPACITY,
                  MemoryAllowance.ASSUMED_DEFAULT);
          long sum =
              memory.weightsBytes()
                  + memory.gradientsBytes()
                  + memory.masterWeightsBytes()
                  + memory.optimizerStatesBytes()
                  + memory.activationsBytes()
                  + memory.allowanceBytes();
          assertEquals(sum, memory.totalBytes());
          assertEquals(memory.totalBytes() <= CAPACITY, memory.fits());
          assertTrue(memory.pipelineStage() < pipeline);
          checked[0]++;
        });
    assertEquals(3 * TENSOR.length * PIPELINE.length * DATA.length * 4 * 3 * 2, checked[0]);
  }

  @Test
  void unshardedModelStateIsExactParameterCountTimesBytes() {
    for (Architecture model : models()) {
      for (TrainingPrecision precision : TrainingPrecision.presets()) {
        TrainingMemoryBreakdown memory =
            TrainingMemory.estimate(
                model,
                new Point(1, 1, 1, ZeroStage.NONE, ActivationRecomputation.FULL, false).plan(model),
                precision,
                CAPACITY,
                MemoryAllowance.NONE);
        double parameters = model.parameters().totalParameters();
        assertEquals(Math.ceil(precision.weightBytes() * parameters), memory.weightsBytes());
        assertEquals(Math.ceil(precision.optimizerStateBytes() * parameters), memory.optimizerStatesBytes());
      }
    }
  }
}
