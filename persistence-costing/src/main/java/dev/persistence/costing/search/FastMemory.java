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
import dev.persistence.core.parallelism.RecomputedModule;
import dev.persistence.core.precision.TrainingPrecision;
import java.util.Set;

/**
 * The training memory of {@code TrainingMemory.estimate} in primitive arithmetic for the plan search, with the
 * per-layer figures averaged over the layers (exact for dense models; the search re-checks its answers with
 * {@code TrainingMemory}). The first and the last pipeline stage are the candidates for the most-loaded one.
 *
 * <p>A hybrid stack (issue 22) is not averaged: its layers fall into nine kinds (attention, sequence mixer or no
 * token mixer, with a dense, a sparse or no feed-forward block: Nemotron-H's layers hold one block each), each
 * kind's parameters and activations are computed once per shape,
 * and every stage is summed from its counts of each kind ({@link PipelineLayout#balanced}, tabulated per
 * {@code (p, v)} at construction), since with uneven layers a middle stage can be the most loaded. For dense
 * feed-forward blocks and no expert parallelism this equals {@code TrainingMemory} exactly.
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
  /** Bytes per parameter of ZeRO-3's gathered weights (TrainingMemory.gatheredWeightBytes). */
  private final double gatherBytes;
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
  /**
   * Whether the stack's layers differ in their blocks: attention and sequence-mixer layers (or only mixers), or
   * layers without a token mixer or without a feed-forward block.
   */
  private final boolean hybrid;
  /**
   * Per layer kind (token mixer x 3 + feed-forward; mixer 0 attention, 1 sequence mixer, 2 none; feed-forward 0
   * dense, 1 sparse, 2 none): dense parameters per layer, split over t and kept whole.
   */
  private final double[] kindSplitParameters = new double[KINDS];
  private final double[] kindWholeParameters = new double[KINDS];
  private final double[] kindExpertParameters = new double[KINDS];
  /** A representative layer of each kind, -1 when the stack has none. */
  private final int[] kindLayer = new int[KINDS];
  /** Per {@code [p][v]}: layers of each kind on each stage, {@code [stage * KINDS + kind]}; hybrid stacks only. */
  private final int[][][] stageKinds;

  static final int KINDS = 9;

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
    gatherBytes =
        precision.computeFormat() == dev.persistence.core.precision.NumericFormat.FP8
            ? 1
            : Math.min(2, precision.weightBytes());
    fixedAllowance = allowance.fixedBytes();
    fragmentation = allowance.fragmentationFraction();
    capacity = capacityBytes;
    long h = architecture.hiddenSize();
    double attention = architecture.attention().parameters(h);
    if (architecture.keyValueLayers() < architecture.attentionLayers()) {
      // Cross-layer attention: the attention layers' mean, some without key and value projections.
      attention -=
          (double) (architecture.attentionLayers() - architecture.keyValueLayers()) / architecture.attentionLayers()
              * ((dev.persistence.core.architecture.GroupedQueryAttention) architecture.attention())
                  .keyValueProjectionParameters(h);
    }
    double norms = architecture.normsPerLayer() * architecture.normKind().parameters(h);
    double denseBlockParameters = architecture.denseFeedForward().map((DenseFeedForward block) -> (double) block.parameters(h))
        .orElse(0.0);
    double denseBlock = denseBlockParameters;
    MixtureOfExperts moe =
        architecture.feedForward() instanceof MixtureOfExperts
            ? (MixtureOfExperts) architecture.feedForward()
            : null;
    int sparse = architecture.sparseLayers();
    int dense = architecture.feedForwardLayers() - sparse;
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

    hybrid =
        architecture.sequenceMixerLayers() > 0
            || !architecture.feedForwardOnlyLayerIndices().isEmpty()
            || !architecture.noFeedForwardLayerIndices().isEmpty();
    double mixer = architecture.sequenceMixer().map(m -> (double) m.parameters(h)).orElse(0.0);
    java.util.Arrays.fill(kindLayer, -1);
    for (int kind = 0; kind < KINDS; kind++) {
      int mixing = kind / 3;
      int feedForward = kind % 3;
      boolean isSparse = feedForward == 1;
      kindSplitParameters[kind] =
          (mixing == 0 ? attention : mixing == 1 ? mixer : 0)
              + (isSparse ? (moe == null ? 0 : moe.sharedExpertParameters(h)) : feedForward == 0 ? denseBlock : 0);
      kindWholeParameters[kind] = norms + (isSparse && moe != null ? moe.routerParameters(h) : 0);
      kindExpertParameters[kind] =
          isSparse && moe != null ? (double) moe.numExperts() * moe.routedExpertParameters(h) : 0;
    }
    for (int layer = layers - 1; layer >= 0; layer--) {
      kindLayer[kindOf(layer)] = layer;
    }
    if (hybrid) {
      int maxChunks = layers + 2;
      stageKinds = new int[maxChunks + 1][][];
      for (int p = 1; p <= maxChunks; p++) {
        stageKinds[p] = new int[maxChunks / p + 1][];
        for (int v = 1; v <= maxChunks / p; v++) {
          if (PipelineLayout.balancedSplitExists(layers, p, v)) {
            PipelineLayout layout = PipelineLayout.balanced(layers, p, v);
            int[] counts = new int[p * KINDS];
            for (int layer = 0; layer < layers; layer++) {
              counts[layout.stageOf(layer) * KINDS + kindOf(layer)]++;
            }
            stageKinds[p][v] = counts;
          }
        }
      }
    } else {
      stageKinds = null;
    }
  }

  private int kindOf(int layer) {
    int mixing = architecture.isSequenceMixerLayer(layer) ? 1 : architecture.isAttentionLayer(layer) ? 0 : 2;
    int feedForward = !architecture.hasFeedForward(layer) ? 2 : architecture.isSparseLayer(layer) ? 1 : 0;
    return 3 * mixing + feedForward;
  }

  /** Whether the search must pass per-kind activations ({@link #kindActivationBytes}) to {@link #fits}. */
  boolean hybrid() {
    return hybrid;
  }

  /**
   * Activation bytes of one layer of each kind for one micro-batch ({@link ActivationMemory#layerBytes} of a
   * representative layer; 0 for a kind the stack has not), into {@code out[0..KINDS)}, for the outer loops of
   * the search (allocates a plan).
   */
  void kindActivationBytes(
      int t,
      int c,
      int microBatch,
      int sequenceLength,
      boolean sequenceParallel,
      ActivationRecomputation recompute,
      boolean fusedAttention,
      double[] out) {
    kindActivationBytes(t, c, microBatch, sequenceLength, sequenceParallel, recompute, Set.of(),
        fusedAttention, out);
  }

  /** {@link #kindActivationBytes} with a plan's {@code recomputedModules}. */
  void kindActivationBytes(
      int t,
      int c,
      int microBatch,
      int sequenceLength,
      boolean sequenceParallel,
      ActivationRecomputation recompute,
      Set<RecomputedModule> modules,
      boolean fusedAttention,
      double[] out) {
    ParallelismPlan plan =
        plan(t, c, microBatch, sequenceLength, sequenceParallel, recompute, modules, fusedAttention);
    for (int kind = 0; kind < KINDS; kind++) {
      out[kind] =
          kindLayer[kind] < 0 ? 0 : ActivationMemory.layerBytes(architecture, kindLayer[kind], plan, linearInputBytes);
    }
  }

  private static ParallelismPlan plan(
      int t,
      int c,
      int microBatch,
      int sequenceLength,
      boolean sequenceParallel,
      ActivationRecomputation recompute,
      Set<RecomputedModule> modules,
      boolean fusedAttention) {
    return ParallelismPlan.builder()
        .recomputedModules(modules)
        .tensorParallel(t)
        .contextParallel(c)
        .microBatchSize(microBatch)
        .globalBatchSize(microBatch)
        .sequenceLength(sequenceLength)
        .sequenceParallel(sequenceParallel)
        .recomputation(recompute)
        .fusedAttention(fusedAttention)
        .build();
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
    return meanLayerActivationBytes(t, c, microBatch, sequenceLength, sequenceParallel, recompute,
        Set.of(), fusedAttention);
  }

  /** {@link #meanLayerActivationBytes} with a plan's {@code recomputedModules}. */
  double meanLayerActivationBytes(
      int t,
      int c,
      int microBatch,
      int sequenceLength,
      boolean sequenceParallel,
      ActivationRecomputation recompute,
      Set<RecomputedModule> modules,
      boolean fusedAttention) {
    ParallelismPlan plan =
        plan(t, c, microBatch, sequenceLength, sequenceParallel, recompute, modules, fusedAttention);
    if (architecture.sparseLayers() == 0 && !hybrid) {
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
    return fits(t, p, v, d, c, e, microBatch, microBatches, sequenceLength, layerActivationBytes, zeroStage,
        optimizerOffload, activationOffload, false);
  }

  /**
   * {@link #fits}, under DualPipe when {@code dualPipe} ({@code v = 1}, even {@code p}): the first and the last
   * rank each hold the first and the last stage's parameters (DeepSeek-V3 Table 2: "Parameter 2x") and
   * {@code p + 1} micro-batches of their own stage's activations. Allocates nothing.
   */
  boolean fits(
      int t, int p, int v, int d, int c, int e, int microBatch, int microBatches, int sequenceLength,
      double layerActivationBytes, int zeroStage, boolean optimizerOffload, boolean activationOffload,
      boolean dualPipe) {
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
    int inFlight0 = Math.min(dualPipe ? p + 1 : p, microBatches);
    double denseMirror = 0;
    double expertsMirror = 0;
    if (dualPipe) {
      // Rank 0 also holds the last stage (the other direction's), and the last rank the first.
      denseMirror = lastLayers * (splitLayerParameters / t + wholeLayerParameters) + head / t + finalNorm
          + (tied ? tokenEmbedding / t : 0);
      expertsMirror = lastLayers * expertLayerParameters / expertSplit;
    }
    double activations0 =
        activationOffload
            ? layerActivationBytes
            : firstLayers * layerActivationBytes * inFlight0 * interleave + sb * hidden * inFlight0 / t
                + (p == 1 ? 4 * sb * hidden / t * (1 + vocab / hidden) : 0);
    // ZeRO-3's working set of gathered weights: twice the stage's largest unit (TrainingMemory).
    double denseGathered = denseShards > 1 ? 1 : 0;
    double expertGathered = expertShards > 1 ? 1 : 0;
    double layerUnit =
        denseGathered * (splitLayerParameters / t + wholeLayerParameters)
            + expertGathered * expertLayerParameters / expertSplit;
    double headUnit = head / t + finalNorm;
    double largest0 =
        Math.max(
            firstLayers > 0 ? layerUnit : 0,
            denseGathered * (tokenEmbedding / t + positions));
    if (p == 1) {
      largest0 = Math.max(largest0, denseGathered * headUnit);
    }
    double total =
        total(dense0 + denseMirror, experts0 + expertsMirror, activations0, zeroStage, optimizerOffload, denseShards,
            expertShards, largest0);
    if (total > capacity) {
      return false;
    }
    if (p == 1) {
      return true;
    }
    double denseLast = lastLayers * (splitLayerParameters / t + wholeLayerParameters) + head / t + finalNorm
        + (tied ? tokenEmbedding / t : 0);
    double expertsLast = lastLayers * expertLayerParameters / expertSplit;
    int inFlightLast = Math.min(dualPipe ? p + 1 : 1, microBatches);
    if (dualPipe) {
      denseLast += dense0;
      expertsLast += experts0;
    }
    double activationsLast =
        activationOffload
            ? layerActivationBytes
            : lastLayers * layerActivationBytes * inFlightLast * interleave
                + 4 * sb * hidden / t * (1 + vocab / hidden);
    double largestLast =
        Math.max(
            lastLayers > 0 ? layerUnit : 0,
            denseGathered * (headUnit + (tied ? tokenEmbedding / t : 0)));
    return total(denseLast, expertsLast, activationsLast, zeroStage, optimizerOffload, denseShards, expertShards,
            largestLast)
        <= capacity;
  }

  /**
   * {@link #fits} for a hybrid stack: every stage summed from its counts of each layer kind, with the activations
   * of one layer of each kind in {@code kindActivationBytes} ({@link #kindActivationBytes}); under DualPipe when
   * {@code dualPipe} ({@code v = 1}, even {@code p}), rank {@code i} also holds stage {@code p - 1 - i}'s
   * parameters and {@code p + 1} micro-batches of its own stage's activations, as {@code TrainingMemory} counts
   * them. Allocates nothing.
   */
  boolean fitsHybrid(
      int t, int p, int v, int d, int c, int e, int microBatch, int microBatches, int sequenceLength,
      double[] kindActivationBytes, int zeroStage, boolean optimizerOffload, boolean activationOffload,
      boolean dualPipe) {
    return peakBytesHybrid(t, p, v, d, c, e, microBatch, microBatches, sequenceLength, kindActivationBytes,
            zeroStage, optimizerOffload, activationOffload, dualPipe)
        <= capacity;
  }

  /** The largest stage total of {@link #fitsHybrid}, allowance included. */
  double peakBytesHybrid(
      int t, int p, int v, int d, int c, int e, int microBatch, int microBatches, int sequenceLength,
      double[] kindActivationBytes, int zeroStage, boolean optimizerOffload, boolean activationOffload,
      boolean dualPipe) {
    int[] counts = stageKinds[p][v];
    double sb = (double) sequenceLength / c * microBatch;
    double interleave = v == 1 ? 1 : 1 + (p - 1.0) / ((double) p * v);
    double denseShards = (double) d * c;
    double expertShards = denseShards / e;
    double expertSplit = (double) e * t;
    double largestLayer = 0;
    for (int kind = 0; kind < KINDS; kind++) {
      largestLayer = Math.max(largestLayer, kindActivationBytes[kind]);
    }
    double peak = 0;
    for (int stage = 0; stage < p; stage++) {
      double dense = stageDenseParameters(counts, stage, p, t);
      double experts = stageExpertParameters(counts, stage, expertSplit);
      if (dualPipe) {
        dense += stageDenseParameters(counts, p - 1 - stage, p, t);
        experts += stageExpertParameters(counts, p - 1 - stage, expertSplit);
      }
      double layerActivations = 0;
      double largestUnit = 0;
      for (int kind = 0; kind < KINDS; kind++) {
        int n = counts[stage * KINDS + kind];
        layerActivations += n * kindActivationBytes[kind];
        if (n > 0) {
          largestUnit =
              Math.max(
                  largestUnit,
                  (denseShards > 1 ? kindSplitParameters[kind] / t + kindWholeParameters[kind] : 0)
                      + (expertShards > 1 ? kindExpertParameters[kind] / expertSplit : 0));
        }
      }
      double activations;
      int inFlight = Math.min(dualPipe ? p + 1 : p - stage, microBatches);
      if (activationOffload) {
        activations = largestLayer;
      } else {
        activations = layerActivations * inFlight * interleave;
      }
      if (stage == 0) {
        largestUnit = Math.max(largestUnit, denseShards > 1 ? tokenEmbedding / t + positions : 0);
        if (!activationOffload) {
          activations += sb * hidden * Math.min(dualPipe ? p + 1 : p, microBatches) / t;
        }
      }
      if (stage == p - 1) {
        largestUnit =
            Math.max(
                largestUnit, denseShards > 1 ? head / t + finalNorm + (tied && p > 1 ? tokenEmbedding / t : 0) : 0);
        if (!activationOffload) {
          activations += 4 * sb * hidden / t * (1 + vocab / hidden);
        }
      }
      peak =
          Math.max(
              peak,
              total(dense, experts, activations, zeroStage, optimizerOffload, denseShards, expertShards,
                  largestUnit));
    }
    return peak;
  }

  /** Dense parameters of one stage on one tensor-parallel rank: its layers, and the embedding or the head. */
  private double stageDenseParameters(int[] counts, int stage, int p, int t) {
    double dense = 0;
    for (int kind = 0; kind < KINDS; kind++) {
      dense += counts[stage * KINDS + kind] * (kindSplitParameters[kind] / t + kindWholeParameters[kind]);
    }
    if (stage == 0) {
      dense += tokenEmbedding / t + positions;
    }
    if (stage == p - 1) {
      dense += head / t + finalNorm + (tied && p > 1 ? tokenEmbedding / t : 0);
    }
    return dense;
  }

  /** Routed-expert parameters of one stage on one expert- and tensor-parallel rank. */
  private double stageExpertParameters(int[] counts, int stage, double expertSplit) {
    double experts = 0;
    for (int kind = 0; kind < KINDS; kind++) {
      experts += counts[stage * KINDS + kind] * kindExpertParameters[kind] / expertSplit;
    }
    return experts;
  }

  private double total(
      double dense, double experts, double activations, int zeroStage, boolean optimizerOffload,
      double denseShards, double expertShards, double largestGatheredUnit) {
    double sharded = dense / denseShards + experts / expertShards;
    double whole = dense + experts;
    double weights =
        zeroStage >= 3 ? weightBytes * sharded + 2 * gatherBytes * largestGatheredUnit : weightBytes * whole;
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
