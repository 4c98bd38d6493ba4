package dev.persistence.examples.consumer;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.regulation.ComputeThresholds;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.ScalingLaws;
import java.util.List;
import java.util.Locale;

/**
 * A library user's first program: a published model, its exact size and training FLOPs, what a scaling law says
 * about the split, a parallel layout on a cluster from the bundled catalog, and the compute thresholds crossed.
 */
public final class TrainingSketch {

  private TrainingSketch() {}

  /**
   * The FLOPs of training {@code model} on {@code tokens} tokens of {@code sequenceLength}, exact convention.
   *
   * @param model the model
   * @param sequenceLength tokens per sequence
   * @param tokens training tokens
   * @return model training FLOPs
   */
  public static double trainingFlops(Architecture model, int sequenceLength, double tokens) {
    return FlopAccounting.estimate(model, sequenceLength, FlopConvention.EXACT).modelTrainingFlopsPerToken()
        * tokens;
  }

  /**
   * Prints the sketch.
   *
   * @param args none
   */
  public static void main(String[] args) {
    // Korthikanti et al. 2022 Table 3: the 22B GPT (48 layers, hidden 6144, 64 heads, vocabulary 51200, s 2048).
    Architecture gpt = Architecture.megatronGpt(48, 6144, 64, 51200, 2048);
    long parameters = gpt.parameters().totalParameters();
    double tokens = 20.0 * parameters; // the Chinchilla rule of thumb, 20 tokens per parameter
    double flops = trainingFlops(gpt, 2048, tokens);

    ChinchillaLaw law = ScalingLaws.chinchillaForm("epoch"); // ChinchillaLaw.BESIROGLU_2024
    Accelerator a100 = AcceleratorCatalog.bundled().get("a100");
    Cluster cluster =
        Cluster.builder()
            .accelerator(a100)
            .acceleratorsPerNode(8)
            .nodeCount(8)
            .scaleOutBandwidthBytesPerSecondPerAccelerator(25e9) // assumption: one 200 Gb/s NIC per GPU
            .scaleOutLatencySeconds(5e-6) // assumption
            .build();
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .tensorParallel(8)
            .pipelineParallel(2)
            .dataParallel(4)
            .sequenceParallel(true)
            .recomputation(ActivationRecomputation.SELECTIVE)
            .microBatchSize(1)
            .globalBatchSize(256)
            .sequenceLength(2048)
            .build()
            .validateFor(gpt, cluster);
    List<ComputeThreshold> crossed = ComputeThresholds.crossed(flops);

    System.out.printf(Locale.ROOT, "model              %,d parameters%n", parameters);
    System.out.printf(Locale.ROOT, "training           %.3e tokens, %.3e FLOPs%n", tokens, flops);
    System.out.printf(
        Locale.ROOT,
        "law %-14s optimal %.3e parameters, loss %.4f%n",
        law.name(),
        law.optimalParameters(flops),
        law.loss(parameters, tokens));
    System.out.printf(Locale.ROOT, "cluster            %d x %s%n", cluster.acceleratorCount(), a100.name());
    System.out.println("plan               " + plan);
    System.out.println("thresholds crossed " + (crossed.isEmpty() ? "none" : crossed.size()));
  }
}
