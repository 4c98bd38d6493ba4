package dev.persistence.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import org.junit.jupiter.api.Test;

class TrainingMemoryTest {

  private static final long GIB = 1L << 30;

  /**
   * Narayanan et al. 2021, arXiv:2104.04473 eq. 2, P = 12lh^2(1 + 13/(12h) + (V + s)/(12lh)), plus the final
   * LayerNorm's 2h that eq. 2 leaves out.
   */
  private static long eq2Parameters(long l, long h, long vocab, long s) {
    return 12 * l * h * h + 13 * l * h + (vocab + s) * h + 2 * h;
  }

  private static ImmutableParallelismPlan.Builder single() {
    return ParallelismPlan.builder().microBatchSize(1).sequenceLength(2048);
  }

  @Test
  void zeroSection31SixteenBytesPerParameterWithoutSharding() {
    // ZeRO (Rajbhandari et al. 2020) section 3.1: mixed-precision Adam keeps 2 + 2 + 12 = 16 bytes/parameter.
    Architecture gpt = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);
    long p = eq2Parameters(24, 2048, 51200, 2048);
    TrainingMemoryBreakdown memory =
        TrainingMemory.estimate(
            gpt, single().globalBatchSize(8).build(), TrainingPrecision.MIXED_BF16_ADAM, 80 * GIB, MemoryAllowance.NONE);
    assertEquals(2 * p, memory.weightsBytes());
    assertEquals(2 * p, memory.gradientsBytes());
    assertEquals(4 * p, memory.masterWeightsBytes());
    assertEquals(8 * p, memory.optimizerStatesBytes());
    assertEquals(12 * p, memory.optimizerBytes());
  }

  @Test
  void megatronDistributedOptimizerSixPlusTwelveOverD() {
    // Megatron Core developer guide, Distributed Optimizer: bf16 params with fp32 grads cost 18 bytes/parameter,
    // 6 + 12/d with the distributed optimizer (ZeRO stage 1) over d data-parallel ranks.
    Architecture gpt = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);
    long p = eq2Parameters(24, 2048, 51200, 2048);
    TrainingPrecision megatron = TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS;
    TrainingMemoryBreakdown replicated =
        TrainingMemory.estimate(gpt, single().globalBatchSize(8).build(), megatron, 80 * GIB, MemoryAllowance.NONE);
    assertEquals(18 * p, replicated.totalBytes() - replicated.activationsBytes());
    int d = 8;
    TrainingMemoryBreakdown distributed =
        TrainingMemory.estimate(
            gpt,
            single().dataParallel(d).globalBatchSize(8 * d).zeroStage(ZeroStage.OPTIMIZER_STATES).build(),
            megatron,
            80 * GIB,
            MemoryAllowance.NONE);
    long state = distributed.totalBytes() - distributed.activationsBytes();
    assertEquals(6.0 * p + 12.0 * p / d, state, 2.0, "6 + 12/d bytes per parameter, up to rounding");
  }

  @Test
  void zeroStage3AndOffload() {
    // ZeRO section 5.3 / Figure 1: P_os+g+p divides all 16 bytes by Nd.
    Architecture gpt = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);
    long p = eq2Parameters(24, 2048, 51200, 2048);
    ParallelismPlan fsdp =
        single().dataParallel(64).globalBatchSize(64).zeroStage(ZeroStage.PARAMETERS).build();
    TrainingMemoryBreakdown memory =
        TrainingMemory.estimate(gpt, fsdp, TrainingPrecision.MIXED_BF16_ADAM, 80 * GIB, MemoryAllowance.NONE);
    // PyTorch FSDP (Zhao et al. 2023, arXiv:2304.11277 section 3.3) also holds two units' whole bf16 weights, the
    // one computing and the one prefetched, at most twice the largest unit: here the embedding, (V + s) h, which
    // is larger than a layer's 12h^2 + 13h.
    long h = 2048;
    long gathered = 2 * 2 * (51200 + 2048) * h;
    assertEquals(16.0 * p / 64 + gathered, memory.totalBytes() - memory.activationsBytes(), 4.0);
    TrainingMemoryBreakdown offloaded =
        TrainingMemory.estimate(
            gpt,
            ImmutableParallelismPlan.copyOf(fsdp).withOptimizerOffload(true),
            TrainingPrecision.MIXED_BF16_ADAM,
            80 * GIB,
            MemoryAllowance.NONE);
    assertEquals(0, offloaded.masterWeightsBytes());
    assertEquals(0, offloaded.optimizerStatesBytes());
  }

  @Test
  void expertsAreShardedByExpertParallelism() {
    // Eight experts of 3 x 1024 x 4096 weights in each of 4 layers; EP = 8 leaves one expert per rank per layer.
    Architecture moe =
        Architecture.builder()
            .vocabSize(1000)
            .hiddenSize(1024)
            .numLayers(4)
            .contextLength(2048)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(8).headDim(128).build())
            .feedForward(
                MixtureOfExperts.builder().numExperts(8).expertsPerToken(2).expertIntermediateSize(4096).build())
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(true)
            .build();
    long expertWeights = 4L * 8 * 3 * 1024 * 4096;
    long everything = 1000L * 1024 + 4 * (4L * 1024 * 1024 + 2 * 1024 + 1024 * 8) + 1024 + expertWeights;
    ParallelismPlan ep1 = single().dataParallel(8).globalBatchSize(8).build();
    ParallelismPlan ep8 = single().dataParallel(8).globalBatchSize(8).expertParallel(8).build();
    TrainingPrecision precision = TrainingPrecision.MIXED_BF16_ADAM;
    long weights1 = TrainingMemory.estimate(moe, ep1, precision, 80 * GIB, MemoryAllowance.NONE).weightsBytes();
    long weights8 = TrainingMemory.estimate(moe, ep8, precision, 80 * GIB, MemoryAllowance.NONE).weightsBytes();
    assertEquals(2 * everything, weights1);
    assertEquals(2 * (everything - expertWeights + expertWeights / 8), weights8);
  }

  @Test
  void breakdownOfTheTable3TwentyTwoBillionModelSumsAndFits() {
    // Korthikanti et al. 2022 Table 3: 22B = 48 layers, h 6144, 64 heads, t = 8, p = 1, micro-batch 4, on A100
    // 80GB; trained with selective recomputation and sequence parallelism, so it must fit.
    Architecture model = Architecture.megatronGpt(48, 6144, 64, 51200, 2048);
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .tensorParallel(8)
            .sequenceParallel(true)
            .recomputation(ActivationRecomputation.SELECTIVE)
            .microBatchSize(4)
            .globalBatchSize(4)
            .sequenceLength(2048)
            .build();
    TrainingMemoryBreakdown memory =
        TrainingMemory.estimate(
            model,
            plan,
            TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS,
            80 * GIB,
            MemoryAllowance.ASSUMED_DEFAULT);
    assertEquals(
        memory.weightsBytes()
            + memory.gradientsBytes()
            + memory.masterWeightsBytes()
            + memory.optimizerStatesBytes()
            + memory.activationsBytes()
            + memory.allowanceBytes(),
        memory.totalBytes());
    assertTrue(memory.fits(), () -> "22B should fit on 80 GiB: " + memory);
    // Without recomputation or sequence parallelism the 5as/h = 107 term dominates: it does not fit.
    TrainingMemoryBreakdown baseline =
        TrainingMemory.estimate(
            model,
            ImmutableParallelismPlan.copyOf(plan)
                .withSequenceParallel(false)
                .withRecomputation(ActivationRecomputation.NONE),
            TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS,
            80 * GIB,
            MemoryAllowance.ASSUMED_DEFAULT);
    assertFalse(baseline.fits());
  }

  @Test
  void rejectsPlansThatDoNotFitTheModel() {
    Architecture model = Architecture.megatronGpt(4, 1024, 16, 51200, 2048);
    IllegalArgumentException tp =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TrainingMemory.estimate(
                    model,
                    single().globalBatchSize(8).tensorParallel(3).build(),
                    TrainingPrecision.MIXED_BF16_ADAM,
                    80 * GIB,
                    MemoryAllowance.NONE));
    assertEquals("tensorParallel (3) must divide numAttentionHeads (16)", tp.getMessage());
  }

  @Test
  void rejectsAStageTooLargeToCountInsteadOfOverflowing() {
    // Korthikanti et al. 2022 eq. 1 gives s*b*h*(34 + 5as/h) bytes per layer: at b = s = 2^31 - 1 that is far
    // beyond 2^63, which used to wrap the long total to a negative number.
    Architecture model = Architecture.megatronGpt(4, 1024, 16, 51200, 2048);
    int huge = Integer.MAX_VALUE;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TrainingMemory.estimate(
                    model,
                    ParallelismPlan.builder().microBatchSize(huge).globalBatchSize(huge).sequenceLength(huge).build(),
                    TrainingPrecision.MIXED_BF16_ADAM,
                    80 * GIB,
                    MemoryAllowance.NONE));
    assertTrue(e.getMessage().startsWith("memory of pipeline stage 0 ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("must be < 2^62 bytes (microBatchSize 2147483647, sequenceLength 2147483647)"),
        e.getMessage());
  }

  @Test
  void denseFeedForwardOnlyModelHasNoExpertState() {
    Architecture model =
        Architecture.builder()
            .vocabSize(32000)
            .hiddenSize(512)
            .numLayers(2)
            .contextLength(512)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(8).numKeyValueHeads(2).headDim(64).build())
            .feedForward(DenseFeedForward.of(1536, true))
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(false)
            .build();
    TrainingMemoryBreakdown memory =
        TrainingMemory.estimate(
            model,
            ParallelismPlan.builder().microBatchSize(1).globalBatchSize(1).sequenceLength(512).build(),
            TrainingPrecision.MIXED_BF16_ADAM,
            80 * GIB,
            MemoryAllowance.NONE);
    // Embedding 32000x512 twice (untied), per layer q/o 512x512 each, k/v 512x128 each, gated MLP 3x512x1536,
    // two RMSNorms, and the final RMSNorm.
    long parameters =
        2L * 32000 * 512 + 2 * (2L * 512 * 512 + 2L * 512 * 128 + 3L * 512 * 1536 + 2 * 512) + 512;
    assertEquals(2 * parameters, memory.weightsBytes());
  }
}
