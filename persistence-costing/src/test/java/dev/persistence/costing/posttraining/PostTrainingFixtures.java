package dev.persistence.costing.posttraining;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.costing.PublishedModels;
import dev.persistence.costing.calibration.ReferenceJson;
import java.util.List;
import java.util.Map;

/** Published models and accelerators the post-training tests use. */
final class PostTrainingFixtures {
  private PostTrainingFixtures() {}

  /** H100 SXM5 80GB from reference/accelerators.json (NVIDIA H100 datasheet). */
  @SuppressWarnings("unchecked")
  static Accelerator h100() {
    return accelerator("H100-SXM5-80GB", "H100-SXM5-80GB");
  }

  /** A100 SXM4 80GB from reference/accelerators.json. */
  static Accelerator a100() {
    return accelerator("A100-SXM4-80GB", "A100-SXM4-80GB");
  }

  /**
   * H800 SXM5: the H100's compute and memory with NVLink cut to 400 GB/s bidirectional (200 GB/s per direction;
   * DeepSeek-V3 report arXiv:2412.19437 section 3.1: "NVLink ... 160 GB/s" achieved), from the H100's entry.
   */
  static Accelerator h800() {
    Accelerator h100 = h100();
    return Accelerator.builder().from(h100).name("H800-SXM5-80GB").aliases(List.of())
        .scaleUpBandwidthBytesPerSecondPerDirection(200e9).build();
  }

  @SuppressWarnings("unchecked")
  private static Accelerator accelerator(String key, String name) {
    Map<String, Object> entry = (Map<String, Object>) ReferenceJson.read("accelerators.json").get(key);
    Map<String, Object> tflops = (Map<String, Object>) entry.get("tflops");
    Map<String, Object> interconnect = (Map<String, Object>) entry.get("interconnect");
    var builder = Accelerator.builder();
    // A chip without FP8 (the A100) lists it as null.
    if (tflops.get("fp8") instanceof Number fp8) {
      builder.putDensePeakFlopsPerSecond(NumericFormat.FP8, fp8.doubleValue() * 1e12);
    }
    return builder
        .name(name)
        .putDensePeakFlopsPerSecond(NumericFormat.BF16, ((Number) tflops.get("bf16")).doubleValue() * 1e12)
        .memoryBytes((long) (((Number) entry.get("hbm_gb")).doubleValue() * 1e9))
        .memoryBandwidthBytesPerSecond(((Number) entry.get("hbm_TBps")).doubleValue() * 1e12)
        .scaleUpBandwidthBytesPerSecondPerDirection(((Number) interconnect.get("GBps_uni")).doubleValue() * 1e9)
        .thermalDesignPowerWatts(((Number) entry.get("tdp_w")).doubleValue())
        .source("reference/accelerators.json")
        .build();
  }

  /** {@code gpus} accelerators in 8-GPU nodes on 400 Gb/s InfiniBand per GPU (the DGX H100 reference design). */
  static Cluster cluster(Accelerator accelerator, int gpus) {
    return Cluster.builder()
        .accelerator(accelerator)
        .acceleratorsPerNode(8)
        .nodeCount(Math.max(1, (gpus + 7) / 8))
        .scaleOutBandwidthBytesPerSecondPerAccelerator(400e9 / 8)
        .scaleOutLatencySeconds(5e-6)
        .build();
  }

  static StageResources resources(Accelerator accelerator, int gpus) {
    return StageResources.builder().cluster(cluster(accelerator, gpus)).usdPerAcceleratorHour(2.0).build();
  }

  private static Architecture llama(int hidden, int layers, int heads, int ffn) {
    return Architecture.builder()
        .vocabSize(128256)
        .hiddenSize(hidden)
        .numLayers(layers)
        .contextLength(131072)
        .attention(GroupedQueryAttention.builder().numAttentionHeads(heads).numKeyValueHeads(8).headDim(128).build())
        .feedForward(DenseFeedForward.of(ffn, true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false)
        .build();
  }

  /** Llama 3.1 8B (Dubey et al. 2024 Table 3: 32 layers, 4,096 wide, 14,336 FFN, 32 heads, 8 KV heads). */
  static Architecture llama8b() {
    return llama(4096, 32, 32, 14336);
  }

  /** Llama 3.1 70B (Table 3: 80 layers, 8,192 wide, 28,672 FFN, 64 heads, 8 KV heads). */
  static Architecture llama70b() {
    return llama(8192, 80, 64, 28672);
  }

  /** Llama 3.1 405B (Table 3: 126 layers, 16,384 wide, 53,248 FFN, 128 heads, 8 KV heads). */
  static Architecture llama405b() {
    return llama(16384, 126, 128, 53248);
  }

  /** Qwen3-8B (its config.json: 36 layers, 4,096 wide, 12,288 FFN, 32 heads, 8 KV heads, vocabulary 151,936). */
  static Architecture qwen3_8b() {
    return Architecture.builder()
        .vocabSize(151936)
        .hiddenSize(4096)
        .numLayers(36)
        .contextLength(40960)
        .attention(GroupedQueryAttention.builder().numAttentionHeads(32).numKeyValueHeads(8).headDim(128).build())
        .feedForward(DenseFeedForward.of(12288, true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false)
        .build();
  }

  /** DeepSeek-V3 ({@link PublishedModels#deepSeekV3}). */
  static Architecture deepseekV3() {
    return PublishedModels.deepSeekV3();
  }
}
