package dev.persistence.costing.search;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.core.architecture.ParameterComponent;
import dev.persistence.core.memory.ActivationMemory;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineLayout;
import dev.persistence.core.precision.TrainingPrecision;

/**
 * The training memory of {@code TrainingMemory.estimate} in primitive arithmetic for the plan search, with the
 * per-layer figures averaged over the layers (exact for dense models; the search re-checks its answers with
 * {@code TrainingMemory}). The first and the last pipeline stage are the candidates for the most-loaded one.
 */
final class FastMemory {

  private final Architecture architecture;
  private final int layers;
  private final double hidden;
  private final double vocab;
  private final double weightBytes;
  private final double gradientBytes;
  private final double masterBytes;
  private final double optimizerBytes;
  private final double linearInputBytes;
  private final double fixedAllowance;
  private final double fragmentation;
  private final double capacity;
  /** Dense parameters per layer before the tensor split, split part. */
  private final double splitLayerParameters;
  /** Dense parameters per layer kept whole on each rank (norms, routers). */
  private final double wholeLayerParameters;
  private final double expertLayerParameters;
  private final double tokenEmbedding;
  private final double positions;
  private final double head;
  private final double finalNorm;
  private final boolean tied;

  FastMemory(
      Architecture architecture, TrainingPrecision precision, MemoryAllowance allowance, long capacityBytes) {
    this.architecture = architecture;
    layers = architecture.numLayers();
    hidden = architecture.hiddenSize();
    vocab = architecture.vocabSize();
    weightBytes = precision.weightBytes();
    gradientBytes = precision.gradientBytes();
    masterBytes = precision.masterWeightBytes();
    optimizerBytes = precision.optimizerStateBytes();
    linearInputBytes = precision.linearInputActivationBytes();
    fixedAllowance = allowance.fixedBytes();
    fragmentation = allowance.fragmentationFraction();
    capacity = capacityBytes;
    long h = architecture.hiddenSize();
    double attention = architecture.attention().parameters(h);
    double norms = architecture.normsPerLayer() * architecture.normKind().parameters(h);
    double denseBlock = architecture.denseFeedForward().map((DenseFeedForward block) -> (double) block.parameters(h))
        .orElse(0.0);
    MixtureOfExperts moe =
        architecture.feedForward() instanceof MixtureOfExperts
            ? (MixtureOfExperts) architecture.feedForward()
            : null;
    int sparse = architecture.sparseLayers();
    int dense = layers - sparse;
    double split = attention + dense * denseBlock / layers;
    double whole = norms;
    double experts = 0;
    if (moe != null) {
      split += sparse * (double) moe.sharedExpertParameters(h) / layers;
      whole += sparse * (double) moe.routerParameters(h) / layers;
      experts = sparse * (double) moe.numExperts() * moe.routedExpertParameters(h) / layers;
    }
    splitLayerParameters = split;
    wholeLayerParameters = whole;
    expertLayerParameters = experts;
    ParameterBreakdown parameters = architecture.parameters();
    tokenEmbedding = parameters.get(ParameterComponent.TOKEN_EMBEDDING);
    positions = parameters.get(ParameterComponent.POSITION_EMBEDDING);
    head = parameters.get(ParameterComponent.OUTPUT_HEAD);
    finalNorm = architecture.finalNorm() ? architecture.normKind().parameters(h) : 0;
    tied = architecture.tiedEmbeddings();
  }

  /**
   * Mean activation bytes of one layer for one micro-batch ({@link ActivationMemory#layerBytes}), for the
   * outer loops of the search (allocates a plan).
   */
  double meanLayerActivationBytes(
      int t,
      int c,
      int microBatch,
      int sequenceLength,
      boolean sequenceParallel,
      ActivationRecomputation recompute,
      boolean fusedAttention) {
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .tensorParallel(t)
            .contextParallel(c)
            .microBatchSize(microBatch)
            .globalBatchSize(microBatch)
            .sequenceLength(sequenceLength)
            .sequenceParallel(sequenceParallel)
            .recomputation(recompute)
            .fusedAttention(fusedAttention)
            .build();
    if (architecture.sparseLayers() == 0) {
      return ActivationMemory.layerBytes(architecture, 0, plan, linearInputBytes);
    }
    double sum = 0;
    for (int layer = 0; layer < layers; layer++) {
      sum += ActivationMemory.layerBytes(architecture, layer, plan, linearInputBytes);
    }
    return sum / layers;
  }

  /**
   * Whether the plan fits: the larger of the first and last stages' totals, with the allowance, within capacity.
   * Allocates nothing.
   */
  boolean fits(
      int t, int p, int v, int d, int c, int e, int microBatch, int microBatches, int sequenceLength,
      double layerActivationBytes, int zeroStage, boolean optimizerOffload, boolean activationOffload) {
    int firstLayers = layersOn(0, p, v);
    int lastLayers = p == 1 ? firstLayers : layersOn(p - 1, p, v);
    double sb = (double) sequenceLength / c * microBatch;
    double interleave = v == 1 ? 1 : 1 + (p - 1.0) / ((double) p * v);
    double denseShards = (double) d * c;
    double expertShards = denseShards / e;
    double expertSplit = (double) e * t;

    // First stage.
    double dense0 = firstLayers * (splitLayerParameters / t + wholeLayerParameters) + tokenEmbedding / t + positions;
    double experts0 = firstLayers * expertLayerParameters / expertSplit;
    if (p == 1) {
      dense0 += head / t + finalNorm;
    }
    int inFlight0 = Math.min(p, microBatches);
    double activations0 =
        activationOffload
            ? layerActivationBytes
            : firstLayers * layerActivationBytes * inFlight0 * interleave + sb * hidden * inFlight0 / t
                + (p == 1 ? 4 * sb * hidden / t * (1 + vocab / hidden) : 0);
    double total = total(dense0, experts0, activations0, zeroStage, optimizerOffload, denseShards, expertShards);
    if (total > capacity) {
      return false;
    }
    if (p == 1) {
      return true;
    }
    double denseLast = lastLayers * (splitLayerParameters / t + wholeLayerParameters) + head / t + finalNorm
        + (tied ? tokenEmbedding / t : 0);
    double expertsLast = lastLayers * expertLayerParameters / expertSplit;
    int inFlightLast = Math.min(1, microBatches);
    double activationsLast =
        activationOffload
            ? layerActivationBytes
            : lastLayers * layerActivationBytes * inFlightLast * interleave
                + 4 * sb * hidden / t * (1 + vocab / hidden);
    return total(denseLast, expertsLast, activationsLast, zeroStage, optimizerOffload, denseShards, expertShards)
        <= capacity;
  }

  private double total(
      double dense, double experts, double activations, int zeroStage, boolean optimizerOffload,
      double denseShards, double expertShards) {
    double sharded = dense / denseShards + experts / expertShards;
    double whole = dense + experts;
    double weights = weightBytes * (zeroStage >= 3 ? sharded : whole);
    double gradients = gradientBytes * (zeroStage >= 2 ? sharded : whole);
    double optimizer = optimizerOffload ? 0 : (masterBytes + optimizerBytes) * (zeroStage >= 1 ? sharded : whole);
    double accounted = weights + gradients + optimizer + activations;
    return accounted + fixedAllowance + fragmentation * accounted;
  }

  /** Layers on a stage, from the one rule of {@link PipelineLayout}. */
  private int layersOn(int stage, int p, int v) {
    return PipelineLayout.layersOnStage(layers, p, v, stage);
  }
}
