package dev.persistence.costing.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.RecomputedModule;
import java.util.ArrayList;
import java.util.List;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.StepTimeModel;
import dev.persistence.core.flops.FlopConvention;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Llama 3 405B as Meta trained it (Dubey et al. 2024, arXiv:2407.21783, Table 4 and section 3.3.2): TP 8, PP 16,
 * CP 1 on 8,192 and 16,384 H100 (DP 64 and 128), 2,048 sequences of 8,192 tokens, 126 layers on 16 uneven stages
 * (one layer fewer on the first and the last), Meta's interleaved 1F1B. Meta's plan must fit in memory; the
 * acceptance target is a step time within 10% of the best plan the search returns (offload excluded).
 *
 * <p>Reached: Meta trained "on sequences of 8K tokens without activation checkpointing" (section 3.3.2); the
 * nearest reading that fits in 80 GiB here recomputes only the norms and the MLP activation, and with eight
 * virtual stages it comes out 4.6% (8,192 GPUs, 10.04 s) and 7.1% (16,384, 5.31 s) slower than the search's best,
 * which now tries that module recomputation too (TP 4 x CP 2 x PP 8 with 16 virtual stages, and TP 8 x PP 4 with
 * 32, both ZeRO-2). The search's former best, TP 8 with ZeRO-3 over every data-parallel rank and no pipeline, now
 * pays for its per-pass weight gathers and per-micro-batch gradient reduce-scatters of 50 billion parameters a
 * rank over one 400 Gb/s adapter. The test asserts the achieved ratio (within 8%).
 */
class Llama405bSearchTest {

  /** Llama 3 405B: Dubey et al. 2024 Table 3. */
  static Architecture llama405b() {
    return Architecture.builder()
        .vocabSize(128256)
        .hiddenSize(16384)
        .numLayers(126)
        .contextLength(8192)
        .attention(GroupedQueryAttention.builder().numAttentionHeads(128).numKeyValueHeads(8).headDim(128).build())
        .feedForward(DenseFeedForward.of(53248, true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false)
        .build();
  }

  /**
   * H100 SXM: 989 TFLOP/s bf16 dense, 3.35 TB/s, 80 GiB (NVIDIA aiconfigurator h100_sxm.yaml), NVLink 4 at 450
   * GB/s per direction; Meta's 400 Gb/s RoCE / InfiniBand per GPU (section 3.3.1).
   */
  static Cluster cluster(int gpus) {
    Accelerator h100 =
        Accelerator.builder()
            .name("H100-SXM5-80GB")
            .putDensePeakFlopsPerSecond(NumericFormat.BF16, 989e12)
            .memoryBytes(80L << 30)
            .memoryBandwidthBytesPerSecond(3.35e12)
            .scaleUpBandwidthBytesPerSecondPerDirection(450e9)
            .source("NVIDIA H100 datasheet; aiconfigurator h100_sxm.yaml")
            .build();
    return Cluster.builder()
        .accelerator(h100)
        .acceleratorsPerNode(8)
        .nodeCount(gpus / 8)
        .scaleOutBandwidthBytesPerSecondPerAccelerator(400e9 / 8)
        .scaleOutLatencySeconds(5e-6)
        .build();
  }

  @ParameterizedTest
  @ValueSource(ints = {8192, 16384})
  void metasPlanFitsAndIsWithinTenPercentOfTheSearchsBest(int gpus) {
    Architecture model = llama405b();
    Cluster cluster = cluster(gpus);
    TrainingPrecision precision = TrainingPrecision.MIXED_BF16_ADAM;
    SearchRequest request =
        SearchRequest.of(model, cluster, precision, gpus, 2048, 8192).withTop(3).withOffload(false);
    SearchResult result = PlanSearch.search(request);
    assertTrue(result.found(), "no plan found");
    StepTimeEstimate best = result.plans().get(0);

    StepTimeModel stepTime =
        StepTimeModel.of(model, cluster, precision, Calibration.forAccelerator("H100-SXM5-80GB"),
            AttentionKernel.FUSED, FlopConvention.EXACT);
    StepTimeEstimate meta = null;
    // Meta's interleaving depth and recomputation are not published: the fastest reading that fits.
    List<ParallelismPlan> readings = new ArrayList<>();
    for (int v : new int[] {1, 2, 4, 8}) {
      for (int n = -1; n <= 8; n++) {
        var builder =
            ParallelismPlan.builder()
                .tensorParallel(8)
                .pipelineParallel(16)
                .virtualPipelineStages(v)
                .dataParallel(gpus / 128)
                .sequenceParallel(true)
                .fusedAttention(true)
                .zeroStage(ZeroStage.OPTIMIZER_STATES)
                .microBatchSize(1)
                .globalBatchSize(2048)
                .sequenceLength(8192);
        if (n == -1) {
          // Meta trained "on sequences of 8K tokens without activation checkpointing" (section 3.3.2): the
          // nearest reading here recomputes only the cheap memory-bound modules, the norms and the MLP activation
          // (Megatron-Core --recompute-modules layernorm mlp).
          builder
              .recomputation(ActivationRecomputation.SELECTIVE)
              .addRecomputedModules(RecomputedModule.NORMS, RecomputedModule.MLP_ACTIVATION);
        } else if (n == 0) {
          builder.recomputation(ActivationRecomputation.NONE);
        } else {
          // Full recomputation of the first n layers of each chunk, the norms and MLP activation elsewhere.
          builder
              .recomputation(ActivationRecomputation.FULL)
              .fullyRecomputedLayersPerChunk(n)
              .addRecomputedModules(RecomputedModule.NORMS, RecomputedModule.MLP_ACTIVATION);
        }
        readings.add(builder.build());
      }
    }
    for (ParallelismPlan plan : readings) {
      {
        StepTimeEstimate estimate = stepTime.estimate(plan, MemoryAllowance.PYTORCH_CUDA_TRAINING);
        if (estimate.fits() && (meta == null || estimate.stepSeconds() < meta.stepSeconds())) {
          meta = estimate;
        }
      }
    }
    System.out.printf("405B on %d: best %.2f s %s%n    %s%n  Meta %s%n", gpus, best.stepSeconds(), best.plan(),
        best.breakdown(),
        meta == null ? "does not fit" : String.format("%.2f s %s%n    %s", meta.stepSeconds(), meta.plan(),
            meta.breakdown()));
    for (int i = 1; i < result.plans().size(); i++) {
      System.out.printf("  next %.2f s %s%n", result.plans().get(i).stepSeconds(), result.plans().get(i).plan());
    }
    assertTrue(meta != null, "Meta's plan does not fit");
    assertTrue(
        meta.stepSeconds() <= 1.08 * best.stepSeconds(),
        "Meta's plan " + meta.stepSeconds() + " s vs the search's best " + best.stepSeconds() + " s " + best.plan());
  }
}
