package dev.persistence.costing.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.parallelism.PipelineLayout;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.steptime.StepTimeEstimate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanSearchTest {

  static Cluster a100Cluster(int gpus) {
    // A100 SXM4 80GB: NVIDIA A100 datasheet (312 TFLOP/s bf16 dense, 2.039 TB/s, NVLink 3 300 GB/s per direction);
    // DGX A100 nodes of 8 with 8 x 200 Gb/s HDR InfiniBand.
    Accelerator a100 =
        Accelerator.builder()
            .name("A100-SXM4-80GB")
            .putDensePeakFlopsPerSecond(NumericFormat.BF16, 312e12)
            .memoryBytes(80L << 30)
            .memoryBandwidthBytesPerSecond(2.039e12)
            .scaleUpBandwidthBytesPerSecondPerDirection(300e9)
            .source("NVIDIA A100 datasheet")
            .build();
    return Cluster.builder()
        .accelerator(a100)
        .acceleratorsPerNode(8)
        .nodeCount(Math.max(1, gpus / 8))
        .scaleOutBandwidthBytesPerSecondPerAccelerator(25e9)
        .scaleOutLatencySeconds(5e-6)
        .build();
  }

  @Test
  void megatronTuring530bOn5120() {
    // MT-NLG 530B (Smith et al. 2022, arXiv:2201.11990): 105 layers, hidden 20480, 128 heads.
    Architecture mtnlg = Architecture.megatronGpt(105, 20480, 128, 51200, 2048);
    SearchRequest request =
        SearchRequest.of(mtnlg, a100Cluster(5120), TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS, 5120, 2560,
            2048);
    SearchResult result = PlanSearch.search(request);
    System.out.printf("530B/5120: %d evaluated, %d fit, %.3f s%n", result.evaluatedPlans(), result.fittingPlans(),
        result.searchSeconds());
    for (StepTimeEstimate plan : result.plans()) {
      System.out.printf("  %.2f s mfu %.3f %s%n", plan.stepSeconds(), plan.modelFlopsUtilization(), plan.plan());
    }
    assertTrue(result.found());
    for (StepTimeEstimate plan : result.plans()) {
      assertTrue(plan.fits());
    }
    assertFalse(result.plans().isEmpty());
  }

  @Test
  void embeddingAndHeadSplit() {
    // Dubey et al. 2024 section 3.3.2: 126 layers on 16 stages, one layer fewer on the first and the last; the
    // default split is already that one, so there is no other split to try.
    assertEquals(7, PipelineLayout.layersInChunk(126, 16, 0));
    assertEquals(7, PipelineLayout.layersInChunk(126, 16, 15));
    assertNull(PlanSearch.embeddingAndHeadSplit(126, 16, 1));
    // 32 layers on 4 stages: the default is 8 each; counting the embedding and the head as a layer each, 34 units
    // of 8.5 a stage leave 7 on the first and the last stage and 9 on the two middle ones.
    assertEquals(List.of(7, 9, 9, 7), PlanSearch.embeddingAndHeadSplit(32, 4, 1));
    // Without a pipeline there is no split to make.
    assertNull(PlanSearch.embeddingAndHeadSplit(126, 1, 1));
  }
}
