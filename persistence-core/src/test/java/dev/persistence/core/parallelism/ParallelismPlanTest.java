package dev.persistence.core.parallelism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.NormKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ParallelismPlanTest {

  private static final Architecture GPT = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);

  private static String message(Executable executable) {
    return assertThrows(IllegalArgumentException.class, executable).getMessage();
  }

  @Test
  void derivedCounts() {
    // Korthikanti et al. 2022 Table 3, 530B: t = 8, p = 35, 280 GPUs, global batch 280, micro-batch 1.
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .tensorParallel(8)
            .pipelineParallel(35)
            .microBatchSize(1)
            .globalBatchSize(280)
            .sequenceLength(2048)
            .build();
    assertEquals(280, plan.acceleratorCount());
    assertEquals(280, plan.microBatchesPerStep());
    assertEquals(280L * 2048, plan.globalBatchTokens());
  }

  @Test
  void globalBatchMustBeAMultipleOfMicroBatchTimesData() {
    assertEquals(
        "globalBatchSize (10) must be a multiple of microBatchSize x dataParallel (2 x 4 = 8)",
        message(
            () ->
                ParallelismPlan.builder()
                    .dataParallel(4)
                    .microBatchSize(2)
                    .globalBatchSize(10)
                    .sequenceLength(2048)
                    .build()));
  }

  @Test
  void constructionRules() {
    assertEquals(
        "tensorParallel (0) must be > 0",
        message(
            () ->
                ParallelismPlan.builder()
                    .tensorParallel(0)
                    .microBatchSize(1)
                    .globalBatchSize(1)
                    .sequenceLength(8)
                    .build()));
    assertEquals(
        "virtualPipelineStages (2) needs pipelineParallel > 1 (is 1)",
        message(
            () ->
                ParallelismPlan.builder()
                    .virtualPipelineStages(2)
                    .microBatchSize(1)
                    .globalBatchSize(1)
                    .sequenceLength(8)
                    .build()));
    assertEquals(
        "contextParallel (3) must divide sequenceLength (8)",
        message(
            () ->
                ParallelismPlan.builder()
                    .contextParallel(3)
                    .microBatchSize(1)
                    .globalBatchSize(1)
                    .sequenceLength(8)
                    .build()));
    assertEquals("zeroStage (4) must be in [0, 3]", message(() -> ZeroStage.of(4)));
  }

  @Test
  void validateForRejectsImpossiblePlansNamingTheRule() {
    assertEquals(
        "tensorParallel x pipelineParallel x dataParallel x contextParallel (2 x 2 x 2 x 1 = 8) must equal the"
            + " accelerator count (16)",
        message(() -> plan(2, 2, 2, 1).validateFor(GPT, 16)));
    assertEquals(
        "tensorParallel (3) must divide numAttentionHeads (16)",
        message(() -> plan(3, 1, 1, 1).validateFor(GPT, 3)));
    assertEquals(
        "pipelineParallel (32) must not exceed numLayers (24)",
        message(() -> plan(1, 32, 1, 1).validateFor(GPT, 32)));
    assertEquals(
        "expertParallel (2) must be 1 for a model without experts",
        message(() -> plan(1, 1, 2, 2).validateFor(GPT, 2)));
    Architecture moe =
        Architecture.builder()
            .vocabSize(1000)
            .hiddenSize(256)
            .numLayers(2)
            .contextLength(512)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(4).headDim(64).build())
            .feedForward(
                MixtureOfExperts.builder().numExperts(6).expertsPerToken(2).expertIntermediateSize(512).build())
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(true)
            .build();
    assertEquals(
        "expertParallel (4) must divide numExperts (6)", message(() -> plan(1, 1, 4, 4).validateFor(moe, 4)));
    assertEquals(plan(1, 1, 4, 2), plan(1, 1, 4, 2).validateFor(moe, 4));
    assertEquals(
        "expertParallel x expertTensorParallel (3 x 1) must divide tensorParallel x dataParallel x"
            + " contextParallel (4): the expert groups fold over those ranks (Megatron-Core MoE parallel folding)",
        message(() -> plan(1, 1, 4, 3)));
  }

  private static ParallelismPlan plan(int tensor, int pipeline, int data, int expert) {
    return ParallelismPlan.builder()
        .tensorParallel(tensor)
        .pipelineParallel(pipeline)
        .dataParallel(data)
        .expertParallel(expert)
        .microBatchSize(1)
        .globalBatchSize(data * 4)
        .sequenceLength(2048)
        .build();
  }
}
