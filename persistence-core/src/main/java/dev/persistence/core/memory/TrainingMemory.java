package dev.persistence.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.ExactCounts;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineLayout;
import dev.persistence.core.parallelism.PipelineSchedule;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;

/**
 * Memory per accelerator while training, for the most-loaded rank: model state (weights, gradients, master
 * weights, optimizer states), activations ({@link ActivationMemory}) and an explicit allowance
 * ({@link MemoryAllowance}).
 *
 * <p>Model state: parameters are the exact counts of {@link Architecture#parameters()}, placed per pipeline
 * stage (layers as the plan's {@link PipelineLayout}; the token and position embeddings on the first stage; the
 * final norm and output head on the last, which also holds a copy of a tied embedding when {@code p > 1}, as
 * Megatron-LM does). Tensor parallelism splits the attention, dense and shared-expert blocks, the embedding and
 * the head ({@code 1/t}); norms, routers and learned position embeddings stay whole on each rank. Routed experts
 * are split over {@code expertParallel x t} ranks. ZeRO (Rajbhandari et al. 2020, section 5) then divides master
 * weights and optimizer states (stage 1 and up), gradients (2 and up) and weights (3) by the data-sharding degree:
 * {@code data x context} for dense state and {@code data x context / expert} for expert state. ZeRO-3 also holds
 * the whole weights of the unit it computes and of the one it prefetches ({@link #gatheredWeightBytes}), counted
 * in the weights. Optimizer offload (ZeRO-Offload, Ren et al. 2021, arXiv:2101.06840) moves master weights and
 * optimizer states to the host; parameter offload (ZeRO-Infinity, Rajbhandari et al. 2021, arXiv:2104.07857
 * section 5) moves the ZeRO-3 weight shards there too, leaving only the gathered working set on the accelerator.
 * The gradient shard stays counted on the accelerator (DeepSpeed reduces into accelerator buckets before copying
 * the partition out), so offload only ever removes bytes.
 *
 * <p>Activation offload keeps one layer's activations of one micro-batch on the accelerator (the working set),
 * an assumption of this project.
 *
 * <p>The most-loaded rank is the pipeline stage with the largest total; each component is rounded up to a whole
 * byte.
 */
public final class TrainingMemory {

  /**
   * The largest per-accelerator byte count before the allowance: 2^62, so that adding an allowance below the
   * accounted bytes plus a fixed part still fits a long (no published source: a range limit of the arithmetic).
   */
  private static final double MAX_ACCOUNTED_BYTES = 0x1p62;

  private TrainingMemory() {}

  /**
   * Estimates training memory on the most-loaded accelerator with the default allowance
   * ({@link MemoryAllowance#PYTORCH_CUDA_TRAINING}).
   *
   * @param architecture the model
   * @param plan the parallelism plan
   * @param precision bytes per parameter of each state
   * @param accelerator the accelerator (its memory is the capacity)
   * @throws IllegalArgumentException if the plan does not fit the model ({@link ParallelismPlan#validateFor})
   */
  public static TrainingMemoryBreakdown estimate(
      Architecture architecture, ParallelismPlan plan, TrainingPrecision precision, Accelerator accelerator) {
    return estimate(architecture, plan, precision, accelerator.memoryBytes(), MemoryAllowance.PYTORCH_CUDA_TRAINING);
  }

  /**
   * Estimates training memory on the most-loaded accelerator.
   *
   * @param architecture the model
   * @param plan the parallelism plan; checked against the model with its own accelerator count
   * @param precision bytes per parameter of each state
   * @param capacityBytes memory of one accelerator, in bytes
   * @param allowance workspace and fragmentation allowance
   * @throws IllegalArgumentException if the plan does not fit the model, {@code capacityBytes} is not positive, or
   *     one stage would hold 2^62 bytes or more (a micro-batch or sequence length beyond any real accelerator)
   */
  public static TrainingMemoryBreakdown estimate(
      Architecture architecture,
      ParallelismPlan plan,
      TrainingPrecision precision,
      long capacityBytes,
      MemoryAllowance allowance) {
    plan.validateFor(architecture, plan.acceleratorCount());
    Checks.positive("capacityBytes", capacityBytes);
    int stages = plan.pipelineParallel();
    double[] denseParameters = new double[stages];
    double[] expertParameters = new double[stages];
    placeParameters(architecture, plan, denseParameters, expertParameters);
    if (plan.pipelineSchedule() == PipelineSchedule.DUAL_PIPE) {
      // DualPipe keeps two copies of the parameters (DeepSeek-V3, arXiv:2412.19437 section 3.2.1 and Table 2:
      // "Parameter 2x"): rank i runs stage i of one direction and stage p - 1 - i of the other.
      double[] dense = denseParameters.clone();
      double[] expert = expertParameters.clone();
      for (int stage = 0; stage < stages; stage++) {
        denseParameters[stage] = dense[stage] + dense[stages - 1 - stage];
        expertParameters[stage] = expert[stage] + expert[stages - 1 - stage];
      }
    }

    TrainingMemoryBreakdown best = null;
    for (int stage = 0; stage < stages; stage++) {
      TrainingMemoryBreakdown candidate =
          stageBreakdown(
              architecture,
              plan,
              precision,
              capacityBytes,
              allowance,
              stage,
              denseParameters[stage],
              expertParameters[stage]);
      if (best == null || candidate.totalBytes() > best.totalBytes()) {
        best = candidate;
      }
    }
    return best;
  }

  private static TrainingMemoryBreakdown stageBreakdown(
      Architecture architecture,
      ParallelismPlan plan,
      TrainingPrecision precision,
      long capacityBytes,
      MemoryAllowance allowance,
      int stage,
      double dense,
      double experts) {
    ZeroStage zero = plan.zeroStage();
    double denseShards = plan.dataShardingDegree();
    double expertShards = plan.expertDataShardingDegree();

    // Offloaded parameters come to the accelerator only as the gathered working set, even on a single rank.
    boolean offloaded = plan.parameterOffload();
    long shardedWeights =
        offloaded
            ? 0
            : bytes(precision.weightBytes(), dense, experts, zero.shardsWeights(), denseShards, expertShards);
    long gathered =
        zero.shardsWeights() && (offloaded || denseShards > 1 || expertShards > 1)
            ? gatheredWeightBytes(
                architecture, plan, precision, stage, offloaded || denseShards > 1, offloaded || expertShards > 1)
            : 0;
    if (offloaded) {
      // Two units can never be more than the stage's whole weights (a stage of one or two units).
      gathered = Math.min(gathered, bytes(precision.weightBytes(), dense, experts, false, 1, 1));
    }
    long gatheredBytes = gathered;
    long weights =
        ExactCounts.of(
            "weights of pipeline stage " + stage,
            ExactCounts.inputs("shardedWeightBytes", shardedWeights, "gatheredWeightBytes", gatheredBytes),
            () -> ExactCounts.plus(shardedWeights, gatheredBytes));
    long gradients =
        bytes(precision.gradientBytes(), dense, experts, zero.shardsGradients(), denseShards, expertShards);
    long master = 0;
    long optimizer = 0;
    if (!plan.optimizerOffload()) {
      boolean sharded = zero.shardsOptimizerStates();
      master = bytes(precision.masterWeightBytes(), dense, experts, sharded, denseShards, expertShards);
      optimizer = bytes(precision.optimizerStateBytes(), dense, experts, sharded, denseShards, expertShards);
    }

    double activations;
    if (plan.activationOffload()) {
      activations = 0;
      for (int layer = 0; layer < architecture.numLayers(); layer++) {
        activations = Math.max(activations, ActivationMemory.layerBytes(architecture, layer, plan));
      }
    } else {
      activations =
          ActivationMemory.stageLayerBytes(architecture, plan, stage, precision.linearInputActivationBytes())
              + ActivationMemory.stageEmbeddingAndOutputBytes(architecture, plan, stage);
    }
    // Bounded so that the long sums below, with the allowance on top, cannot overflow into a negative total.
    double accountedEstimate = (double) weights + gradients + master + optimizer + activations;
    checkArgument(
        accountedEstimate < MAX_ACCOUNTED_BYTES,
        "memory of pipeline stage %s (%s bytes) must be < 2^62 bytes (microBatchSize %s, sequenceLength %s)",
        stage,
        accountedEstimate,
        plan.microBatchSize(),
        plan.sequenceLength());
    long activationBytes = (long) Math.ceil(activations);
    long accounted = weights + gradients + master + optimizer + activationBytes;
    long allowanceBytes = allowance.bytesFor(accounted);
    long totalBytes =
        ExactCounts.of(
            "training memory of pipeline stage " + stage,
            ExactCounts.inputs("accountedBytes", accounted, "allowance.fixedBytes", allowance.fixedBytes()),
            () -> ExactCounts.plus(accounted, allowanceBytes));
    return new TrainingMemoryBreakdown(
        weights,
        gradients,
        master,
        optimizer,
        activationBytes,
        allowanceBytes,
        totalBytes,
        capacityBytes,
        stage);
  }

  /**
   * Bytes of the whole (gathered) weights ZeRO-3 / FSDP holds besides its shards: the unit being computed and the
   * one prefetched behind it. PyTorch FSDP (Zhao et al. 2023, arXiv:2304.11277, section 3.3; the FSDP docs'
   * {@code limit_all_gathers}, and FSDP2's {@code fully_shard} prefetch of one module ahead) holds at most two
   * units' unsharded parameters at once; a unit is one transformer layer, the token embedding (first stage) or the
   * final norm and output head (last stage), each as this rank holds it after tensor and expert parallelism. The
   * working set is counted as twice the stage's largest unit (a bound on any two of them), in the compute dtype
   * (bf16, or FP8 for FP8 recipes: Megatron-Core {@code --fp8-param-gather}, torchao's float8 all-gather), never
   * wider than the stored weight. Only sharded state is gathered: {@code denseSharded} and {@code expertsSharded}
   * say whether the dense and the routed-expert weights are split over more than one rank.
   */
  static long gatheredWeightBytes(
      Architecture architecture,
      ParallelismPlan plan,
      TrainingPrecision precision,
      int stage,
      boolean denseSharded,
      boolean expertsSharded) {
    long hidden = architecture.hiddenSize();
    double t = plan.tensorParallel();
    RankLayers layers = new RankLayers(architecture, plan);
    var parameters = architecture.parameters();
    PipelineLayout layout = plan.pipelineLayout(architecture.numLayers());
    double dense = denseSharded ? 1 : 0;
    double expert = expertsSharded ? 1 : 0;
    double largest = 0;
    if (stage == 0) {
      largest =
          dense
              * (parameters.get(dev.persistence.core.architecture.ParameterComponent.TOKEN_EMBEDDING) / t
                  + parameters.get(dev.persistence.core.architecture.ParameterComponent.POSITION_EMBEDDING));
    }
    for (int layer = 0; layer < architecture.numLayers(); layer++) {
      if (layout.stageOf(layer) != stage) {
        continue;
      }
      largest = Math.max(largest, dense * layers.dense(layer) + expert * layers.experts(layer));
    }
    if (stage == plan.pipelineParallel() - 1) {
      double head =
          parameters.get(dev.persistence.core.architecture.ParameterComponent.OUTPUT_HEAD) / t
              + (architecture.finalNorm() ? architecture.normKind().parameters(hidden) : 0);
      if (architecture.tiedEmbeddings() && stage > 0) {
        head += parameters.get(dev.persistence.core.architecture.ParameterComponent.TOKEN_EMBEDDING) / t;
      }
      largest = Math.max(largest, dense * head);
    }
    double bytesPerParameter =
        precision.computeFormat() == dev.persistence.core.precision.NumericFormat.FP8
            ? 1
            : Math.min(2, precision.weightBytes());
    return (long) Math.ceil(2 * bytesPerParameter * largest);
  }

  private static long bytes(
      double bytesPerParameter,
      double dense,
      double experts,
      boolean sharded,
      double denseShards,
      double expertShards) {
    double parameters = sharded ? dense / denseShards + experts / expertShards : dense + experts;
    return (long) Math.ceil(bytesPerParameter * parameters);
  }

  /**
   * Parameters each pipeline stage holds on one tensor/expert-parallel rank, before ZeRO: dense (non-expert) and
   * routed-expert parameters separately.
   */
  static void placeParameters(
      Architecture architecture, ParallelismPlan plan, double[] dense, double[] experts) {
    long hidden = architecture.hiddenSize();
    double t = plan.tensorParallel();
    RankLayers layers = new RankLayers(architecture, plan);
    PipelineLayout layout = plan.pipelineLayout(architecture.numLayers());
    for (int layer = 0; layer < architecture.numLayers(); layer++) {
      int stage = layout.stageOf(layer);
      dense[stage] += layers.dense(layer);
      experts[stage] += layers.experts(layer);
    }
    var parameters = architecture.parameters();
    long tokenEmbedding = parameters.get(dev.persistence.core.architecture.ParameterComponent.TOKEN_EMBEDDING);
    long positions = parameters.get(dev.persistence.core.architecture.ParameterComponent.POSITION_EMBEDDING);
    long head = parameters.get(dev.persistence.core.architecture.ParameterComponent.OUTPUT_HEAD);
    int last = plan.pipelineParallel() - 1;
    dense[0] += tokenEmbedding / t + positions;
    dense[last] += head / t;
    if (architecture.finalNorm()) {
      dense[last] += architecture.normKind().parameters(hidden);
    }
    if (architecture.tiedEmbeddings() && last > 0) {
      dense[last] += tokenEmbedding / t;
    }
  }

  /**
   * One layer's parameters on one tensor/expert-parallel rank, dense (attention or a hybrid stack's mixer, norms,
   * the dense block or a sparse layer's shared experts and router) and routed-expert, as both the stage placement
   * and the FSDP working set count them.
   */
  private static final class RankLayers {
    private final Architecture architecture;
    private final long hidden;
    private final double t;
    private final double expertSplit;
    private final double attention;
    private final double reusingAttention;
    private final double layerNorms;
    private final double denseBlock;
    private final double mixer;
    private final MixtureOfExperts moe;

    RankLayers(Architecture architecture, ParallelismPlan plan) {
      this.architecture = architecture;
      this.hidden = architecture.hiddenSize();
      this.t = plan.tensorParallel();
      this.expertSplit = (double) plan.expertParallel() * plan.expertTensorParallel();
      this.attention = architecture.attention().parameters(hidden) / t;
      // Cross-layer attention: a layer that reuses another's keys and values has no key and value projections.
      this.reusingAttention =
          architecture.crossLayerKeyValueShare() > 1
              ? attention
                  - ((dev.persistence.core.architecture.GroupedQueryAttention) architecture.attention())
                          .keyValueProjectionParameters(hidden)
                      / t
              : attention;
      this.layerNorms = architecture.normsPerLayer() * architecture.normKind().parameters(hidden);
      this.denseBlock =
          architecture.denseFeedForward().map(block -> block.parameters(hidden) / t).orElse(0.0);
      // A hybrid stack's mixer layers (issue 19) hold the mixer's parameters in place of attention's.
      this.mixer = architecture.sequenceMixer().map(m -> m.parameters(hidden) / t).orElse(0.0);
      this.moe =
          architecture.feedForward() instanceof MixtureOfExperts
              ? (MixtureOfExperts) architecture.feedForward()
              : null;
    }

    double dense(int layer) {
      // A layer holds attention, the mixer or (Nemotron-H's MLP layers) neither, and a feed-forward block or not.
      double mixing =
          (architecture.isSequenceMixerLayer(layer)
                  ? mixer
                  : architecture.isAttentionLayer(layer)
                      ? (architecture.computesKeyValues(layer) ? attention : reusingAttention)
                      : 0)
              + layerNorms;
      if (!architecture.hasFeedForward(layer)) {
        return mixing;
      }
      if (architecture.isSparseLayer(layer)) {
        return mixing + moe.sharedExpertParameters(hidden) / t + moe.routerParameters(hidden);
      }
      return mixing + denseBlock;
    }

    double experts(int layer) {
      return architecture.isSparseLayer(layer)
          ? (double) moe.numExperts() * moe.routedExpertParameters(hidden) / expertSplit
          : 0;
    }
  }
}
