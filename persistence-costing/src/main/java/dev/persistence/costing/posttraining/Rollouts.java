package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.memory.InferenceMemory;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.CalibrationParameter;
import dev.persistence.costing.serving.ServingDeployment;
import dev.persistence.costing.serving.ServingRoofline;
import dev.persistence.costing.serving.ServingWorkload;
import dev.persistence.costing.steptime.Collectives;
import java.util.Locale;

/**
 * Generation of a batch of sequences on some of a stage's accelerators, through the serving roofline
 * ({@link ServingRoofline}): replicas of {@code tensorParallel} accelerators share the sequences; each decodes as
 * many at once as fit at the longest allowed length (continuous batching keeps that many in flight). The decode
 * lasts the larger of the tokens over the batch's throughput and the longest response's steps (the straggler every
 * synchronous step waits for); the step time is the roofline's at the mean decode context plus the replica's
 * tensor-parallel all-reduces, which the roofline leaves out and which decide the speed of a replica that spans
 * nodes: two per layer and pass (after attention and after the MLP; Shoeybi et al. 2019, arXiv:1909.08053
 * section 3) of {@code tokens x hidden x 2} bytes, unoverlapped (vLLM runs them between the GEMMs), each the
 * time of the step-time model's {@link Collectives#allReduceSeconds} (the faster of ring and double binary
 * tree, as NCCL chooses), over the scale-up fabric when the replica fits one node and the scale-out network when
 * it does not.
 */
final class Rollouts {
  private Rollouts() {}

  /** Wall-clock seconds, FLOPs and the batch one replica decodes. */
  record Generated(double seconds, double flops, long batchPerReplica) {}

  static ServingDeployment deployment(Architecture model, StageResources resources, int tensorParallel) {
    return ServingDeployment.builder()
        .architecture(model)
        .accelerator(resources.cluster().accelerator())
        .tensorParallel(tensorParallel)
        .weightFormat(resources.generationWeightFormat())
        .computeEfficiency(resources.calibration().generationComputeEfficiency())
        .bandwidthEfficiency(resources.calibration().generationBandwidthEfficiency())
        .usdPerAcceleratorHour(resources.usdPerAcceleratorHour())
        .build();
  }

  static Generated generate(
      Architecture model,
      StageResources resources,
      long accelerators,
      int tensorParallel,
      double sequences,
      int promptTokens,
      double meanResponseTokens,
      int maxResponseTokens) {
    checkArgument(
        accelerators >= tensorParallel,
        "generation accelerators (%s) must be >= tensorParallel (%s): at least one replica",
        accelerators,
        tensorParallel);
    long replicas = accelerators / tensorParallel;
    ServingDeployment deployment = deployment(model, resources, tensorParallel);
    long largest =
        ServingRoofline.maxBatch(deployment, new ServingWorkload(promptTokens, Math.max(1, maxResponseTokens)));
    if (largest < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "generation: a %.3gB-parameter model does not fit %s x %s for one sequence of %s + %s tokens;"
                  + " use a larger tensorParallel",
              model.parameters().totalParameters() / 1e9,
              tensorParallel,
              resources.cluster().accelerator().name(),
              promptTokens,
              maxResponseTokens));
    }
    double perReplica = sequences / replicas;
    long batch =
        Math.max(1, Math.min(Math.min(largest, resources.generationBatchLimit()), (long) Math.ceil(perReplica)));
    boolean trainingEngine = resources.generationEngine() == GenerationEngine.TRAINING_ENGINE;
    // The training engine re-gathers its ZeRO-3 shards for every forward: the whole model over the fabric.
    double gatherSeconds = trainingEngine ? gatherSeconds(model, resources, accelerators) : 0;
    double prefill =
        (ServingRoofline.prefill(deployment, batch, promptTokens).seconds()
                + tensorParallelSeconds(model, resources, tensorParallel, (double) batch * promptTokens)
                + gatherSeconds)
            * perReplica
            / batch;
    double decode = 0;
    double decodeFlops = 0;
    if (meanResponseTokens > 0) {
      double meanContext = promptTokens + meanResponseTokens / 2;
      double stepSeconds =
          ServingRoofline.decodeStep(deployment, batch, meanContext).seconds()
              + tensorParallelSeconds(model, resources, tensorParallel, batch)
              + gatherSeconds;
      // Static batches last their longest response; continuous batching refills, the longest is only a floor.
      double steps =
          trainingEngine
              ? Math.ceil(perReplica / batch) * maxResponseTokens
              : Math.max(perReplica * meanResponseTokens / batch, maxResponseTokens);
      decode = steps * stepSeconds;
      decodeFlops = sequences * meanResponseTokens * ServingRoofline.decodeFlopsPerToken(model, meanContext);
    }
    double prefillFlops =
        sequences
            * promptTokens
            * FlopAccounting.estimate(model, promptTokens, FlopConvention.EXACT).forwardFlopsPerToken();
    return new Generated(prefill + decode, prefillFlops + decodeFlops, batch);
  }

  /**
   * The tensor-parallel all-reduces of one pass over {@code tokens} tokens of a replica, each timed by the
   * step-time model's collective rule ({@link Collectives#allReduceSeconds}: the faster of ring and double binary
   * tree).
   */
  static double tensorParallelSeconds(Architecture model, StageResources resources, int ranks, double tokens) {
    if (ranks <= 1) {
      return 0;
    }
    var cluster = resources.cluster();
    boolean inNode = ranks <= cluster.scaleUpDomainSize();
    double latency =
        inNode
            ? Calibration.forAccelerator(cluster.accelerator().name())
                .value(CalibrationParameter.SCALE_UP_LATENCY_SECONDS)
            : cluster.scaleOutLatencySeconds();
    double bytes = tokens * model.hiddenSize() * ACTIVATION_BYTES;
    return ALL_REDUCES_PER_LAYER
        * model.numLayers()
        * Collectives.allReduceSeconds(bytes, ranks, bandwidth(cluster, inNode), latency);
  }

  /**
   * Bytes per second per direction of one accelerator's link for a collective: the scale-up link within a scale-up
   * domain (the scale-out link where the chip has none), the scale-out link across domains.
   */
  private static double bandwidth(Cluster cluster, boolean inNode) {
    return inNode
        ? cluster
            .accelerator()
            .scaleUpBandwidthBytesPerSecondPerDirection()
            .orElse(cluster.scaleOutBandwidthBytesPerSecondPerAccelerator())
        : cluster.scaleOutBandwidthBytesPerSecondPerAccelerator();
  }

  /**
   * One all-gather of the whole model's weights across the accelerators that shard it (ZeRO-3): the ring's
   * bandwidth term {@code (n-1)/n x bytes} (Patarasuk and Yuan 2009), its latency neglected beside a whole model.
   */
  static double gatherSeconds(Architecture model, StageResources resources, long accelerators) {
    if (accelerators <= 1) {
      return 0;
    }
    var cluster = resources.cluster();
    boolean inNode = accelerators <= cluster.scaleUpDomainSize();
    double bandwidth = bandwidth(cluster, inNode);
    return (double) (accelerators - 1) / accelerators * weightBytes(model, resources) / bandwidth;
  }

  /** Two all-reduces per layer and pass in Megatron-style tensor parallelism (Shoeybi et al. 2019 section 3). */
  private static final int ALL_REDUCES_PER_LAYER = 2;

  /** Activations cross the all-reduce in 16 bits (bf16 generation, the default {@code generationWeightFormat}). */
  private static final int ACTIVATION_BYTES = 2;

  /** Bytes of the model's weights as the generators hold them. */
  static double weightBytes(Architecture model, StageResources resources) {
    return InferenceMemory.weightsBytes(model, resources.generationWeightFormat());
  }
}
