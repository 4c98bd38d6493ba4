package dev.persistence.costing.steptime;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.Attention;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.MultiHeadLatentAttention;
import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.flops.FlopEstimate;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.memory.ActivationMemory;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.memory.TrainingMemory;
import dev.persistence.core.memory.TrainingMemoryBreakdown;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ExpertRouting;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineSchedule;
import dev.persistence.core.parallelism.RecomputedModule;
import dev.persistence.core.parallelism.TokenDispatcher;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.parallelism.PipelineLayout;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.CalibrationParameter;
import java.util.Arrays;
import java.util.Optional;

/**
 * Predicts the time of one training step of a model on a cluster under a parallelism plan, with its breakdown,
 * throughput, FLOP utilization and memory.
 *
 * <p>The model, per pipeline stage and micro-batch, on one accelerator:
 *
 * <ul>
 *   <li>GEMMs at {@code densePeak x efficiency(I)}, where {@code I = MKN / (MK + KN + MN)} is the GEMM's
 *       arithmetic intensity and {@code efficiency(I) = gemmPeakEfficiency x I / (I + gemmHalfEfficiencyIntensity)}
 *       (a saturating roofline: small and skinny GEMMs run far below peak). The layer's GEMMs are QKV and output
 *       projections, the MLP (or the routed and shared experts, each with its share of the tokens), the
 *       attention core's two batched GEMMs (or one fused kernel) and the output layer; the backward pass runs
 *       two GEMMs of the same shape per forward GEMM (Narayanan et al. 2021 section 3.5: backward = 2 x forward).
 *   <li>Memory-bound operations at {@code memoryBandwidth x memoryBandwidthEfficiency}, bytes per layer and
 *       micro-batch counted from Megatron-LM's kernels (16-bit activations): each norm reads and writes its
 *       {@code sbh} input ({@code 4sbh}); the two fused bias-dropout-residual adds read two inputs, write one and
 *       a 1-byte mask ({@code 7sbh} each); the activation function reads and writes its {@code 4h/t}-wide input
 *       ({@code 4 s b I/t} bytes, {@code 6 s b I/t} gated); the unfused softmax and attention dropout read and
 *       write the {@code a s^2 b/t} scores ({@code 4} and {@code 5} bytes per score). Sequence parallelism
 *       divides the first two by {@code t} (Korthikanti et al. 2022 section 4.2.2). The backward pass moves
 *       {@code backwardMemoryTrafficRatio} times the forward bytes. An activation run as separate eager kernels
 *       ({@link ActivationKernel}, set by {@link #withActivationKernel}: NeMo's squared ReLU) streams its own
 *       bytes instead, 8 per element forward and 20 backward.
 *   <li>Tensor parallelism: two all-reduces of {@code 2sbh} bytes per layer forward (reduce-scatter plus
 *       all-gather with sequence parallelism, the same bus traffic) and as many backward, of which
 *       {@code backwardTensorParallelOverlap} is hidden (and {@code forwardTensorParallelOverlap} of the forward
 *       ones) when the plan's {@link TensorParallelCommunication} is {@code OVERLAPPED}; under
 *       {@code FORWARD_EXPOSED} none of the forward ones is hidden and the backward ones as before (the default
 *       path, too, runs them beside the other gradient GEMM of their layer); sequence parallelism adds the backward all-gathers of the inputs of the weight-gradient
 *       GEMMs (1.5 x the forward traffic).
 *   <li>Pipeline parallelism: the 1F1B schedule with {@code m} micro-batches and {@code v} virtual stages takes
 *       {@code m x t_slowest + (p - 1)/v x t_mean} (Narayanan et al. 2021 section 2.2: bubble fraction
 *       {@code (p - 1)/(v m)}), where a stage's time per micro-batch includes its layers (the most-loaded stage
 *       when {@code p x v} does not divide the layers), the embedding on the first stage and the output layer and
 *       loss on the last, and the point-to-point transfers of {@code 2sbh/t} bytes (Megatron-LM's scatter/gather
 *       optimization) per virtual stage and direction.
 *   <li>Data parallelism: an all-reduce of the gradients (reduce-scatter plus parameter all-gather under ZeRO),
 *       hidden behind up to {@code dataParallelOverlap} of the last micro-batch's backward pass; ZeRO-3 gathers
 *       the stage's weights before each micro-batch's forward and backward passes, each hidden behind its own
 *       pass; ZeRO-2 and 3, which keep only a gradient shard, reduce-scatter the gradients after every
 *       micro-batch's backward pass.
 *   <li>Expert parallelism: an all-to-all dispatch and combine of the routed tokens per sparse layer and pass,
 *       hidden behind up to {@code expertParallelOverlap} of that pass's compute; the routed experts' grouped
 *       GEMMs at {@code groupedGemmEfficiency} of a dense GEMM's rate, plus {@code expertOverheadSeconds} per local
 *       expert. Under {@link TokenDispatcher#DEEP_EP} a token travels once per node and once per rank that holds
 *       one of its experts, not once per expert ({@link #deepEpSeconds}); context parallelism: a ring exchange of keys and values, {@code cp - 1} steps, hidden behind the
 *       attention core when it is shorter.
 *   <li>Every collective has a bandwidth term and a latency term, ring or tree ({@link Collectives}), on the tier
 *       its group crosses: the scale-up fabric when every group's ranks lie in one scale-up domain (ranks are
 *       ordered tensor, context, data, pipeline as in Megatron-LM, so only a span that divides the domain does),
 *       the scale-out network otherwise.
 *   <li>Recomputation: full recomputation repeats each layer's forward pass (its communication too); selective
 *       recomputation repeats the attention core.
 *   <li>FP8 recipes run the GEMMs at {@code fp8GemmEfficiency} of the FP8 peak, but the attention core and the
 *       output layer in bf16 (Transformer Engine's fp8_dpa off; Megatron-Core's and TorchTitan's output layer
 *       outside FP8).
 *   <li>A board power limit below the TDP ({@code Cluster#powerLimitWatts}, else the accelerator's) scales the GEMM and
 *       fused-attention peaks by {@code (limit / TDP)^powerLimitClockExponent}.
 *   <li>The optimizer step streams {@code optimizerStepBytesPerParameter} bytes per local parameter at memory
 *       bandwidth. With optimizer offload (ZeRO-Offload, Ren et al. 2021, arXiv:2101.06840 section 4.1 and
 *       Figure 5) the gradient shard goes to the host over the host link behind the backward pass that produces
 *       it, the host CPU steps the local parameters at {@link #CPU_ADAM_PARAMETERS_PER_SECOND_PER_HOST} shared by
 *       the node's accelerators, and the updated 16-bit shard comes back over the link tile by tile behind that
 *       step (section 5.1's tiled CPU-Adam: the longer of the two is paid). With parameter offload (ZeRO-Infinity,
 *       Rajbhandari et al. 2021, arXiv:2104.07857 sections 5 and 6.2) the 16-bit shard stays on the host, so
 *       nothing comes back after the step; instead every ZeRO-3 gather first brings the shard over the link,
 *       prefetched behind the same pass's compute as the gather (the overlap-centric design).
 * </ul>
 *
 * <p>MFU counts the model FLOPs of {@link FlopAccounting} (recomputation excluded) over the dense peak of every
 * accelerator for the step time; HFU counts recomputation as well. Memory per accelerator is
 * {@link TrainingMemory#estimate}.
 *
 * <p>Instances precompute the architecture's constants once and are immutable and thread-safe; the package-private
 * primitive path allocates nothing and is reached through {@link PlanEvaluator}, for {@code PlanSearch}.
 */
public final class StepTimeModel {

  /**
   * Parameters a host's CPUs step per second with DeepSpeed's CPU-Adam: Ren et al. 2021 (ZeRO-Offload,
   * arXiv:2101.06840) Table 4 ("Adam latency (s) for PyTorch (PT) and CPU-Adam", section 6.2.4 A) measures 2.57 s
   * for a 10-billion-parameter CPU-Adam step (PT-CPU 14.76 s, PT-GPU 1.00 s; 0.22 s at 1B, 2.41 s at 8B) on the
   * DGX-2 host of its Table 2 (two Xeon Platinum 8168, 24 cores each), about 3.9e9 parameters per second. Checked
   * against the paper's table as reproduced in Elvin-Ma/ai_papers@75574b0e226209439ab08e0f41b16c74570bca16
   * zero/images/zero-offload-table4.jpg. The node's trainer processes share it (DeepSpeed binds each rank to its
   * share of the cores), so each accelerator gets {@code 1 / acceleratorsPerNode} of it. A newer host with more
   * cores is faster; this keeps the paper's measured rate (an assumption).
   */
  public static final double CPU_ADAM_PARAMETERS_PER_SECOND_PER_HOST = 10e9 / 2.57;

  // Indices into the layer-cost scratch array filled by layerCosts.
  static final int FORWARD_COMPUTE = 0;
  static final int BACKWARD_COMPUTE = 1;
  static final int FORWARD_TENSOR = 2;
  static final int BACKWARD_TENSOR = 3;
  static final int ATTENTION_CORE = 4;
  static final int FORWARD_CONTEXT = 5;
  static final int BACKWARD_CONTEXT = 6;
  static final int FORWARD_EXPERT = 7;
  static final int BACKWARD_EXPERT = 8;
  static final int HEAD_COMPUTE = 9;
  static final int HEAD_TENSOR = 10;
  static final int EMBEDDING_TENSOR = 11;
  static final int ACTIVATION_BYTES = 12;
  static final int STAGE_TRANSFER_BYTES = 13;
  static final int NORM_SECONDS = 14;
  static final int ACTIVATION_FUNCTION_SECONDS = 15;
  static final int EXPERT_GEMM_SECONDS = 16;
  /** Forward seconds of one sequence-mixer layer of a hybrid stack (projections, recurrence, feed-forward). */
  static final int MIXER_FORWARD_COMPUTE = 17;
  /** Backward seconds of one sequence-mixer layer. */
  static final int MIXER_BACKWARD_COMPUTE = 18;
  /**
   * Forward seconds of one feed-forward-only layer (Nemotron-H's MLP layers: a norm and the feed-forward block,
   * no token mixer).
   */
  static final int FEED_FORWARD_ONLY_FORWARD_COMPUTE = 19;
  /** Backward seconds of one feed-forward-only layer. */
  static final int FEED_FORWARD_ONLY_BACKWARD_COMPUTE = 20;
  /** Size of the scratch array {@link #layerCosts} fills. */
  static final int LAYER_COSTS_SIZE = 21;

  /** Number of recomputation kinds, indexed by {@link ActivationRecomputation#ordinal()}. */
  private static final ActivationRecomputation[] RECOMPUTATIONS = ActivationRecomputation.values();

  private final Architecture architecture;
  private final Cluster cluster;
  private final TrainingPrecision precision;
  private final Calibration calibration;
  private final AttentionKernel attentionKernel;
  private final FlopConvention flopConvention;
  private final ShardedGathers shardedGathers;
  private final ActivationKernel activationKernel;
  /** Forward bytes per intermediate element of the dense block's activation ({@link ActivationKernel}). */
  private final double denseActivationForwardBytes;
  /** Backward bytes per intermediate element beyond {@code backwardMemoryRatio} times the forward's (0 fused). */
  private final double denseActivationBackwardExtraBytes;

  // Hardware, with calibration applied.
  private final double peak;
  /** The peak the GEMMs run at: the format's dense peak, times the FP8 efficiency for FP8. */
  private final double gemmPeak;
  /** The peak of the output layer's GEMMs: the 16-bit peak under FP8 recipes, which keep that layer in bf16. */
  private final double headGemmPeak;
  private final double expertOverlap;
  private final double layerOverhead;
  private final double expertOverhead;
  private final double groupedGemmEfficiency;
  private final double forwardTensorOverlap;
  /** Bytes per parameter of the weight all-gathers: 1 for FP8 recipes (fp8_param_gather), else 2 (bf16). */
  private final double gatherBytesPerParameter;
  private final double gemmPeakEfficiency;
  private final double gemmHalfIntensity;
  private final double fusedAttentionFlopsPerSecond;
  private final double memoryBandwidth;
  private final double scaleUpBandwidth;
  private final double scaleUpLatency;
  private final double scaleOutBandwidth;
  private final double scaleOutLatency;
  private final int scaleUpDomain;
  private final double backwardTensorOverlap;
  private final double backwardMemoryRatio;
  private final double pipelineOverlap;
  private final double dataParallelOverlap;
  private final double optimizerBytesPerParameter;
  private final double hostBandwidth;
  private final double hostOptimizerParametersPerSecond;

  // Architecture constants.
  private final double hidden;
  private final int layers;
  private final double vocab;
  private final int heads;
  private final double queryKeyHeadDim;
  private final double valueHeadDim;
  private final boolean groupedQuery;
  private final double queryWidth;
  private final double keyValueWidth;
  private final double attentionMatrixWeights;
  /** Share of the attention layers that compute their own keys and values (1 without cross-layer attention). */
  private final double keyValueShare;
  private final double normsPerLayer;
  private final double denseIntermediate;
  private final boolean denseGated;
  private final int sparseLayers;
  private final int denseLayers;
  private final double experts;
  private final double expertsPerToken;
  private final double expertIntermediate;
  private final boolean expertGated;
  private final double sharedIntermediate;
  /** Parameters of one attention layer, dense part (feed-forward averaged over layers). */
  private final double denseLayerParameters;
  /** Parameters of one sequence-mixer layer, dense part (feed-forward averaged over layers); 0 without mixers. */
  private final double mixerLayerParameters;
  private final int attentionLayerCount;
  private final int mixerLayerCount;
  /**
   * Tensor-parallel collectives of one attention layer and of one mixer layer against a layer of two blocks
   * (Megatron's two all-reduces a pass, one after the token mixer and one after the feed-forward block): 1, or
   * down to 1/2 where those layers hold no feed-forward block (Nemotron-H, Falcon-Mamba). A feed-forward-only
   * layer has 1/2.
   */
  private final double attentionTensorShare;
  private final double mixerTensorShare;
  /** Layers with no token mixer, a feed-forward block alone (Nemotron-H's {@code -} layers). */
  private final int feedForwardOnlyLayerCount;
  /** Parameters of one feed-forward-only layer, dense part (feed-forward averaged over layers). */
  private final double feedForwardOnlyLayerParameters;
  /** Weight matrices of one feed-forward-only layer (feed-forward averaged over layers). */
  private final double feedForwardOnlyLayerMatrices;
  /**
   * Shares of the token-mixing layers (attention and mixer) whose feed-forward block is dense and sparse (both 0
   * for a pure state-space stack such as Falcon-Mamba, or Nemotron-H, whose MLPs are layers of their own), and of
   * the feed-forward-only layers: each kind's feed-forward block averaged over that kind's layers.
   */
  private final double mixingDenseShare;
  private final double mixingSparseShare;
  private final double feedForwardOnlyDenseShare;
  private final double feedForwardOnlySparseShare;
  private final double mixerMatrixWeights;
  private final double mixerRecurrenceFlopsPerToken;
  private final double mixerActivationElementsPerToken;
  /** Elements of one sequence's state in one mixer layer (conv window and recurrent state); 0 without mixers. */
  private final double mixerStateElementsPerSequence;
  /** Share of the attention layers that attend within a sliding window; 0 without a window. */
  private final double slidingShare;
  /** The sliding window in tokens; 0 without one. */
  private final int slidingWindow;
  /** Routed-expert parameters of one layer (all experts), averaged over layers. */
  private final double expertLayerParameters;
  private final double tokenEmbeddingParameters;
  /**
   * Weight matrices of one attention layer and of one sequence-mixer layer (feed-forward averaged over layers, the
   * routed experts' own counted apart): the modules DeepSpeed ZeRO-3 fetches one by one.
   */
  private final double attentionLayerMatrices;
  private final double mixerLayerMatrices;
  /** Routed-expert weight matrices of one layer (all experts), averaged over layers. */
  private final double expertLayerMatrices;
  /**
   * Layers on the busiest and on the last stage of {@link PipelineLayout#balanced} for each {@code [p][v]} with
   * {@code p x v <= L + 2}, so that the allocation-free path looks them up instead of walking the chunks.
   */
  private final int[][] busiestStageLayers;
  private final int[][] lastStageLayers;
  /**
   * For a hybrid stack, per {@code [p][v]}: the distinct (attention layers, mixer layers, feed-forward-only
   * layers) triples of the stages of {@link PipelineLayout#balanced}, flattened, and the last stage's triple; null
   * for an all-attention model, whose busiest stage is the one with the most layers.
   */
  private final int[][][] stageKinds;
  private final int[][][] lastStageKinds;

  private StepTimeModel(
      Architecture architecture,
      Cluster cluster,
      TrainingPrecision precision,
      Calibration calibration,
      AttentionKernel attentionKernel,
      FlopConvention flopConvention,
      ShardedGathers shardedGathers,
      ActivationKernel activationKernel) {
    this.architecture = architecture;
    this.activationKernel = activationKernel;
    this.shardedGathers = shardedGathers;
    this.cluster = cluster;
    this.precision = precision;
    this.calibration = calibration;
    this.attentionKernel = attentionKernel;
    this.flopConvention = flopConvention;

    peak = cluster.accelerator().densePeakFlopsPerSecond(precision.computeFormat());
    boolean fp8 = precision.computeFormat() == NumericFormat.FP8;
    // A board power limit below the TDP lowers the clock the tensor cores hold through compute-bound kernels:
    // their peaks scale by (limit / TDP)^powerLimitClockExponent; memory-bound kernels are not scaled.
    double powerClock =
        Math.pow(
            cluster.powerLimitFraction(),
            calibration.value(CalibrationParameter.POWER_LIMIT_CLOCK_EXPONENT));
    gemmPeak = powerClock * (fp8 ? peak * calibration.value(CalibrationParameter.FP8_GEMM_EFFICIENCY) : peak);
    // FP8 recipes keep the output layer in bf16: Megatron-Core builds it as tensor_parallel.ColumnParallelLinear,
    // not a Transformer Engine module, so fp8_autocast does not reach it (megatron/core/models/gpt/gpt_model.py),
    // and TorchTitan converts every nn.Linear but the one named "output" (torchtitan/float8.py at 9dec370:
    // module_filter_fn=lambda mod, fqn: fqn != "output").
    headGemmPeak =
        fp8 && cluster.accelerator().densePeakFlopsPerSecond().containsKey(NumericFormat.BF16)
            ? powerClock * cluster.accelerator().densePeakFlopsPerSecond(NumericFormat.BF16)
            : gemmPeak;
    gemmPeakEfficiency = calibration.value(CalibrationParameter.GEMM_PEAK_EFFICIENCY);
    gemmHalfIntensity = calibration.value(CalibrationParameter.GEMM_HALF_EFFICIENCY_INTENSITY);
    // FP8 recipes (Transformer Engine, torchao float8) run the attention core in bf16: FP8 attention is off by
    // default (Transformer Engine fp8_dpa = False).
    double attentionPeak =
        fp8 && cluster.accelerator().densePeakFlopsPerSecond().containsKey(NumericFormat.BF16)
            ? cluster.accelerator().densePeakFlopsPerSecond(NumericFormat.BF16)
            : peak;
    fusedAttentionFlopsPerSecond =
        powerClock * attentionPeak * calibration.value(CalibrationParameter.FUSED_ATTENTION_EFFICIENCY);
    expertOverlap = calibration.value(CalibrationParameter.EXPERT_PARALLEL_OVERLAP);
    layerOverhead = calibration.value(CalibrationParameter.LAYER_OVERHEAD_SECONDS);
    expertOverhead = calibration.value(CalibrationParameter.EXPERT_OVERHEAD_SECONDS);
    groupedGemmEfficiency = calibration.value(CalibrationParameter.GROUPED_GEMM_EFFICIENCY);
    forwardTensorOverlap = calibration.value(CalibrationParameter.FORWARD_TENSOR_PARALLEL_OVERLAP);
    // FP8 recipes gather the weights in FP8 (Megatron-Core --fp8-param-gather, torchao
    // enable_fsdp_float8_all_gather); otherwise in the 16-bit compute copy, whatever the shard's precision
    // (FSDP2 casts its fp32 shard to bf16 before the all-gather).
    gatherBytesPerParameter = fp8 ? 1 : Math.min(2, precision.weightBytes());
    memoryBandwidth =
        cluster.accelerator().memoryBandwidthBytesPerSecond()
            * calibration.value(CalibrationParameter.MEMORY_BANDWIDTH_EFFICIENCY);
    scaleOutBandwidth =
        cluster.scaleOutBandwidthBytesPerSecondPerAccelerator()
            * calibration.value(CalibrationParameter.SCALE_OUT_COLLECTIVE_EFFICIENCY);
    scaleOutLatency = cluster.scaleOutLatencySeconds();
    // Without a scale-up fabric every collective crosses the scale-out network.
    scaleUpBandwidth =
        cluster.accelerator().scaleUpBandwidthBytesPerSecondPerDirection().isPresent()
            ? cluster.accelerator().scaleUpBandwidthBytesPerSecondPerDirection().getAsDouble()
                * calibration.value(CalibrationParameter.SCALE_UP_COLLECTIVE_EFFICIENCY)
            : scaleOutBandwidth;
    scaleUpLatency = calibration.value(CalibrationParameter.SCALE_UP_LATENCY_SECONDS);
    scaleUpDomain = cluster.scaleUpDomainSize();
    backwardTensorOverlap = calibration.value(CalibrationParameter.BACKWARD_TENSOR_PARALLEL_OVERLAP);
    backwardMemoryRatio = calibration.value(CalibrationParameter.BACKWARD_MEMORY_TRAFFIC_RATIO);
    pipelineOverlap = calibration.value(CalibrationParameter.PIPELINE_COMMUNICATION_OVERLAP);
    dataParallelOverlap = calibration.value(CalibrationParameter.DATA_PARALLEL_OVERLAP);
    optimizerBytesPerParameter = calibration.value(CalibrationParameter.OPTIMIZER_STEP_BYTES_PER_PARAMETER);
    hostBandwidth = calibration.value(CalibrationParameter.HOST_LINK_BANDWIDTH_BYTES_PER_SECOND);
    hostOptimizerParametersPerSecond = CPU_ADAM_PARAMETERS_PER_SECOND_PER_HOST / cluster.acceleratorsPerNode();

    // The stage tables below hold every split of the layers.
    PipelineLayout.requirePlannableDepth(architecture.numLayers());
    hidden = architecture.hiddenSize();
    layers = architecture.numLayers();
    vocab = architecture.vocabSize();
    Attention attention = architecture.attention();
    heads = attention.numAttentionHeads();
    queryKeyHeadDim = attention.queryKeyHeadDim();
    valueHeadDim = attention.valueHeadDim();
    groupedQuery = attention instanceof GroupedQueryAttention;
    queryWidth = (double) heads * queryKeyHeadDim;
    keyValueWidth =
        groupedQuery ? ((GroupedQueryAttention) attention).keyValueWidth() : (double) heads * valueHeadDim;
    // Cross-layer attention: only the share of attention layers that compute keys and values run those GEMMs.
    keyValueShare =
        architecture.attentionLayers() == 0
            ? 1
            : (double) architecture.keyValueLayers() / architecture.attentionLayers();
    attentionMatrixWeights =
        attention.matrixWeights(architecture.hiddenSize())
            - (groupedQuery ? (1 - keyValueShare) * 2.0 * architecture.hiddenSize() * keyValueWidth : 0);
    normsPerLayer = architecture.normsPerLayer();
    DenseFeedForward dense = architecture.denseFeedForward().orElse(null);
    denseIntermediate = dense == null ? 0 : dense.intermediateSize();
    denseGated = dense != null && dense.gated();
    checkArgument(
        activationKernel == ActivationKernel.FUSED || (dense != null && !dense.gated()),
        "activationKernel (%s) must be FUSED unless the model has a plain (ungated) dense feed-forward block",
        activationKernel);
    denseActivationForwardBytes = denseGated ? 6 : activationKernel.plainForwardBytesPerElement();
    // The backward pass is costed as backwardMemoryRatio x the forward's bytes; an eager kernel's own count differs.
    denseActivationBackwardExtraBytes =
        denseGated
            ? 0
            : activationKernel.plainBackwardBytesPerElement(backwardMemoryRatio)
                - backwardMemoryRatio * denseActivationForwardBytes;
    sparseLayers = architecture.sparseLayers();
    denseLayers = architecture.feedForwardLayers() - sparseLayers;
    attentionLayerCount = architecture.attentionLayers();
    mixerLayerCount = architecture.sequenceMixerLayers();
    feedForwardOnlyLayerCount = architecture.feedForwardOnlyLayerIndices().size();
    int attentionWithoutFeedForward = 0;
    int mixerWithoutFeedForward = 0;
    for (int layer : architecture.noFeedForwardLayerIndices()) {
      if (architecture.isSequenceMixerLayer(layer)) {
        mixerWithoutFeedForward++;
      } else {
        attentionWithoutFeedForward++;
      }
    }
    attentionTensorShare =
        attentionLayerCount == 0 ? 1 : 1 - 0.5 * attentionWithoutFeedForward / attentionLayerCount;
    mixerTensorShare = mixerLayerCount == 0 ? 1 : 1 - 0.5 * mixerWithoutFeedForward / mixerLayerCount;
    int denseOnly = 0;
    int sparseOnly = 0;
    for (int layer : architecture.feedForwardOnlyLayerIndices()) {
      if (architecture.isSparseLayer(layer)) {
        sparseOnly++;
      } else {
        denseOnly++;
      }
    }
    int mixingLayers = layers - feedForwardOnlyLayerCount;
    mixingDenseShare = mixingLayers == 0 ? 0 : (double) (denseLayers - denseOnly) / mixingLayers;
    mixingSparseShare = mixingLayers == 0 ? 0 : (double) (sparseLayers - sparseOnly) / mixingLayers;
    feedForwardOnlyDenseShare = feedForwardOnlyLayerCount == 0 ? 0 : (double) denseOnly / feedForwardOnlyLayerCount;
    feedForwardOnlySparseShare = feedForwardOnlyLayerCount == 0 ? 0 : (double) sparseOnly / feedForwardOnlyLayerCount;
    MixtureOfExperts moe =
        architecture.feedForward() instanceof MixtureOfExperts
            ? (MixtureOfExperts) architecture.feedForward()
            : null;
    experts = moe == null ? 1 : moe.numExperts();
    expertsPerToken = moe == null ? 0 : moe.expertsPerToken();
    expertIntermediate = moe == null ? 0 : moe.expertIntermediateSize();
    expertGated = moe != null && moe.gated();
    sharedIntermediate = moe == null ? 0 : (double) moe.numSharedExperts() * moe.sharedExpertIntermediateSize();
    long h = architecture.hiddenSize();
    double attentionParameters =
        attention.parameters(h)
            - (groupedQuery
                ? (1 - keyValueShare) * ((GroupedQueryAttention) attention).keyValueProjectionParameters(h)
                : 0);
    double norms = architecture.normsPerLayer() * architecture.normKind().parameters(h);
    double denseBlock = dense == null ? 0 : dense.parameters(h);
    double sparseDense = moe == null ? 0 : moe.sharedExpertParameters(h) + moe.routerParameters(h);
    double sparseExperts = moe == null ? 0 : (double) moe.numExperts() * moe.routedExpertParameters(h);
    double feedForwardParameters = mixingDenseShare * denseBlock + mixingSparseShare * sparseDense;
    denseLayerParameters = attentionParameters + norms + feedForwardParameters;
    mixerMatrixWeights = architecture.sequenceMixer().map(m -> (double) m.matrixWeights(h)).orElse(0.0);
    mixerRecurrenceFlopsPerToken =
        architecture.sequenceMixer().map(m -> m.recurrenceFlopsPerToken()).orElse(0.0);
    mixerActivationElementsPerToken =
        architecture.sequenceMixer().map(m -> (double) m.activationElementsPerToken()).orElse(0.0);
    mixerStateElementsPerSequence =
        architecture.sequenceMixer().map(m -> (double) m.stateElementsPerSequence()).orElse(0.0);
    slidingWindow = architecture.slidingWindow().orElse(0);
    slidingShare =
        architecture.attentionLayers() == 0
            ? 0
            : (double) architecture.slidingWindowLayers() / architecture.attentionLayers();
    mixerLayerParameters =
        architecture.sequenceMixer().isPresent()
            ? architecture.sequenceMixer().get().parameters(h) + norms + feedForwardParameters
            : 0;
    feedForwardOnlyLayerParameters =
        norms + feedForwardOnlyDenseShare * denseBlock + feedForwardOnlySparseShare * sparseDense;
    expertLayerParameters = sparseLayers * sparseExperts / layers;
    tokenEmbeddingParameters = (double) architecture.vocabSize() * h;
    // Hugging Face's modules: q, k, v and o projections (MLA: q_a, q_b, kv_a, kv_b and o); gate, up and down
    // (two without a gate); a router per sparse layer; a mixer's in and out projections.
    double attentionMatrices = attention instanceof MultiHeadLatentAttention ? 5 : 4;
    double denseMatrices = dense == null ? 0 : dense.gated() ? 3 : 2;
    double expertMatrices = moe == null ? 0 : moe.gated() ? 3 : 2;
    double sparseDenseMatrices = moe == null ? 0 : 1 + (moe.numSharedExperts() > 0 ? expertMatrices : 0);
    double feedForwardMatrices = mixingDenseShare * denseMatrices + mixingSparseShare * sparseDenseMatrices;
    attentionLayerMatrices = attentionMatrices + feedForwardMatrices;
    mixerLayerMatrices = architecture.sequenceMixer().isPresent() ? 2 + feedForwardMatrices : 0;
    feedForwardOnlyLayerMatrices =
        feedForwardOnlyDenseShare * denseMatrices + feedForwardOnlySparseShare * sparseDenseMatrices;
    expertLayerMatrices = moe == null ? 0 : sparseLayers * moe.numExperts() * expertMatrices / layers;
    int maxChunks = layers + 2;
    busiestStageLayers = new int[maxChunks + 1][];
    lastStageLayers = new int[maxChunks + 1][];
    boolean hybrid = mixerLayerCount > 0 || feedForwardOnlyLayerCount > 0;
    stageKinds = hybrid ? new int[maxChunks + 1][][] : null;
    lastStageKinds = hybrid ? new int[maxChunks + 1][][] : null;
    for (int p = 1; p <= maxChunks; p++) {
      int maxV = maxChunks / p;
      busiestStageLayers[p] = new int[maxV + 1];
      lastStageLayers[p] = new int[maxV + 1];
      if (hybrid) {
        stageKinds[p] = new int[maxV + 1][];
        lastStageKinds[p] = new int[maxV + 1][];
      }
      for (int v = 1; v <= maxV; v++) {
        if (PipelineLayout.balancedSplitExists(layers, p, v)) {
          busiestStageLayers[p][v] = PipelineLayout.layersOnBusiestStage(layers, p, v);
          lastStageLayers[p][v] = PipelineLayout.layersOnStage(layers, p, v, p - 1);
          if (hybrid) {
            int[][] kinds = stageKinds(architecture, PipelineLayout.balanced(layers, p, v));
            stageKinds[p][v] = kinds[0];
            lastStageKinds[p][v] = kinds[1];
          }
        }
      }
    }
  }

  /**
   * The distinct (attention layers, mixer layers, feed-forward-only layers) triples over the layout's stages,
   * flattened, and the last stage's triple: a stage's time is linear in the three counts, so the slowest stage is
   * among these triples.
   */
  private static int[][] stageKinds(Architecture architecture, PipelineLayout layout) {
    int p = layout.pipelineParallel();
    int[] counts = new int[3 * p];
    for (int i = 0; i < architecture.numLayers(); i++) {
      int kind = architecture.isSequenceMixerLayer(i) ? 1 : architecture.isFeedForwardOnlyLayer(i) ? 2 : 0;
      counts[3 * layout.stageOf(i) + kind]++;
    }
    int[] triples = new int[3 * p];
    int distinct = 0;
    for (int stage = 0; stage < p; stage++) {
      boolean seen = false;
      for (int k = 0; k < distinct && !seen; k++) {
        seen =
            triples[3 * k] == counts[3 * stage]
                && triples[3 * k + 1] == counts[3 * stage + 1]
                && triples[3 * k + 2] == counts[3 * stage + 2];
      }
      if (!seen) {
        System.arraycopy(counts, 3 * stage, triples, 3 * distinct, 3);
        distinct++;
      }
    }
    return new int[][] {Arrays.copyOf(triples, 3 * distinct), Arrays.copyOfRange(counts, 3 * (p - 1), 3 * p)};
  }

  /**
   * A model with Megatron-LM's unfused attention and {@link FlopConvention#EXACT} FLOP counting.
   *
   * @param architecture the model trained
   * @param cluster the cluster (accelerator, scale-up domain, scale-out network)
   * @param precision bytes per parameter and the format the GEMMs run in
   * @param calibration efficiencies and overlaps
   * @throws IllegalArgumentException if the accelerator has no dense peak in the precision's format
   */
  public static StepTimeModel of(
      Architecture architecture, Cluster cluster, TrainingPrecision precision, Calibration calibration) {
    return of(architecture, cluster, precision, calibration, AttentionKernel.UNFUSED, FlopConvention.EXACT);
  }

  /**
   * A model.
   *
   * @param architecture the model trained
   * @param cluster the cluster (accelerator, scale-up domain, scale-out network)
   * @param precision bytes per parameter and the format the GEMMs run in
   * @param calibration efficiencies and overlaps
   * @param attentionKernel how the attention core runs
   * @param flopConvention how model FLOPs (the MFU numerator) are counted
   * @throws IllegalArgumentException if the accelerator has no dense peak in the precision's format
   */
  public static StepTimeModel of(
      Architecture architecture,
      Cluster cluster,
      TrainingPrecision precision,
      Calibration calibration,
      AttentionKernel attentionKernel,
      FlopConvention flopConvention) {
    return of(
        architecture, cluster, precision, calibration, attentionKernel, flopConvention, ShardedGathers.FSDP_UNITS);
  }

  /**
   * A model whose fully sharded (ZeRO-3) trainer issues its gathers and reduce-scatters by a named convention.
   *
   * @param architecture the model trained
   * @param cluster the cluster (accelerator, scale-up domain, scale-out network)
   * @param precision bytes per parameter and the format the GEMMs run in
   * @param calibration efficiencies and overlaps
   * @param attentionKernel how the attention core runs
   * @param flopConvention how model FLOPs (the MFU numerator) are counted
   * @param shardedGathers FSDP units or DeepSpeed buckets ({@link ShardedGathers})
   * @throws IllegalArgumentException if the accelerator has no dense peak in the precision's format, or an argument
   *     is null
   */
  public static StepTimeModel of(
      Architecture architecture,
      Cluster cluster,
      TrainingPrecision precision,
      Calibration calibration,
      AttentionKernel attentionKernel,
      FlopConvention flopConvention,
      ShardedGathers shardedGathers) {
    checkArgument(shardedGathers != null, "shardedGathers must not be null");
    return new StepTimeModel(
        architecture, cluster, precision, calibration, attentionKernel, flopConvention, shardedGathers,
        ActivationKernel.FUSED);
  }

  /**
   * This model with the dense block's activation run by {@code kernel}.
   *
   * @param kernel how the activation function runs
   * @throws IllegalArgumentException if {@code kernel} is null, or not {@link ActivationKernel#FUSED} for a model
   *     without a plain dense feed-forward block
   */
  public StepTimeModel withActivationKernel(ActivationKernel kernel) {
    checkArgument(kernel != null, "kernel must not be null");
    return new StepTimeModel(
        architecture, cluster, precision, calibration, attentionKernel, flopConvention, shardedGathers, kernel);
  }

  /** How the dense block's activation function runs. */
  public ActivationKernel activationKernel() {
    return activationKernel;
  }

  /** How the fully sharded trainer issues its collectives. */
  public ShardedGathers shardedGathers() {
    return shardedGathers;
  }

  /** The model trained. */
  public Architecture architecture() {
    return architecture;
  }

  /** The cluster. */
  public Cluster cluster() {
    return cluster;
  }

  /** The training precision. */
  public TrainingPrecision precision() {
    return precision;
  }

  /** The calibration. */
  public Calibration calibration() {
    return calibration;
  }

  /** The attention kernel assumed. */
  public AttentionKernel attentionKernel() {
    return attentionKernel;
  }

  /** The FLOP convention of MFU and HFU. */
  public FlopConvention flopConvention() {
    return flopConvention;
  }

  /** The dense peak of one accelerator in the precision's format, FLOP/s. */
  public double peakFlopsPerSecond() {
    return peak;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Primitive building blocks.

  /** Seconds of one {@code M x K x N} GEMM (2MKN FLOPs) at the shape's efficiency. */
  double gemmSeconds(double m, double k, double n) {
    return gemmSeconds(m, k, n, gemmPeak);
  }

  /** Seconds of one {@code M x K x N} GEMM at the shape's efficiency against a given peak. */
  private double gemmSeconds(double m, double k, double n, double atPeak) {
    double intensity = m * k * n / (m * k + k * n + m * n);
    double efficiency = gemmPeakEfficiency * intensity / (intensity + gemmHalfIntensity);
    return 2 * m * k * n / (atPeak * efficiency);
  }

  /**
   * Seconds of one DeepEP dispatch (or combine) of {@code tokens} tokens of {@code rowBytes} bytes from one rank
   * ({@link TokenDispatcher#DEEP_EP}; deepseek-ai/DeepEP@e02e4d2e1fbfdf09e02e870b6acc5831cbd11e39 README "Normal
   * kernels with NVLink and RDMA forwarding", {@code deep_ep/buffer.py} get_dispatch_layout: tokens are counted
   * per destination rank and per destination node, not per expert). A token goes once over the scale-out network
   * to each other node holding one of its experts, landing on the GPU of the same local index, and once over the
   * scale-up fabric to each other rank holding one, except that landing GPU; the legs are pipelined, so the
   * slower sets the time. With {@code D} groups (ranks or nodes) of the {@code g} holding a token's experts, and the
   * token's own group one of them as often as any other, {@code D (g - 1) / g} of them are remote (for the
   * scale-up leg {@code D (ranks - nodes) / ranks}, the landing GPUs excluded). Allocates nothing.
   *
   * @param tokens tokens the rank sends
   * @param rowBytes bytes of one token's hidden state
   * @param experts routed experts {@code E}
   * @param expertsPerToken experts per token {@code k}
   * @param ranks expert-parallel ranks, {@code E / ranks} experts each
   * @param nodes scale-up domains the expert-parallel group spans, {@code ranks / nodes} ranks each
   * @param contiguous whether a token's experts are consecutive ({@link ExpertRouting#CONTIGUOUS}), else uniform
   * @param scaleUpBandwidth bytes per second per rank on the scale-up fabric
   * @param scaleOutBandwidth bytes per second per rank on the scale-out network
   * @param latency seconds per peer
   */
  static double deepEpSeconds(
      double tokens,
      double rowBytes,
      double experts,
      double expertsPerToken,
      int ranks,
      int nodes,
      boolean contiguous,
      double scaleUpBandwidth,
      double scaleOutBandwidth,
      double latency) {
    if (ranks <= 1) {
      return 0;
    }
    double rankGroups = groupsHit(experts, experts / ranks, expertsPerToken, ranks, contiguous);
    double seconds = tokens * rowBytes * rankGroups * (ranks - nodes) / ranks / scaleUpBandwidth;
    if (nodes > 1) {
      double nodeGroups = groupsHit(experts, experts / nodes, expertsPerToken, nodes, contiguous);
      seconds = Math.max(seconds, tokens * rowBytes * nodeGroups * (nodes - 1) / nodes / scaleOutBandwidth);
    }
    return seconds + (ranks - 1) * latency;
  }

  /**
   * Expected groups of {@code group} consecutive experts (a rank's or a node's, of {@code groups}) that hold one of
   * a token's {@code k} experts. Uniform routing: each group is missed with probability
   * {@code prod_{i<k} (E - G - i) / (E - i)} ({@code k} distinct experts drawn uniformly). Contiguous routing
   * (windows of {@code k} consecutive experts starting at multiples of {@code k}): of the {@code L / G} group
   * boundaries in a period {@code L = lcm(k, G)}, one falls on a window's start and the others inside one of its
   * {@code L / k} windows, so a window spans {@code 1 + (k - gcd(k, G)) / G} groups on average.
   */
  private static double groupsHit(
      double experts, double group, double expertsPerToken, int groups, boolean contiguous) {
    if (contiguous) {
      long k = Math.round(expertsPerToken);
      long g = Math.max(1, Math.round(group));
      long gcd = k;
      for (long other = g; other != 0; ) {
        long rest = gcd % other;
        gcd = other;
        other = rest;
      }
      return Math.min(groups, 1 + (double) (k - gcd) / g);
    }
    double miss = 1;
    for (int i = 0; i < expertsPerToken; i++) {
      double left = experts - group - i;
      if (left <= 0) {
        return groups;
      }
      miss *= left / (experts - i);
    }
    return groups * (1 - miss);
  }

  private double bandwidth(int span) {
    return withinScaleUpDomain(span) ? scaleUpBandwidth : scaleOutBandwidth;
  }

  /**
   * Bus bandwidth of a ring collective (all-reduce, reduce-scatter, all-gather) over a group whose consecutive
   * members are {@code stride} ranks apart and which spans {@code span} ranks. Within one scale-up domain it is
   * the scale-up fabric's. Across domains, NCCL's rings pass through every member of the group inside a domain
   * over the scale-up fabric and cross each domain boundary once per channel, with one channel per network
   * adapter (rail-optimized rings; Jeaugey, "Massively Scale Your Deep Learning Training with NCCL 2.4", NVIDIA
   * technical blog 2019): the group's {@code k} members in one domain share that domain's traffic over their
   * {@code k} adapters, so the bus bandwidth is {@code k x} the per-accelerator scale-out bandwidth, bounded by
   * the scale-up fabric. Eight H100s with eight 400 Gb/s adapters per node reach 400-450 GB/s of multi-node
   * all-reduce bus bandwidth in nccl-tests, against 50 GB/s per adapter. A group with one member per domain (the
   * data-parallel group of a TP 8 plan on 8-GPU nodes) gets one adapter's bandwidth.
   */
  private double ringBandwidth(int span, int stride) {
    if (withinScaleUpDomain(span)) {
      return scaleUpBandwidth;
    }
    int members = stride <= scaleUpDomain && scaleUpDomain % stride == 0 ? scaleUpDomain / stride : 1;
    return Math.min(scaleUpBandwidth, Math.max(1, members) * scaleOutBandwidth);
  }

  private double latency(int span) {
    return withinScaleUpDomain(span) ? scaleUpLatency : scaleOutLatency;
  }

  /**
   * Whether every group of {@code span} consecutive ranks (groups start at multiples of the span, as Megatron-LM
   * orders them) lies in one scale-up domain: only when the span divides the domain; a span of 6 on 8-GPU nodes
   * puts ranks 6 to 11 on two nodes, and a collective runs at the pace of its slowest group.
   */
  private boolean withinScaleUpDomain(int span) {
    return span <= scaleUpDomain && scaleUpDomain % span == 0;
  }

  /**
   * Fills {@code out} with the costs of one average transformer layer for one micro-batch on one rank, and of the
   * embedding and output layer, for the given tensor and context parallelism, micro-batch, sequence length,
   * sequence parallelism and expert parallelism. Allocates nothing.
   *
   * @param t tensor-parallel degree
   * @param c context-parallel degree
   * @param e expert-parallel degree
   * @param microBatch sequences per micro-batch
   * @param sequenceLength tokens per sequence
   * @param sequenceParallel whether sequence parallelism is on
   * @param out an array of at least {@link #LAYER_COSTS_SIZE} elements
   */
  void layerCosts(
      int t, int c, int e, int microBatch, int sequenceLength, boolean sequenceParallel, double[] out) {
    layerCosts(t, c, e, microBatch, sequenceLength, sequenceParallel, false, false, true, false, out);
  }

  /**
   * {@link #layerCosts(int, int, int, int, int, boolean, double[])} with the plan's
   * {@link TensorParallelCommunication}: {@code forwardTensorCommunicationExposed} hides none of the forward
   * pass's tensor-parallel collectives instead of the calibrated forward overlap fraction. Allocates nothing.
   */
  void layerCosts(
      int t,
      int c,
      int e,
      int microBatch,
      int sequenceLength,
      boolean sequenceParallel,
      boolean forwardTensorCommunicationExposed,
      double[] out) {
    layerCosts(
        t, c, e, microBatch, sequenceLength, sequenceParallel, false, false, true, forwardTensorCommunicationExposed,
        out);
  }

  /**
   * {@link #layerCosts(int, int, int, int, int, boolean, boolean, double[])} with the routed tokens sent by DeepEP's
   * kernels ({@link TokenDispatcher#DEEP_EP}) when {@code deepEp}, else by an all-to-all; routed to consecutive
   * experts ({@link ExpertRouting#CONTIGUOUS}) when {@code contiguousRouting}; and with the dispatch and combine
   * overlapped with other compute when {@code expertCommunicationOverlap}, else hidden only behind the shared
   * experts.
   */
  void layerCosts(
      int t,
      int c,
      int e,
      int microBatch,
      int sequenceLength,
      boolean sequenceParallel,
      boolean deepEp,
      boolean contiguousRouting,
      boolean expertCommunicationOverlap,
      boolean forwardTensorCommunicationExposed,
      double[] out) {
    double b = microBatch;
    double localSequence = (double) sequenceLength / c;
    double tokens = b * localSequence;
    double h = hidden;

    // Attention projections.
    double attentionGemms;
    if (groupedQuery) {
      attentionGemms =
          gemmSeconds(tokens, h, (queryWidth + 2 * keyValueShare * keyValueWidth) / t)
              + gemmSeconds(tokens, heads * valueHeadDim / t, h);
    } else {
      double width = attentionMatrixWeights / (2 * h * t);
      attentionGemms = 2 * gemmSeconds(tokens, h, width);
    }
    // Attention core.
    double localHeads = (double) heads / t;
    double attentionCoreCompute;
    double scoreBytes = 0;
    if (attentionKernel == AttentionKernel.UNFUSED) {
      double batch = b * localHeads;
      attentionCoreCompute =
          batch
              * (gemmSeconds(localSequence, queryKeyHeadDim, sequenceLength)
                  + gemmSeconds(localSequence, sequenceLength, valueHeadDim));
      scoreBytes = 9 * batch * localSequence * sequenceLength;
    } else {
      // Causal: half of the score matrix is skipped. A sliding-window layer's fused kernel also skips the blocks
      // outside its window (FlashAttention-2's window_size, Dao 2023; Mistral 7B, Jiang et al. 2023,
      // arXiv:2310.06825 section 2), so it attends to FlopAccounting.meanCausalContext(s, w) keys per query, not
      // (s + 1) / 2: the average attention layer scales by the windowed layers' share of that ratio. The unfused
      // core masks a full score matrix and keeps the full cost.
      double attended = 0.5;
      if (slidingShare > 0) {
        double ratio =
            FlopAccounting.meanCausalContext(sequenceLength, slidingWindow)
                / FlopAccounting.meanCausalContext(sequenceLength, 0);
        attended = 0.5 * (1 - slidingShare + slidingShare * ratio);
      }
      double flops =
          2 * b * localHeads * localSequence * sequenceLength * (queryKeyHeadDim + valueHeadDim) * attended;
      attentionCoreCompute = flops / fusedAttentionFlopsPerSecond;
    }
    double scoreSeconds = scoreBytes / memoryBandwidth;

    // Feed-forward: dense layers and sparse layers, averaged.
    double denseFeedForward = 0;
    double denseActivationBytes = 0;
    double denseActivationBackwardExtra = 0;
    if (denseLayers > 0) {
      double width = (denseGated ? 2 : 1) * denseIntermediate / t;
      denseFeedForward =
          gemmSeconds(tokens, h, width) + gemmSeconds(tokens, denseIntermediate / t, h);
      denseActivationBytes = denseActivationForwardBytes * tokens * denseIntermediate / t;
      denseActivationBackwardExtra = denseActivationBackwardExtraBytes * tokens * denseIntermediate / t;
    }
    double sparseFeedForward = 0;
    double sparseActivationBytes = 0;
    double expertForward = 0;
    double sharedExperts = 0;
    if (sparseLayers > 0) {
      double localExperts = experts / e;
      double tokensPerExpert = tokens * expertsPerToken * e / experts;
      double width = (expertGated ? 2 : 1) * expertIntermediate / t;
      sparseFeedForward =
          localExperts
                  * (gemmSeconds(tokensPerExpert, h, width)
                      + gemmSeconds(tokensPerExpert, expertIntermediate / t, h))
                  / groupedGemmEfficiency
              + gemmSeconds(tokens, h, experts)
              // Each local expert's two GEMMs are separate problems of a grouped GEMM: a fixed cost per expert
              // (tile scheduling, the per-expert tail), which many small experts make visible.
              + localExperts * expertOverhead;
      sparseActivationBytes =
          (expertGated ? 6 : 4) * tokens * expertsPerToken * expertIntermediate / t
              + 8 * expertsPerToken * tokens * h / (sequenceParallel ? t : 1);
      if (sharedIntermediate > 0) {
        double sharedWidth = (expertGated ? 2 : 1) * sharedIntermediate / t;
        sharedExperts = gemmSeconds(tokens, h, sharedWidth) + gemmSeconds(tokens, sharedIntermediate / t, h);
        sparseFeedForward += sharedExperts;
        sparseActivationBytes += (expertGated ? 6 : 4) * tokens * sharedIntermediate / t;
      }
      // Dispatch and combine, each an all-to-all of the routed tokens over the expert-parallel group.
      int span = e * t * c;
      double routedBytes = 2 * tokens * expertsPerToken * h / (sequenceParallel ? t : 1);
      expertForward =
          2 * (deepEp
              ? deepEpSeconds(tokens, 2 * h / (sequenceParallel ? t : 1), experts, expertsPerToken, e,
                  withinScaleUpDomain(span) ? 1 : Math.min(e, Math.max(1, span / scaleUpDomain)),
                  contiguousRouting, scaleUpBandwidth, scaleOutBandwidth, latency(span))
              : Collectives.allToAll(routedBytes, e, bandwidth(span), latency(span)));
    }
    // The routed experts' all-to-alls are averaged over all layers; each kind's feed-forward block over its own.
    double sparseShare = (double) sparseLayers / layers;
    double feedForward = mixingDenseShare * denseFeedForward + mixingSparseShare * sparseFeedForward;
    double activationFunctionBytes =
        mixingDenseShare * denseActivationBytes + mixingSparseShare * sparseActivationBytes;

    double normBytes = 4 * normsPerLayer * tokens * h / (sequenceParallel ? t : 1);
    double wideBytes = normBytes + 14 * tokens * h / (sequenceParallel ? t : 1);
    double memoryBoundForward = (wideBytes + activationFunctionBytes) / memoryBandwidth;

    double gemmForward = attentionGemms + feedForward;
    double forwardCompute =
        gemmForward + attentionCoreCompute + memoryBoundForward + scoreSeconds + layerOverhead;

    // A sequence-mixer layer of a hybrid stack: its projections are GEMMs split over the tensor-parallel ranks
    // as attention's are (Megatron-Core's Mamba layer splits the inner channels; Waleffe et al. 2024, An Empirical
    // Study of Mamba-based Language Models, arXiv:2406.07887 section 3); its recurrence is linear in the
    // sequence, with no s^2 core. The recurrence runs as one fused kernel: Mamba-2's SSD algorithm computes it as
    // chunked matrix multiplies on the tensor cores (Dao and Gu 2024, Transformers are SSMs, arXiv:2405.21060
    // section 6), Mamba-1's selective scan streams its inputs through SRAM (Gu and Dao 2023, arXiv:2312.00752
    // section 3.3.2). Either is costed on a roofline: its FLOPs at the fused-attention kernel rate (the same class
    // of hand-fused kernel) or its inputs and outputs ({@link SequenceMixer#activationElementsPerToken}, 16-bit)
    // at the memory bandwidth, whichever is longer. Its backward pass recomputes the states, as flash attention
    // recomputes the scores: 2.5x.
    double mixerForward = 0;
    double mixerBackward = 0;
    if (mixerLayerCount > 0) {
      double mixerGemms = 2 * gemmSeconds(tokens, h, mixerMatrixWeights / (2 * h * t));
      double recurrence =
          Math.max(
              tokens * mixerRecurrenceFlopsPerToken / t / fusedAttentionFlopsPerSecond,
              2 * tokens * mixerActivationElementsPerToken / t / memoryBandwidth);
      double mixerGemmForward = mixerGemms + feedForward;
      mixerForward = mixerGemmForward + recurrence + memoryBoundForward + layerOverhead;
      mixerBackward =
          2 * (mixerGemmForward + layerOverhead) + 2.5 * recurrence + backwardMemoryRatio * memoryBoundForward
              + mixingDenseShare * denseActivationBackwardExtra / memoryBandwidth;
      // Context parallelism splits the recurrence by sequence chunks. Each rank scans its chunk from a zero state
      // and the chunks' final states are passed on down the ranks and folded in, as SSD passes states between its
      // chunks (Dao and Gu 2024, arXiv:2405.21060 section 6, the inter-chunk recurrence): c - 1 hops in sequence
      // of one micro-batch's state (conv window and recurrent state, 16-bit, this rank's channels), not hidden
      // behind compute since each hop waits for the last; the backward pass passes the state gradients back
      // along the chain. The state is small against a ring of keys and values (kilobytes to a few megabytes per
      // sequence), so this is latency-bound. Not modelled: Megatron-Core's alternative, an all-to-all from
      // sequence to channel sharding around the mixer.
      if (c > 1) {
        int span = t * c;
        double stateBytes = 2 * b * mixerStateElementsPerSequence / t;
        double chain = (c - 1) * Collectives.pointToPoint(stateBytes, bandwidth(span), latency(span));
        mixerForward += chain;
        mixerBackward += chain;
      }
    }
    // A feed-forward-only layer (Nemotron-H's MLP layers): its norm, its feed-forward block (averaged over those
    // layers) and the layer's memory-bound kernels, with no token mixer.
    double feedForwardOnlyForward = 0;
    double feedForwardOnlyBackward = 0;
    if (feedForwardOnlyLayerCount > 0) {
      double block =
          feedForwardOnlyDenseShare * denseFeedForward + feedForwardOnlySparseShare * sparseFeedForward;
      double memoryBound =
          (wideBytes
                  + feedForwardOnlyDenseShare * denseActivationBytes
                  + feedForwardOnlySparseShare * sparseActivationBytes)
              / memoryBandwidth;
      feedForwardOnlyForward = block + memoryBound + layerOverhead;
      feedForwardOnlyBackward =
          2 * (block + layerOverhead) + backwardMemoryRatio * memoryBound
              + feedForwardOnlyDenseShare * denseActivationBackwardExtra / memoryBandwidth;
    }
    // A fused attention kernel's backward pass runs five matrix multiplies against the forward pass's two,
    // recomputing the scores (Dao 2023, FlashAttention-2, arXiv:2307.08691 section 3.1.2): 2.5x; the unfused
    // core's backward is 2x, as every other GEMM's (Narayanan et al. 2021 section 3.5).
    double attentionBackwardRatio = attentionKernel == AttentionKernel.UNFUSED ? 2 : 2.5;
    double backwardCompute =
        2 * (gemmForward + layerOverhead)
            + attentionBackwardRatio * attentionCoreCompute
            + backwardMemoryRatio * (memoryBoundForward + scoreSeconds)
            + mixingDenseShare * denseActivationBackwardExtra / memoryBandwidth;

    // Tensor parallelism: two all-reduces (or reduce-scatter + all-gather pairs) of 2sbh bytes per pass.
    double tensorForward = 0;
    double tensorBackward = 0;
    if (t > 1) {
      double bytes = 2 * tokens * h;
      double one =
          sequenceParallel
              ? Collectives.reduceScatter(bytes, t, bandwidth(t), latency(t))
                  + Collectives.allGather(bytes, t, bandwidth(t), latency(t))
              : Collectives.allReduce(bytes, t, bandwidth(t), latency(t));
      // Without userbuffers / async TP the forward all-gathers, then multiplies (nothing hidden); the backward
      // overlaps its collectives with the layer's other gradient GEMM on either path (TensorParallelCommunication).
      double forwardHidden = forwardTensorCommunicationExposed ? 0 : forwardTensorOverlap;
      tensorForward = 2 * one * (1 - forwardHidden);
      tensorBackward = (sequenceParallel ? 1.5 : 1.0) * 2 * one * (1 - backwardTensorOverlap);
    }

    // Context parallelism: ring exchange of this rank's keys and values, cp - 1 steps, behind the core.
    double contextForward = 0;
    double contextBackward = 0;
    if (c > 1) {
      int span = t * c;
      double bytes = 2 * 2 * tokens * keyValueWidth / t;
      double ring = (c - 1) * Collectives.pointToPoint(bytes, bandwidth(span), latency(span));
      contextForward = Math.max(0, ring - attentionCoreCompute);
      contextBackward = Math.max(0, 2 * ring - 2 * attentionCoreCompute);
    }

    // Output layer (last stage) and embedding (first stage): logits GEMM forward and backward, the fp32
    // cross-entropy's passes over the logits (12 bytes per logit forward and backward), and their all-reduces.
    double logitsPerRank = tokens * vocab / t;
    double headCompute =
        3 * gemmSeconds(tokens, h, vocab / t, headGemmPeak) + 24 * logitsPerRank / memoryBandwidth;
    double headTensor = t > 1 ? Collectives.allReduce(2 * tokens * h, t, bandwidth(t), latency(t)) : 0;

    out[FORWARD_COMPUTE] = forwardCompute;
    out[BACKWARD_COMPUTE] = backwardCompute;
    out[FORWARD_TENSOR] = tensorForward;
    out[BACKWARD_TENSOR] = tensorBackward;
    out[ATTENTION_CORE] = attentionCoreCompute + scoreSeconds;
    out[FORWARD_CONTEXT] = contextForward;
    out[BACKWARD_CONTEXT] = contextBackward;
    // The all-to-alls hide behind compute of the same pass that does not wait for them (Megatron-Core's 1F1B
    // all-to-all overlap runs one micro-batch's dispatch beside another's attention and experts; DeepEP's
    // communication runs beside the dense GEMMs): at most expertParallelOverlap of that pass's compute. An
    // all-to-all longer than the compute it runs beside stays exposed for the rest, as DeepSeek-V3 reports for
    // cross-node expert parallelism at a computation-to-communication ratio near 1:1 (arXiv:2412.19437 section
    // 3.2.1), which is what DualPipe's overlap of whole chunks addresses.
    // Without that overlap the compute stream waits for each dispatch and combine; only the shared experts, run on
    // a side stream beside the routed path (NeMo AutoModel's _shared_experts_stream), hide them (backward 2x).
    double forwardWindow = expertCommunicationOverlap ? expertOverlap * forwardCompute : sharedExperts;
    double backwardWindow = expertCommunicationOverlap ? expertOverlap * backwardCompute : 2 * sharedExperts;
    out[FORWARD_EXPERT] = sparseShare * Math.max(0, expertForward - forwardWindow);
    out[BACKWARD_EXPERT] = sparseShare * Math.max(0, expertForward - backwardWindow);
    out[HEAD_COMPUTE] = headCompute;
    out[HEAD_TENSOR] = headTensor;
    out[EMBEDDING_TENSOR] = headTensor;
    out[ACTIVATION_BYTES] = 0;
    out[STAGE_TRANSFER_BYTES] = 2 * tokens * h / t;
    out[NORM_SECONDS] = normBytes / memoryBandwidth;
    out[ACTIVATION_FUNCTION_SECONDS] = activationFunctionBytes / memoryBandwidth;
    out[EXPERT_GEMM_SECONDS] = sparseShare * sparseFeedForward;
    out[MIXER_FORWARD_COMPUTE] = mixerForward;
    out[MIXER_BACKWARD_COMPUTE] = mixerBackward;
    out[FEED_FORWARD_ONLY_FORWARD_COMPUTE] = feedForwardOnlyForward;
    out[FEED_FORWARD_ONLY_BACKWARD_COMPUTE] = feedForwardOnlyBackward;
  }

  /**
   * Seconds one layer's recomputation adds per micro-batch under a named setting: the whole forward pass for
   * {@code FULL}, the attention core for {@code SELECTIVE}, nothing for {@code NONE}.
   *
   * @param layer the array {@link #layerCosts} filled
   * @param recomputation the setting
   */
  static double recomputeSeconds(double[] layer, ActivationRecomputation recomputation) {
    switch (recomputation) {
      case FULL:
        return layer[FORWARD_COMPUTE];
      case SELECTIVE:
        return layer[ATTENTION_CORE];
      default:
        return 0;
    }
  }

  /**
   * Seconds one sequence-mixer layer's recomputation adds per micro-batch: its forward pass under {@code FULL};
   * nothing otherwise ({@code SELECTIVE} repeats the attention core, which a mixer layer has not).
   *
   * @param layer the array {@link #layerCosts} filled
   * @param recomputation the setting
   */
  static double mixerRecomputeSeconds(double[] layer, ActivationRecomputation recomputation) {
    return recomputation == ActivationRecomputation.FULL ? layer[MIXER_FORWARD_COMPUTE] : 0;
  }

  /**
   * Seconds one feed-forward-only layer's recomputation adds per micro-batch: its forward pass under {@code FULL};
   * nothing otherwise (it has no attention core).
   *
   * @param layer the array {@link #layerCosts} filled
   * @param recomputation the setting
   */
  static double feedForwardOnlyRecomputeSeconds(double[] layer, ActivationRecomputation recomputation) {
    return recomputation == ActivationRecomputation.FULL ? layer[FEED_FORWARD_ONLY_FORWARD_COMPUTE] : 0;
  }

  /**
   * Communication one sequence-mixer or feed-forward-only layer's recomputation repeats: its forward pass's, under
   * {@code FULL}.
   */
  static double mixerRecomputeCommunicationSeconds(double[] layer, ActivationRecomputation recomputation) {
    return recomputation == ActivationRecomputation.FULL ? layer[FORWARD_TENSOR] + layer[FORWARD_EXPERT] : 0;
  }

  /** Communication one layer's recomputation repeats per micro-batch: the forward pass's, under {@code FULL}. */
  static double recomputeCommunicationSeconds(double[] layer, ActivationRecomputation recomputation) {
    return recomputation == ActivationRecomputation.FULL
        ? layer[FORWARD_TENSOR] + layer[FORWARD_CONTEXT] + layer[FORWARD_EXPERT]
        : 0;
  }

  /**
   * Seconds of recomputation per layer and micro-batch on the busiest stage under the plan's modules and
   * first-N-layers setting: fully recomputed layers repeat the forward pass, the others repeat their modules
   * ({@code CORE_ATTENTION} the attention core, {@code NORMS} and {@code MLP_ACTIVATION} their memory-bound
   * kernels, {@code MOE_EXPERTS} the expert GEMMs; MLA up-projections are small GEMMs, not counted).
   */
  private static double[] recomputation(double[] layer, ParallelismPlan plan, PipelineLayout layout, int layers) {
    double fullShare = 0;
    if (plan.recomputation() == ActivationRecomputation.FULL) {
      int full = 0;
      for (int i = 0; i < layers; i++) {
        if (plan.fullyRecomputes(layout, i)) {
          full++;
        }
      }
      fullShare = (double) full / layers;
    }
    double modules = 0;
    double attentionCore = 0;
    for (RecomputedModule module : plan.effectiveRecomputedModules()) {
      switch (module) {
        case CORE_ATTENTION:
          attentionCore += layer[ATTENTION_CORE];
          break;
        case NORMS:
          modules += layer[NORM_SECONDS];
          break;
        case MLP_ACTIVATION:
          modules += layer[ACTIVATION_FUNCTION_SECONDS];
          break;
        case MOE_EXPERTS:
          modules += layer[EXPERT_GEMM_SECONDS];
          break;
        default:
          break;
      }
    }
    double seconds = fullShare * layer[FORWARD_COMPUTE] + (1 - fullShare) * (modules + attentionCore);
    double communication =
        fullShare * (layer[FORWARD_TENSOR] + layer[FORWARD_CONTEXT] + layer[FORWARD_EXPERT]);
    // A mixer layer has no attention core to repeat.
    double mixerSeconds = fullShare * layer[MIXER_FORWARD_COMPUTE] + (1 - fullShare) * modules;
    double mixerCommunication = fullShare * (layer[FORWARD_TENSOR] + layer[FORWARD_EXPERT]);
    double feedForwardOnlySeconds = fullShare * layer[FEED_FORWARD_ONLY_FORWARD_COMPUTE] + (1 - fullShare) * modules;
    return new double[] {seconds, communication, mixerSeconds, mixerCommunication, feedForwardOnlySeconds};
  }

  /** Layers of the most-loaded pipeline stage, from the one rule of {@link PipelineLayout}. */
  static int layersOnBusiestStage(int layerCount, int p, int v) {
    return PipelineLayout.layersOnBusiestStage(layerCount, p, v);
  }

  /** Layers of the last pipeline stage, from the one rule of {@link PipelineLayout}. */
  static int layersOnLastStage(int layerCount, int p, int v) {
    return PipelineLayout.layersOnStage(layerCount, p, v, p - 1);
  }

  /**
   * Seconds of one optimizer step, from the layer costs of {@link #layerCosts}. Allocates nothing. The caller has
   * validated the plan.
   *
   * @param layer the array {@link #layerCosts} filled for {@code t, c, e, microBatch, sequenceLength, sp}
   * @param t tensor-parallel degree
   * @param p pipeline-parallel degree
   * @param v virtual stages per pipeline rank
   * @param d data-parallel degree
   * @param c context-parallel degree
   * @param e expert-parallel degree
   * @param microBatch sequences per micro-batch
   * @param globalBatch sequences per step
   * @param recompute seconds of recomputation per layer and micro-batch ({@link #recomputeSeconds})
   * @param recomputeCommunication communication repeated by recomputation per layer and micro-batch
   * @param mixerRecompute seconds of recomputation per sequence-mixer layer and micro-batch
   *     ({@link #mixerRecomputeSeconds}; 0 for an all-attention model)
   * @param mixerRecomputeCommunication communication repeated by recomputation per sequence-mixer layer (and per
   *     feed-forward-only layer)
   * @param feedForwardOnlyRecompute seconds of recomputation per feed-forward-only layer and micro-batch
   *     ({@link #feedForwardOnlyRecomputeSeconds}; 0 for a stack without such layers)
   * @param dualPipe whether the schedule is DualPipe (bubble per its formula, expert all-to-alls and pipeline
   *     transfers hidden behind the overlapped forward and backward chunks)
   * @param fullRecompute whether every layer's forward pass is recomputed (a DeepSpeed trainer that keeps no
   *     parameter for reuse gathers the weights a third time)
   * @param zeroStage the ZeRO stage, 0 to 3
   * @param optimizerOffload whether optimizer states live on the host
   * @param parameterOffload whether the ZeRO-3 parameter shards live on the host as well (needs both
   *     {@code optimizerOffload} and {@code zeroStage} 3)
   * @param activationBytesOffloaded activation bytes per micro-batch moved to the host and back (0 for none)
   * @param breakdown null, or an array of {@link StepTimeBreakdown#SIZE} elements to receive the breakdown
   */
  double stepSeconds(
      double[] layer,
      int t,
      int p,
      int v,
      int d,
      int c,
      int e,
      int microBatch,
      int globalBatch,
      double recompute,
      double recomputeCommunication,
      double mixerRecompute,
      double mixerRecomputeCommunication,
      double feedForwardOnlyRecompute,
      boolean dualPipe,
      boolean fullRecompute,
      int zeroStage,
      boolean optimizerOffload,
      boolean parameterOffload,
      double activationBytesOffloaded,
      double[] breakdown) {
    double microBatches = (double) globalBatch / ((double) microBatch * d);
    double forward = layer[FORWARD_COMPUTE];
    double backward = layer[BACKWARD_COMPUTE];
    double tensorPerBlocks = layer[FORWARD_TENSOR] + layer[BACKWARD_TENSOR];
    double tensorPerLayer = attentionTensorShare * tensorPerBlocks;
    double mixerTensor = mixerTensorShare * tensorPerBlocks;
    double feedForwardOnlyTensor = 0.5 * tensorPerBlocks;
    double contextPerLayer = layer[FORWARD_CONTEXT] + layer[BACKWARD_CONTEXT];
    // DualPipe runs a forward chunk of one micro-batch beside a backward chunk of another, hiding the
    // all-to-alls (DeepSeek-V3 section 3.2.1, Figure 4).
    double expertPerLayer = dualPipe ? 0 : layer[FORWARD_EXPERT] + layer[BACKWARD_EXPERT];

    // Per micro-batch on the slowest stage: a stage with a attention layers and m mixer layers takes
    // a x attentionLayer + m x mixerLayer; the last stage also runs the output layer.
    double attentionLayer =
        forward + backward + recompute + tensorPerLayer + recomputeCommunication + contextPerLayer + expertPerLayer;
    double mixerForward = layer[MIXER_FORWARD_COMPUTE];
    double mixerBackward = layer[MIXER_BACKWARD_COMPUTE];
    double mixerLayer =
        mixerForward + mixerBackward + mixerRecompute + mixerTensor + mixerRecomputeCommunication
            + expertPerLayer;
    double feedForwardOnlyForward = layer[FEED_FORWARD_ONLY_FORWARD_COMPUTE];
    double feedForwardOnlyBackward = layer[FEED_FORWARD_ONLY_BACKWARD_COMPUTE];
    double feedForwardOnlyLayer =
        feedForwardOnlyForward + feedForwardOnlyBackward + feedForwardOnlyRecompute + feedForwardOnlyTensor
            + mixerRecomputeCommunication + expertPerLayer;
    int slowAttention;
    int slowMixer;
    int slowFeedForwardOnly;
    boolean lastIsSlowest;
    if (p == 1) {
      slowAttention = attentionLayerCount;
      slowMixer = mixerLayerCount;
      slowFeedForwardOnly = feedForwardOnlyLayerCount;
      lastIsSlowest = false;
    } else {
      int busiestAttention;
      int busiestMixer;
      int busiestFeedForwardOnly;
      int lastAttention;
      int lastMixer;
      int lastFeedForwardOnly;
      if (stageKinds == null) {
        boolean tabulated = p < busiestStageLayers.length && v < busiestStageLayers[p].length;
        busiestAttention = tabulated ? busiestStageLayers[p][v] : layersOnBusiestStage(layers, p, v);
        lastAttention = tabulated ? lastStageLayers[p][v] : layersOnLastStage(layers, p, v);
        busiestMixer = 0;
        lastMixer = 0;
        busiestFeedForwardOnly = 0;
        lastFeedForwardOnly = 0;
      } else {
        int[] triples = stageKinds[p][v];
        int[] lastTriple = lastStageKinds[p][v];
        busiestAttention = triples[0];
        busiestMixer = triples[1];
        busiestFeedForwardOnly = triples[2];
        double most =
            busiestAttention * attentionLayer + busiestMixer * mixerLayer + busiestFeedForwardOnly * feedForwardOnlyLayer;
        for (int k = 3; k < triples.length; k += 3) {
          double time =
              triples[k] * attentionLayer + triples[k + 1] * mixerLayer + triples[k + 2] * feedForwardOnlyLayer;
          if (time > most) {
            most = time;
            busiestAttention = triples[k];
            busiestMixer = triples[k + 1];
            busiestFeedForwardOnly = triples[k + 2];
          }
        }
        lastAttention = lastTriple[0];
        lastMixer = lastTriple[1];
        lastFeedForwardOnly = lastTriple[2];
      }
      double busiestTime =
          busiestAttention * attentionLayer + busiestMixer * mixerLayer
              + busiestFeedForwardOnly * feedForwardOnlyLayer + layer[EMBEDDING_TENSOR];
      double lastTime =
          lastAttention * attentionLayer + lastMixer * mixerLayer + lastFeedForwardOnly * feedForwardOnlyLayer
              + layer[HEAD_COMPUTE] + layer[HEAD_TENSOR];
      lastIsSlowest = lastTime > busiestTime;
      slowAttention = lastIsSlowest ? lastAttention : busiestAttention;
      slowMixer = lastIsSlowest ? lastMixer : busiestMixer;
      slowFeedForwardOnly = lastIsSlowest ? lastFeedForwardOnly : busiestFeedForwardOnly;
    }
    int slowLayers = slowAttention + slowMixer + slowFeedForwardOnly;
    boolean withHead = p == 1 || lastIsSlowest;

    // Pipeline transfers per micro-batch: one send forward and one backward per virtual stage.
    double transfers = 0;
    if (p > 1 && !dualPipe) {
      int span = t * c * d * p;
      transfers =
          2 * v * Collectives.pointToPoint(layer[STAGE_TRANSFER_BYTES], bandwidth(span), latency(span))
              * (1 - pipelineOverlap);
    }

    double slowCompute =
        slowAttention * (forward + backward)
            + slowMixer * (mixerForward + mixerBackward)
            + slowFeedForwardOnly * (feedForwardOnlyForward + feedForwardOnlyBackward)
            + (withHead ? layer[HEAD_COMPUTE] : 0);
    double slowRecompute =
        slowAttention * recompute + slowMixer * mixerRecompute + slowFeedForwardOnly * feedForwardOnlyRecompute;
    double slowTensor =
        slowAttention * (tensorPerLayer + recomputeCommunication)
            + slowMixer * (mixerTensor + mixerRecomputeCommunication)
            + slowFeedForwardOnly * (feedForwardOnlyTensor + mixerRecomputeCommunication)
            + (p == 1 || !lastIsSlowest ? layer[EMBEDDING_TENSOR] : 0)
            + (withHead ? layer[HEAD_TENSOR] : 0);
    double slowContext = slowAttention * contextPerLayer;
    double slowExpert = slowLayers * expertPerLayer;

    // Offloaded activations go out during forward and come back during backward, behind the stage's compute.
    double offloadPerMicroBatch =
        activationBytesOffloaded > 0
            ? Math.max(0, 2 * activationBytesOffloaded / hostBandwidth - (slowCompute + slowRecompute))
            : 0;

    // ZeRO-3 gathers the stage's weights before the forward and again before the backward pass of each
    // micro-batch (FSDP reshards after the forward), prefetching the next layer's during the current one's
    // compute (Zhao et al. 2023, PyTorch FSDP, arXiv:2304.11277 section 3.3: forward and backward prefetch), so a
    // pass's gathers hide behind that pass's compute only, not behind the whole micro-batch. Sharded gradients
    // (ZeRO-2 and 3) cannot accumulate over micro-batches: every micro-batch's backward pass reduce-scatters them
    // to their owners as they are produced (Rajbhandari et al. 2020, ZeRO, section 5.2; DeepSpeed's stage 2 and
    // FSDP without no_sync, whose unsharded accumulation would cost the full gradient copy that TrainingMemory
    // does not count), behind that backward pass alongside its gathers. ZeRO-1 (Megatron-Core's distributed
    // optimizer) keeps the whole gradient buffer and reduce-scatters once per step, below.
    // The stage's parameters on one rank; the first stage holds the embedding, the last the output layer (or a
    // tied copy of the embedding): either way one vocabulary-by-hidden matrix.
    double stageParameters =
        (slowAttention * denseLayerParameters
                + slowMixer * mixerLayerParameters
                + slowFeedForwardOnly * feedForwardOnlyLayerParameters
                + tokenEmbeddingParameters)
            / t;
    double stageExpertParameters = slowLayers * expertLayerParameters / ((double) e * t);
    int dataSpan = t * c * d;
    int dataRanks = d * c;
    double dataBandwidth = ringBandwidth(dataSpan, t);
    double gatherPerMicroBatch = 0;
    double reducePerMicroBatch = 0;
    // Exposed host-link time of optimizer and parameter offload per micro-batch.
    double hostPerMicroBatch = 0;
    boolean reduceEveryMicroBatch = zeroStage >= 2 && dataRanks > 1;
    if (reduceEveryMicroBatch) {
      // Each collective pays the ring's latency once, (n - 1) steps (Collectives): FSDP issues one gather and one
      // reduce-scatter per unit (a transformer block, and the embedding or the head), DeepSpeed one gather per
      // weight matrix and one reduce-scatter per reduce bucket (ShardedGathers).
      boolean deepSpeed = shardedGathers.kind() == ShardedGathers.Kind.DEEPSPEED_BUCKETS;
      double ringLatency = Collectives.allGather(0, dataRanks, dataBandwidth, latency(dataSpan));
      double reduces =
          deepSpeed
              ? Math.max(1, Math.ceil(stageParameters / shardedGathers.reduceBucketParameters()))
              : slowLayers + 1;
      double reduce =
          Collectives.reduceScatter(
                  precision.gradientBytes() * stageParameters, dataRanks, dataBandwidth, latency(dataSpan))
              + (reduces - 1) * ringLatency;
      double forwardWindow =
          slowAttention * forward + slowMixer * mixerForward + slowFeedForwardOnly * feedForwardOnlyForward;
      double backwardWindow = slowCompute + slowRecompute - forwardWindow;
      if (zeroStage == 3) {
        double gathers =
            deepSpeed
                ? slowAttention * attentionLayerMatrices
                    + slowMixer * mixerLayerMatrices
                    + slowFeedForwardOnly * feedForwardOnlyLayerMatrices
                    + slowLayers * expertLayerMatrices / e
                    + 1
                : slowLayers + 1;
        double weightBytes = gatherBytesPerParameter * (stageParameters + stageExpertParameters);
        double gather =
            Collectives.allGather(weightBytes, dataRanks, dataBandwidth, latency(dataSpan))
                + (gathers - 1) * ringLatency;
        // A recomputed layer's weights stay gathered from its recomputed forward to its backward (FSDP's backward
        // unshard, DeepSpeed's reuse distance), unless DeepSpeed's reuse distance is below one layer's parameters.
        double layerParameters = (denseLayerParameters + expertLayerParameters / e) / t;
        boolean regather =
            deepSpeed && fullRecompute && shardedGathers.reuseDistanceParameters() < layerParameters;
        double backwardGathers = regather ? 2 * gather : gather;
        if (shardedGathers.prefetches()) {
          gatherPerMicroBatch =
              Math.max(0, gather - dataParallelOverlap * forwardWindow)
                  + Math.max(0, backwardGathers + reduce - dataParallelOverlap * backwardWindow);
        } else {
          // Without prefetching each module waits for its own gather: nothing hides the gathers. The
          // reduce-scatters still run behind the backward pass (overlap_comm).
          gatherPerMicroBatch =
              gather + backwardGathers + Math.max(0, reduce - dataParallelOverlap * backwardWindow);
        }
      } else {
        reducePerMicroBatch = Math.max(0, reduce - dataParallelOverlap * backwardWindow);
      }
      if (optimizerOffload) {
        // DeepSpeed copies each micro-batch's reduced gradient partition to the host's fp32 accumulator while the
        // backward pass goes on (ZeRO-Offload section 4.1: the gradient swap overlaps backward).
        double gradientShard =
            precision.gradientBytes()
                * (stageParameters / dataRanks + stageExpertParameters / Math.max(1, dataRanks / e))
                / hostBandwidth;
        hostPerMicroBatch += Math.max(0, gradientShard - backwardWindow);
      }
    }
    if (parameterOffload) {
      // ZeRO-Infinity brings each pass's shard over the host link before gathering it (on one rank, the whole
      // stage), prefetched behind the pass's compute like the gather itself (Rajbhandari et al. 2021 section 6.2);
      // a DeepSpeed trainer that regathers a recomputed layer fetches it again.
      double forwardPass = slowAttention * forward + slowMixer * mixerForward;
      double backwardPass = slowCompute + slowRecompute - forwardPass;
      double layerParameters = (denseLayerParameters + expertLayerParameters / e) / t;
      boolean refetch =
          shardedGathers.kind() == ShardedGathers.Kind.DEEPSPEED_BUCKETS
              && fullRecompute
              && shardedGathers.reuseDistanceParameters() < layerParameters;
      double shard = stageParameters / dataRanks + stageExpertParameters / Math.max(1, dataRanks / e);
      double fetch = gatherBytesPerParameter * shard / hostBandwidth;
      hostPerMicroBatch +=
          Math.max(0, fetch - forwardPass) + Math.max(0, (refetch ? 2 : 1) * fetch - backwardPass);
    }

    double perMicroBatch =
        slowCompute
            + slowRecompute
            + slowTensor
            + slowContext
            + slowExpert
            + transfers
            + offloadPerMicroBatch
            + hostPerMicroBatch
            + gatherPerMicroBatch;
    double meanPerMicroBatch =
        (attentionLayerCount * attentionLayer
                + mixerLayerCount * mixerLayer
                + feedForwardOnlyLayerCount * feedForwardOnlyLayer
                + layer[HEAD_COMPUTE] + layer[HEAD_TENSOR] + layer[EMBEDDING_TENSOR])
            / p
            + transfers;
    double bubble;
    if (p == 1) {
      bubble = 0;
    } else if (dualPipe) {
      // DeepSeek-V3 Table 2: (PP/2 - 1)(F&B + B - 3W). With F&B = F + B (the two chunks overlapped), B = 2F and
      // W = B/2 (the weight gradient is half of the backward pass), that is (PP/2 - 1)(2/3)(F + B).
      bubble = (p / 2.0 - 1) * (2.0 / 3) * meanPerMicroBatch;
    } else {
      bubble = (p - 1.0) / v * meanPerMicroBatch;
    }

    // Data-parallel gradient reduction: reduced in buckets as the last micro-batch's backward pass produces them
    // (Megatron-Core --overlap-grad-reduce, FSDP's reduce-scatter), and under ZeRO the updated parameters gathered
    // in buckets as the next step's first forward pass needs them (--overlap-param-gather). Each is hidden behind
    // up to dataParallelOverlap of its window.
    double dataParallel = 0;
    if (dataRanks > 1) {
      double gradientBytes = precision.gradientBytes() * stageParameters;
      double lastBackward =
          slowAttention * backward + slowMixer * mixerBackward + slowFeedForwardOnly * feedForwardOnlyBackward;
      double firstForward =
          slowAttention * forward + slowMixer * mixerForward + slowFeedForwardOnly * feedForwardOnlyForward;
      double reduce;
      double gather = 0;
      if (zeroStage >= 1) {
        // ZeRO-2 and 3 reduced with every micro-batch, above.
        reduce =
            reduceEveryMicroBatch
                ? 0
                : Collectives.reduceScatter(gradientBytes, dataRanks, dataBandwidth, latency(dataSpan));
        if (zeroStage < 3) {
          gather =
              Collectives.allGather(
                  gatherBytesPerParameter * stageParameters,
                  dataRanks,
                  dataBandwidth,
                  latency(dataSpan));
        }
      } else {
        reduce = Collectives.allReduce(gradientBytes, dataRanks, dataBandwidth, latency(dataSpan));
      }
      int expertRanks = dataRanks / e;
      if (stageExpertParameters > 0 && expertRanks > 1) {
        int expertSpan = dataSpan;
        double expertBandwidth = ringBandwidth(expertSpan, Math.min(dataSpan, t * e));
        reduce +=
            Collectives.allReduce(
                precision.gradientBytes() * stageExpertParameters,
                expertRanks,
                expertBandwidth,
                latency(expertSpan));
      }
      dataParallel =
          Math.max(0, reduce - dataParallelOverlap * lastBackward)
              + Math.max(0, gather - dataParallelOverlap * firstForward)
              + microBatches * reducePerMicroBatch;
    }

    // Optimizer step over the local parameters.
    double localParameters = stageParameters + stageExpertParameters;
    if (zeroStage >= 1) {
      localParameters = stageParameters / dataRanks + stageExpertParameters / Math.max(1, dataRanks / e);
    }
    double optimizer;
    double hostAfterStep = 0;
    if (optimizerOffload) {
      double cpuStep = localParameters / hostOptimizerParametersPerSecond;
      // Tiled CPU-Adam sends each updated 16-bit tile back while stepping the next (Ren et al. section 5.1); with
      // parameter offload the shard stays on the host and nothing comes back.
      double back = parameterOffload ? 0 : precision.weightBytes() * localParameters / hostBandwidth;
      optimizer = Math.max(cpuStep, back);
      if (!reduceEveryMicroBatch) {
        // Gradients kept whole until the step (ZeRO-0/1, or one rank) go to the host once, behind the last
        // backward pass.
        double lastBackwardPass = slowAttention * backward + slowMixer * mixerBackward;
        hostAfterStep =
            Math.max(0, precision.gradientBytes() * localParameters / hostBandwidth - lastBackwardPass);
      }
    } else {
      optimizer = optimizerBytesPerParameter * localParameters / memoryBandwidth;
    }

    double step = microBatches * perMicroBatch + bubble + dataParallel + hostAfterStep + optimizer;
    if (breakdown != null) {
      breakdown[StepTimeBreakdown.COMPUTE] = microBatches * slowCompute;
      breakdown[StepTimeBreakdown.RECOMPUTATION] = microBatches * slowRecompute;
      breakdown[StepTimeBreakdown.TENSOR_PARALLEL] = microBatches * slowTensor;
      breakdown[StepTimeBreakdown.CONTEXT_PARALLEL] = microBatches * slowContext;
      breakdown[StepTimeBreakdown.EXPERT_PARALLEL] = microBatches * slowExpert;
      breakdown[StepTimeBreakdown.PIPELINE_TRANSFERS] = microBatches * transfers;
      breakdown[StepTimeBreakdown.PIPELINE_BUBBLE] = bubble;
      breakdown[StepTimeBreakdown.DATA_PARALLEL] = dataParallel;
      breakdown[StepTimeBreakdown.PARAMETER_GATHER] = microBatches * gatherPerMicroBatch;
      breakdown[StepTimeBreakdown.OFFLOAD] = microBatches * (offloadPerMicroBatch + hostPerMicroBatch) + hostAfterStep;
      breakdown[StepTimeBreakdown.OPTIMIZER] = optimizer;
    }
    return step;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Typed API.

  /**
   * Predicts one training step.
   *
   * <p>The kernel and its memory go together: a plan with {@code fusedAttention} on a model built with the
   * unfused kernel is estimated with the fused one, and a plan without it on a fused model is estimated (and
   * returned, in {@link StepTimeEstimate#plan()}) with {@code fusedAttention} set, so that step time and
   * {@link TrainingMemory} always describe the same kernel, as {@code PlanSearch} does.
   *
   * @param plan the parallelism plan; its accelerator count must not exceed the cluster's
   * @return the estimate, with the breakdown, throughput, utilization and memory
   * @throws IllegalArgumentException if the plan does not suit the model ({@link ParallelismPlan#validateFor}),
   *     needs more accelerators than the cluster has, or uses the interleaved schedule with a number of
   *     micro-batches that is not a multiple of the pipeline degree (Megatron-LM's rule)
   */
  public StepTimeEstimate estimate(ParallelismPlan plan) {
    return estimate(plan, MemoryAllowance.PYTORCH_CUDA_TRAINING);
  }

  /**
   * Predicts one training step, with memory checked against a given allowance.
   *
   * @param plan the parallelism plan; its accelerator count must not exceed the cluster's
   * @param allowance the workspace and fragmentation allowance of the memory estimate
   * @return the estimate
   * @throws IllegalArgumentException as {@link #estimate(ParallelismPlan)}
   */
  public StepTimeEstimate estimate(ParallelismPlan plan, MemoryAllowance allowance) {
    // The kernel and the memory it needs go together: a fused kernel on either side makes both fused.
    if (plan.fusedAttention() && attentionKernel == AttentionKernel.UNFUSED) {
      return of(architecture, cluster, precision, calibration, AttentionKernel.FUSED, flopConvention, shardedGathers)
          .withActivationKernel(activationKernel)
          .estimate(plan, allowance);
    }
    if (attentionKernel == AttentionKernel.FUSED && !plan.fusedAttention()) {
      plan = ImmutableParallelismPlan.copyOf(plan).withFusedAttention(true);
    }
    plan.validateFor(architecture, plan.acceleratorCount());
    checkArgument(
        plan.acceleratorCount() <= cluster.acceleratorCount(),
        "the plan's accelerators (%s) must not exceed the cluster's (%s)",
        plan.acceleratorCount(),
        cluster.acceleratorCount());
    checkArgument(
        plan.virtualPipelineStages() == 1 || plan.microBatchesPerStep() % plan.pipelineParallel() == 0,
        "micro-batches per step (%s) must be a multiple of pipelineParallel (%s) with virtualPipelineStages"
            + " (%s) > 1",
        plan.microBatchesPerStep(),
        plan.pipelineParallel(),
        plan.virtualPipelineStages());
    double[] layer = layerCosts(plan);
    PipelineLayout layout = plan.pipelineLayout(layers);
    double[] recomputation = recomputation(layer, plan, layout, layers);
    double offloaded = 0;
    if (plan.activationOffload()) {
      for (int i = 0; i < layers; i++) {
        if (layout.stageOf(i) == 0) {
          offloaded += ActivationMemory.layerBytes(architecture, i, plan);
        }
      }
    }
    double[] parts = new double[StepTimeBreakdown.SIZE];
    double step =
        stepSeconds(
            layer,
            plan.tensorParallel(),
            plan.pipelineParallel(),
            plan.virtualPipelineStages(),
            plan.dataParallel(),
            plan.contextParallel(),
            plan.expertParallel(),
            plan.microBatchSize(),
            plan.globalBatchSize(),
            recomputation[0],
            recomputation[1],
            recomputation[2],
            recomputation[3],
            recomputation[4],
            plan.pipelineSchedule() == PipelineSchedule.DUAL_PIPE,
            plan.recomputation() == ActivationRecomputation.FULL,
            plan.zeroStage().stage(),
            plan.optimizerOffload(),
            plan.parameterOffload(),
            offloaded,
            parts);
    StepTimeBreakdown breakdown = StepTimeBreakdown.of(parts, step);
    FlopEstimate flops =
        FlopAccounting.estimate(architecture, plan.sequenceLength(), flopConvention, plan.recomputation());
    TrainingMemoryBreakdown memory = TrainingMemory.estimate(
            architecture, plan, precision, cluster.accelerator().memoryBytes(), allowance);
    double tokens = plan.globalBatchTokens();
    double accelerators = plan.acceleratorCount();
    double capacity = step * accelerators * peak;
    return new StepTimeEstimate(
        plan,
        step,
        breakdown,
        tokens / step,
        flops.modelTrainingFlopsPerToken() * tokens / capacity,
        flops.trainingFlopsPerToken() * tokens / capacity,
        flops.trainingFlopsPerToken() * tokens / (step * accelerators),
        memory);
  }

  /**
   * Seconds of one transformer layer's forward pass, backward pass and recomputation for one micro-batch on one
   * rank, communication included: the quantity Korthikanti et al. 2022 Table 4 measures.
   *
   * @param plan the plan (tensor and context parallelism, micro-batch, sequence, sequence parallelism,
   *     recomputation)
   */
  public LayerTime layerTime(ParallelismPlan plan) {
    double[] layer = layerCosts(plan);
    double forward =
        layer[FORWARD_COMPUTE] + attentionTensorShare * layer[FORWARD_TENSOR] + layer[FORWARD_CONTEXT]
            + layer[FORWARD_EXPERT];
    double backward =
        layer[BACKWARD_COMPUTE] + attentionTensorShare * layer[BACKWARD_TENSOR] + layer[BACKWARD_CONTEXT]
            + layer[BACKWARD_EXPERT];
    double recompute =
        plan.recomputation() == ActivationRecomputation.FULL
            ? forward
            : recomputation(layer, plan, plan.pipelineLayout(layers), layers)[0];
    return new LayerTime(forward, backward, recompute);
  }

  /**
   * Seconds of one sequence-mixer layer of a hybrid stack (Mamba, Mamba-2, gated DeltaNet, lightning attention)
   * for one micro-batch on one rank, communication included, as {@link #layerTime} gives an attention layer's;
   * empty for an all-attention model.
   *
   * @param plan the plan (tensor and context parallelism, micro-batch, sequence, sequence parallelism,
   *     recomputation)
   */
  public Optional<LayerTime> mixerLayerTime(ParallelismPlan plan) {
    if (mixerLayerCount == 0) {
      return Optional.empty();
    }
    double[] layer = layerCosts(plan);
    double forward =
        layer[MIXER_FORWARD_COMPUTE] + mixerTensorShare * layer[FORWARD_TENSOR] + layer[FORWARD_EXPERT];
    double backward =
        layer[MIXER_BACKWARD_COMPUTE] + mixerTensorShare * layer[BACKWARD_TENSOR] + layer[BACKWARD_EXPERT];
    double recompute =
        plan.recomputation() == ActivationRecomputation.FULL
            ? forward
            : recomputation(layer, plan, plan.pipelineLayout(layers), layers)[2];
    return Optional.of(new LayerTime(forward, backward, recompute));
  }

  /**
   * Seconds of one feed-forward-only layer (Nemotron-H's MLP layers: a norm and the feed-forward block, no token
   * mixer) for one micro-batch on one rank, communication included; empty for a stack without such layers.
   *
   * @param plan the plan (tensor and context parallelism, micro-batch, sequence, sequence parallelism,
   *     recomputation)
   */
  public Optional<LayerTime> feedForwardOnlyLayerTime(ParallelismPlan plan) {
    if (feedForwardOnlyLayerCount == 0) {
      return Optional.empty();
    }
    double[] layer = layerCosts(plan);
    double forward = layer[FEED_FORWARD_ONLY_FORWARD_COMPUTE] + 0.5 * layer[FORWARD_TENSOR] + layer[FORWARD_EXPERT];
    double backward =
        layer[FEED_FORWARD_ONLY_BACKWARD_COMPUTE] + 0.5 * layer[BACKWARD_TENSOR] + layer[BACKWARD_EXPERT];
    double recompute =
        plan.recomputation() == ActivationRecomputation.FULL
            ? forward
            : recomputation(layer, plan, plan.pipelineLayout(layers), layers)[4];
    return Optional.of(new LayerTime(forward, backward, recompute));
  }

  static ActivationRecomputation recomputation(int ordinal) {
    return RECOMPUTATIONS[ordinal];
  }

  /** One layer's costs under a plan's degrees, micro-batch and sequence (the typed entry to the array-filling overload). */
  private double[] layerCosts(ParallelismPlan plan) {
    double[] layer = new double[LAYER_COSTS_SIZE];
    layerCosts(
        plan.tensorParallel(),
        plan.contextParallel(),
        plan.expertParallel(),
        plan.microBatchSize(),
        plan.sequenceLength(),
        plan.sequenceParallel(),
        plan.tokenDispatcher() == TokenDispatcher.DEEP_EP,
        plan.expertRouting() == ExpertRouting.CONTIGUOUS,
        plan.expertCommunicationOverlap(),
        plan.tensorParallelCommunication() == TensorParallelCommunication.FORWARD_EXPOSED,
        layer);
    return layer;
  }
}
