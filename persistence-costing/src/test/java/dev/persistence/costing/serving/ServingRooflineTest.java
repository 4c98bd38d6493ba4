package dev.persistence.costing.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.costing.ReferenceRuns;
import org.junit.jupiter.api.Test;

class ServingRooflineTest {

  /** Llama 2 7B's published parameter count (reference parameter-counts.json). */
  private static final double LLAMA2_PARAMETERS = 6_738_415_616.0;

  /** Llama 2 7B (Touvron et al. 2023, arXiv:2307.09288; HF config): 32 layers, 32 heads of 128, no GQA. */
  static Architecture llama2() {
    return Architecture.builder()
        .vocabSize(32000)
        .hiddenSize(4096)
        .numLayers(32)
        .contextLength(4096)
        .attention(GroupedQueryAttention.builder().numAttentionHeads(32).headDim(128).build())
        .feedForward(DenseFeedForward.of(11008, true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false)
        .build();
  }

  static ImmutableServingDeployment deployment() {
    return ServingDeployment.builder()
        .architecture(llama2())
        .accelerator(ReferenceRuns.h100())
        .allowance(MemoryAllowance.NONE)
        .usdPerAcceleratorHour(2.0)
        .build();
  }

  @Test
  void singleSequenceDecodeIsBoundByReadingTheWeights() {
    // bf16 weights: 2 x 6,738,415,616 bytes read per step at 3.35 TB/s (H100 SXM datasheet) = 4.02 ms; the cache
    // at context 0 is empty.
    StepTime step = ServingRoofline.decodeStep(deployment(), 1, 0);
    assertEquals(2 * LLAMA2_PARAMETERS / 3.35e12, step.memorySeconds(), 1e-9);
    assertEquals(Bound.MEMORY, step.bound());
    // Llama 2 7B caches 0.5 MiB per token in bf16 (2 x 32 layers x 4096 x 2 bytes): 1000 tokens for a batch of 4
    // add 4 x 1000 x 524,288 bytes to the step's reads.
    StepTime withCache = ServingRoofline.decodeStep(deployment(), 4, 1000);
    assertEquals(
        (2 * LLAMA2_PARAMETERS + 4 * 1000 * 524_288.0) / 3.35e12, withCache.memorySeconds(), 1e-9);
  }

  @Test
  void decodeFlopsAreTwicePerParameterPlusAttention() {
    // Active parameters without the input embedding: 6,738,415,616 - 32000 x 4096; attention adds
    // 2 x 32 heads x (128 + 128) per cached token per layer (Kaplan et al. 2020 Table 1 style).
    double active = LLAMA2_PARAMETERS - 32000 * 4096.0;
    assertEquals(2 * active, ServingRoofline.decodeFlopsPerToken(llama2(), 0), 1e-3);
    assertEquals(
        2 * active + 2 * 32 * 256 * 32 * 1000.0, ServingRoofline.decodeFlopsPerToken(llama2(), 1000), 1e-3);
  }

  @Test
  void pricePerMillionOutputTokens() {
    // Batch 1, 1 prompt token, 1 output token: decode at mean context 1.5 reads the weights and 1.5 tokens of
    // cache, one token per step; the replica costs $2/h.
    ServingWorkload workload = new ServingWorkload(1, 1);
    ServingEstimate estimate = ServingRoofline.estimate(deployment(), workload, 1);
    double stepSeconds = (2 * LLAMA2_PARAMETERS + 1.5 * 524_288) / 3.35e12;
    assertEquals(stepSeconds, estimate.timePerOutputTokenSeconds(), 1e-12);
    assertEquals(1 / stepSeconds, estimate.outputTokensPerSecond(), 1e-6);
    assertEquals(2.0 / 3600 * stepSeconds * 1e6, estimate.usdPerMillionOutputTokens(), 1e-9);
  }

  @Test
  void largestBatchMatchesTheMemoryAccounting() {
    // 80e9 bytes less 13.48e9 of weights over 2 GiB per 4096-token sequence (0.5 MiB x 4096): 30 sequences.
    long expected = (long) ((80e9 - 2 * LLAMA2_PARAMETERS) / (4096 * 524_288.0));
    assertEquals(30, expected);
    assertEquals(expected, ServingRoofline.maxBatch(deployment(), new ServingWorkload(2048, 2048)));
  }

  @Test
  void fleetForADailyDemand() {
    ServingWorkload workload = new ServingWorkload(1000, 200);
    ServingEstimate estimate = ServingRoofline.estimate(deployment(), workload, 16);
    double input = 1e10;
    double output = 2e9;
    ServingFleet fleet = ServingRoofline.fleet(deployment(), workload, 16, input, output, 0.5);
    double busy = input / estimate.inputTokensPerSecond() + output / estimate.outputTokensPerSecond();
    assertEquals(busy, fleet.busySecondsPerDay(), busy * 1e-12);
    assertEquals((long) Math.ceil(busy / (86_400 * 0.5)), fleet.replicas());
    assertEquals(fleet.replicas(), fleet.accelerators());
    assertEquals(fleet.replicas() * 2.0 * 24, fleet.usdPerDay(), 1e-9);
    ServingFleet tp2 = ServingRoofline.fleet(deployment().withTensorParallel(2), workload, 16, input, output, 0.5);
    assertEquals(2 * tp2.replicas(), tp2.accelerators());
  }

  @Test
  void rejections() {
    ServingWorkload workload = new ServingWorkload(2048, 2048);
    assertEquals(
        "batch (31) must be <= the largest batch that fits (30) at context 4096 on 1 x H100-SXM5-80GB",
        assertThrows(IllegalArgumentException.class, () -> ServingRoofline.estimate(deployment(), workload, 31))
            .getMessage());
    assertEquals(
        "batch (0) must be > 0",
        assertThrows(IllegalArgumentException.class, () -> ServingRoofline.estimate(deployment(), workload, 0))
            .getMessage());
    assertEquals(
        "promptTokens (0) must be > 0",
        assertThrows(IllegalArgumentException.class, () -> new ServingWorkload(0, 1)).getMessage());
    assertEquals(
        "outputTokens (-1) must be > 0",
        assertThrows(IllegalArgumentException.class, () -> new ServingWorkload(1, -1)).getMessage());
    assertEquals(
        "tensorParallel (0) must be > 0",
        assertThrows(IllegalArgumentException.class, () -> deployment().withTensorParallel(0)).getMessage());
    assertEquals(
        "computeEfficiency (0.0) must be in (0, 1]",
        assertThrows(IllegalArgumentException.class, () -> deployment().withComputeEfficiency(0)).getMessage());
    assertEquals(
        "bandwidthEfficiency (1.2) must be in (0, 1]",
        assertThrows(IllegalArgumentException.class, () -> deployment().withBandwidthEfficiency(1.2))
            .getMessage());
    assertEquals(
        "usdPerAcceleratorHour (-1.0) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> deployment().withUsdPerAcceleratorHour(-1))
            .getMessage());
    assertEquals(
        "targetUtilisation (0.0) must be in (0, 1]",
        assertThrows(
                IllegalArgumentException.class,
                () -> ServingRoofline.fleet(deployment(), workload, 1, 1, 1, 0))
            .getMessage());
    assertEquals(
        "inputTokensPerDay (-1.0) must be finite and >= 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> ServingRoofline.fleet(deployment(), workload, 1, -1, 1, 0.5))
            .getMessage());
    assertEquals(
        "contextLength (-1.0) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> ServingRoofline.decodeStep(deployment(), 1, -1))
            .getMessage());
    assertEquals(
        "computeSeconds (-1.0) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> new StepTime(-1, 0)).getMessage());
  }
}
