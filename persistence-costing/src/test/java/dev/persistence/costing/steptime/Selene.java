package dev.persistence.costing.steptime;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.costing.calibration.ReferenceJson;
import java.util.Map;

/**
 * The hardware and the configurations of Korthikanti et al. 2022 (arXiv:2205.05198), from the repository's reference
 * files: A100 SXM4 80GB figures from accelerators.json (NVIDIA datasheet: 312 TFLOP/s bf16 dense, 2.039 TB/s,
 * NVLink 3 at 300 GB/s per direction), Selene's DGX A100 nodes of 8 GPUs with 8 HDR InfiniBand HCAs (200 Gb/s =
 * 25 GB/s per GPU; NVIDIA, "Selene" DGX SuperPOD reference architecture), Table 3's model configurations.
 */
final class Selene {

  private Selene() {}

  @SuppressWarnings("unchecked")
  static Accelerator a100() {
    Map<String, Object> a100 =
        (Map<String, Object>) ReferenceJson.read("accelerators.json").get("A100-SXM4-80GB");
    Map<String, Object> tflops = (Map<String, Object>) a100.get("tflops");
    Map<String, Object> interconnect = (Map<String, Object>) a100.get("interconnect");
    return Accelerator.builder()
        .name("A100-SXM4-80GB")
        .putDensePeakFlopsPerSecond(NumericFormat.BF16, (Double) tflops.get("bf16") * 1e12)
        .putDensePeakFlopsPerSecond(NumericFormat.FP16, (Double) tflops.get("fp16") * 1e12)
        .memoryBytes((long) ((Double) a100.get("hbm_gb") * (1L << 30)))
        .memoryBandwidthBytesPerSecond((Double) a100.get("hbm_TBps") * 1e12)
        .scaleUpBandwidthBytesPerSecondPerDirection((Double) interconnect.get("GBps_uni") * 1e9)
        .thermalDesignPowerWatts((Double) a100.get("tdp_w"))
        .source("reference/accelerators.json")
        .build();
  }

  static Cluster cluster(int gpus) {
    return Cluster.builder()
        .accelerator(a100())
        .acceleratorsPerNode(8)
        .nodeCount(Math.max(1, gpus / 8))
        .scaleOutBandwidthBytesPerSecondPerAccelerator(200e9 / 8)
        .scaleOutLatencySeconds(5e-6)
        .build();
  }

  /** One Table 3 configuration. */
  record Config(String model, Architecture architecture, int tp, int pp, int vpp, int gpus, int globalBatch,
      int microBatch) {

    ParallelismPlan plan(boolean presentWork) {
      return ParallelismPlan.builder()
          .tensorParallel(tp)
          .pipelineParallel(pp)
          .virtualPipelineStages(vpp)
          .dataParallel(gpus / (tp * pp))
          .microBatchSize(microBatch)
          .globalBatchSize(globalBatch)
          .sequenceLength(2048)
          .sequenceParallel(presentWork)
          .recomputation(presentWork ? ActivationRecomputation.SELECTIVE : ActivationRecomputation.FULL)
          .build();
    }
  }
}
