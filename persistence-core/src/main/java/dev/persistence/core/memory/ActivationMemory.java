package dev.persistence.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.Attention;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.MultiHeadLatentAttention;
import dev.persistence.core.check.Checks;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineLayout;
import dev.persistence.core.parallelism.PipelineSchedule;
import dev.persistence.core.parallelism.RecomputedModule;
import java.util.Set;

/**
 * Activation memory of training, after Korthikanti et al. 2022, "Reducing Activation Recomputation in Large
 * Transformer Models", arXiv:2205.05198, with 16-bit activations.
 *
 * <p>Per layer and micro-batch ({@code s} sequence, {@code b} micro-batch, {@code h} hidden, {@code a} heads,
 * {@code t} tensor parallel), Table 2:
 *
 * <ul>
 *   <li>no parallelism: {@code sbh(34 + 5as/h)};
 *   <li>tensor parallel: {@code sbh(10 + 24/t + 5as/(ht))};
 *   <li>tensor + sequence parallel: {@code sbh(34/t + 5as/(ht))};
 *   <li>selective recomputation drops the {@code 5as/h} attention-score term;
 *   <li>full recomputation keeps only the layer input, {@code 2sbh} ({@code 2sbh/t} with sequence parallelism,
 *       since Megatron-LM stores the sequence-sharded input; Table 2 prints the unsharded form).
 * </ul>
 *
 * <p>The {@code 34} is section 4.1's count: {@code 10sbh} that tensor parallelism leaves whole (two LayerNorm
 * inputs {@code 4sbh}, the attention and MLP inputs {@code 2sbh + 2sbh}, two dropout masks {@code sbh + sbh}) and
 * {@code 24sbh} it splits (query, key, value and the output projection's input {@code 8sbh}; the MLP's {@code 4h}
 * hidden activations before and after GeLU {@code 16sbh}). For other shapes this class generalises each term by
 * its tensor's width: grouped-query keys and values are {@code kvHeads x headDim} wide, the MLP stores {@code 4sbI}
 * for a plain block of width {@code I} and {@code 6sbI} for a gated one (gate and up outputs and the fused
 * activation's product: an extension of this project, after Megatron-Core's fused {@code bias_swiglu}), norms are {@code normsPerLayer x 2sbh}. Multi-head latent attention is counted with
 * its up-projected keys and values ({@code heads x headDim}), leaving out the small latents.
 *
 * <p>Mixture-of-experts layers store, for each token, {@code k} routed copies of the MLP's input ({@code 2sbh}
 * each) and of the expert's hidden activations, plus the shared experts' hidden activations. Expert parallelism
 * does not change the per-rank figure when routing is balanced (each rank receives {@code k} tokens' worth per
 * token it sends); imbalance is not modelled. Expert tensor parallelism is assumed equal to {@code t}.
 *
 * <p>Context parallelism divides every activation by its degree (each rank holds {@code s/cp} of the sequence).
 */
public final class ActivationMemory {

  private ActivationMemory() {}

  /**
   * Activation bytes one transformer layer stores for one micro-batch on one rank, with bf16 linear inputs.
   *
   * @param architecture the model
   * @param layerIndex the layer, from 0
   * @param plan the parallelism plan (sequence length, micro-batch, {@code t}, sequence parallelism,
   *     recomputation, context parallelism)
   * @throws IllegalArgumentException if {@code layerIndex} is outside the model
   */
  public static double layerBytes(Architecture architecture, int layerIndex, ParallelismPlan plan) {
    return layerBytes(architecture, layerIndex, plan, 2);
  }

  /**
   * Activation bytes one transformer layer stores for one micro-batch on one rank.
   *
   * <p>A fully recomputed layer ({@link ParallelismPlan#fullyRecomputes}) keeps only its input. Otherwise each
   * {@link RecomputedModule} of the plan frees what it recomputes: {@code CORE_ATTENTION} the unfused kernel's
   * scores, {@code NORMS} the norm outputs (the attention and MLP inputs, {@code 4sbh}), {@code MLP_ACTIVATION}
   * the activation's output ({@code 4sbI} gated, {@code 2sbI} plain), {@code MLA_UP_PROJECTION} the up-projected
   * keys and values, {@code MOE_EXPERTS} the routed experts' copies of their inputs and hidden activations. The
   * inputs of the linear layers (attention and MLP inputs, the output projection's and the second MLP GEMM's
   * inputs) are stored at {@code linearInputBytes} per element (2 for bf16, 1 for the FP8 caching of DeepSeek-V3
   * section 3.3.4).
   *
   * @param architecture the model
   * @param layerIndex the layer, from 0
   * @param plan the parallelism plan
   * @param linearInputBytes bytes per element of the stored linear-layer inputs
   * @throws IllegalArgumentException if {@code layerIndex} is outside the model
   */
  public static double layerBytes(
      Architecture architecture, int layerIndex, ParallelismPlan plan, double linearInputBytes) {
    // No number format stores more than fp64's 8 bytes an element.
    Checks.check(
        linearInputBytes > 0 && linearInputBytes <= 8, "linearInputBytes", linearInputBytes, "must be in (0, 8]");
    checkArgument(
        layerIndex >= 0 && layerIndex < architecture.numLayers(),
        "layerIndex (%s) must be in [0, numLayers (%s))",
        layerIndex,
        architecture.numLayers());
    PipelineLayout layout = plan.pipelineLayout(architecture.numLayers());
    return layerBytes(architecture, layerIndex, plan, layout, linearInputBytes);
  }

  static double layerBytes(
      Architecture architecture,
      int layerIndex,
      ParallelismPlan plan,
      PipelineLayout layout,
      double linearInputBytes) {
    double s = (double) plan.sequenceLength() / plan.contextParallel();
    double sb = s * plan.microBatchSize();
    double h = architecture.hiddenSize();
    double t = plan.tensorParallel();
    boolean sequenceParallel = plan.sequenceParallel();
    double linear = linearInputBytes / 2;

    if (plan.fullyRecomputes(layout, layerIndex)) {
      return 2 * sb * h / (sequenceParallel ? t : 1);
    }
    Set<RecomputedModule> modules = plan.effectiveRecomputedModules();

    Attention attention = architecture.attention();
    double heads = attention.numAttentionHeads();
    double queryWidth = heads * attention.queryKeyHeadDim();
    double outputWidth = heads * attention.valueHeadDim();
    double keyWidth;
    double valueWidth;
    if (attention instanceof GroupedQueryAttention) {
      GroupedQueryAttention gqa = (GroupedQueryAttention) attention;
      keyWidth = gqa.keyValueWidth();
      valueWidth = gqa.keyValueWidth();
    } else {
      keyWidth = queryWidth;
      valueWidth = outputWidth;
    }
    if (attention instanceof MultiHeadLatentAttention && modules.contains(RecomputedModule.MLA_UP_PROJECTION)) {
      // The latents are kept (small beside the up-projected keys and values, left out as above).
      keyWidth = 0;
      valueWidth = 0;
    }

    // Kept whole by tensor parallelism (split by sequence parallelism): norm inputs, attention and MLP inputs
    // (the norms' outputs, linear inputs), two dropout masks.
    // A layer of one block (a Mamba layer of Falcon-Mamba, each layer of Nemotron-H) has one norm output and one
    // dropout mask of these.
    int blocks = architecture.blocksInLayer(layerIndex);
    double normOutputs = modules.contains(RecomputedModule.NORMS) ? 0 : blocks * 2 * sb * h * linear;
    double unsplit = architecture.normsPerLayer() * 2 * sb * h + normOutputs + blocks * sb * h;
    // Split by tensor parallelism: Q, K, V and the output projection's input, then the MLP's hidden tensors.
    // A hybrid stack's mixer layer (issue 19) stores the mixer's tensors (SequenceMixer#activationElementsPerToken,
    // 2 bytes each) in place of attention's, and has no s^2 term.
    // A feed-forward-only layer (Nemotron-H's MLP layers) stores neither.
    boolean mixerLayer = architecture.isSequenceMixerLayer(layerIndex);
    boolean attentionLayer = architecture.isAttentionLayer(layerIndex);
    double mixing =
        mixerLayer
            ? 2 * sb * architecture.sequenceMixer().orElseThrow().activationElementsPerToken()
            : attentionLayer ? 2 * sb * (queryWidth + keyWidth + valueWidth) + 2 * sb * outputWidth * linear : 0;
    double split = mixing + feedForwardSplitBytes(architecture, layerIndex, sb, h, modules, linear);
    double bytes = unsplit / (sequenceParallel ? t : 1) + split / t;
    if (!attentionLayer) {
      return bytes;
    }
    if (plan.fusedAttention()) {
      // A fused kernel keeps only the softmax's log-sum-exp, one fp32 value per query row and head (Dao et al.
      // 2022, Algorithm 2), and recomputes the scores in the backward pass whatever the recomputation setting.
      bytes += 4 * heads * s * plan.microBatchSize() / t;
    } else if (!modules.contains(RecomputedModule.CORE_ATTENTION)) {
      // Softmax output 2as^2b, its dropout mask as^2b and the dropout output 2as^2b (section 4.1); under context
      // parallelism each rank holds its s/cp queries against all s keys.
      bytes += 5 * heads * s * plan.sequenceLength() * plan.microBatchSize() / t;
    }
    return bytes;
  }

  private static double feedForwardSplitBytes(
      Architecture architecture,
      int layerIndex,
      double sb,
      double h,
      Set<RecomputedModule> modules,
      double linear) {
    if (!architecture.hasFeedForward(layerIndex)) {
      return 0; // the mixer alone (Falcon-Mamba, Nemotron-H's Mamba and attention layers)
    }
    boolean activation = modules.contains(RecomputedModule.MLP_ACTIVATION);
    if (architecture.feedForward() instanceof MixtureOfExperts) {
      MixtureOfExperts moe = (MixtureOfExperts) architecture.feedForward();
      if (architecture.isSparseLayer(layerIndex)) {
        double shared =
            moe.numSharedExperts() * hiddenBytes(moe.gated(), activation, linear) * sb
                * moe.sharedExpertIntermediateSize();
        if (modules.contains(RecomputedModule.MOE_EXPERTS)) {
          return shared;
        }
        double routed =
            moe.expertsPerToken()
                * (2 * sb * h * linear
                    + hiddenBytes(moe.gated(), activation, linear) * sb * moe.expertIntermediateSize());
        return routed + shared;
      }
    }
    DenseFeedForward dense =
        architecture
            .denseFeedForward()
            .orElseThrow(() -> new IllegalStateException("layer " + layerIndex + " has no dense block"));
    return hiddenBytes(dense.gated(), activation, linear) * sb * dense.intermediateSize();
  }

  /**
   * Bytes per token and unit of MLP width. Gated: the first GEMM's gate and up outputs (4), which the backward
   * pass of the fused activation needs, and the activated product (2, the second GEMM's input); Megatron-Core's
   * fused {@code bias_swiglu} (and Transformer Engine's {@code swiglu}) computes {@code silu(gate) x up} in one
   * kernel and stores no separate activated gate. Plain: the first GEMM's output (2) and the activation's output
   * (2, the second GEMM's input). Recomputing the activation frees its output.
   */
  private static double hiddenBytes(boolean gated, boolean activationRecomputed, double linear) {
    if (gated) {
      return activationRecomputed ? 4 : 4 + 2 * linear;
    }
    return activationRecomputed ? 2 : 2 + 2 * linear;
  }

  /**
   * The pipeline stage (from 0) that holds layer {@code layerIndex}, per the plan's {@link PipelineLayout}.
   *
   * @param architecture the model
   * @param layerIndex the layer, from 0
   * @param plan the plan
   */
  public static int stageOf(Architecture architecture, int layerIndex, ParallelismPlan plan) {
    Checks.check(
        layerIndex >= 0 && layerIndex < architecture.numLayers(),
        "layerIndex",
        layerIndex,
        "must be in [0, numLayers (" + architecture.numLayers() + "))");
    return plan.pipelineLayout(architecture.numLayers()).stageOf(layerIndex);
  }

  /**
   * Micro-batches whose activations pipeline stage {@code stage} holds at its peak: under 1F1B {@code p - stage}
   * (the first stage holds {@code p}, Korthikanti et al. 2022 section 4.2.3); under DualPipe {@code p + 1} on every
   * rank (DeepSeek-V3, arXiv:2412.19437 Table 2); never more than the micro-batches in the step.
   *
   * @param plan the plan
   * @param stage the stage, from 0
   */
  public static int microBatchesInFlight(ParallelismPlan plan, int stage) {
    Checks.check(
        stage >= 0 && stage < plan.pipelineParallel(),
        "stage",
        stage,
        "must be in [0, pipelineParallel (" + plan.pipelineParallel() + "))");
    int inFlight =
        plan.pipelineSchedule() == PipelineSchedule.DUAL_PIPE
            ? plan.pipelineParallel() + 1
            : plan.pipelineParallel() - stage;
    return Math.min(inFlight, plan.microBatchesPerStep());
  }

  /**
   * Korthikanti et al. 2022 section 4.2.3's factor for the interleaved schedule, {@code 1 + (p - 1)/(p x m)}
   * with {@code m} virtual stages; 1 without interleaving.
   *
   * @param plan the plan
   */
  public static double interleavingFactor(ParallelismPlan plan) {
    if (plan.virtualPipelineStages() == 1) {
      return 1;
    }
    double p = plan.pipelineParallel();
    return 1 + (p - 1) / (p * plan.virtualPipelineStages());
  }

  /**
   * Activation bytes of the transformer layers that pipeline stage {@code stage} holds at its peak: the sum of
   * {@link #layerBytes} over its layers, times the micro-batches in flight, times the interleaving factor. For
   * the first stage with every stage equal this is eq. 5, {@code (sbhL/t)(34 + 5as/h)} under tensor and sequence
   * parallelism.
   *
   * @param architecture the model
   * @param plan the plan
   * @param stage the stage, from 0
   * @throws IllegalArgumentException if {@code stage} is outside the pipeline
   */
  public static double stageLayerBytes(Architecture architecture, ParallelismPlan plan, int stage) {
    return stageLayerBytes(architecture, plan, stage, 2);
  }

  /**
   * As {@link #stageLayerBytes(Architecture, ParallelismPlan, int)}, with linear-layer inputs stored at
   * {@code linearInputBytes} per element, plus the expert-parallel token-routing buffers of one sparse layer in
   * flight: the dispatched and the combined copies of the micro-batch's {@code k x sbh} routed tokens, in bf16
   * ({@code 2 x 2 x k x sbh}; Megatron-Core's all-to-all token dispatcher keeps the permuted input and output of
   * the layer being run, not of every stored layer).
   *
   * @param architecture the model
   * @param plan the plan
   * @param stage the stage, from 0
   * @param linearInputBytes bytes per element of the stored linear-layer inputs
   * @throws IllegalArgumentException if {@code stage} is outside the pipeline
   */
  public static double stageLayerBytes(
      Architecture architecture, ParallelismPlan plan, int stage, double linearInputBytes) {
    checkArgument(
        stage >= 0 && stage < plan.pipelineParallel(),
        "stage (%s) must be in [0, pipelineParallel (%s))",
        stage,
        plan.pipelineParallel());
    PipelineLayout layout = plan.pipelineLayout(architecture.numLayers());
    double perMicroBatch = 0;
    boolean sparse = false;
    for (int layer = 0; layer < architecture.numLayers(); layer++) {
      if (layout.stageOf(layer) == stage) {
        perMicroBatch += layerBytes(architecture, layer, plan, layout, linearInputBytes);
        sparse |= architecture.isSparseLayer(layer);
      }
    }
    double routing = 0;
    if (sparse && plan.expertParallel() > 1) {
      double sb = (double) plan.sequenceLength() / plan.contextParallel() * plan.microBatchSize();
      MixtureOfExperts moe = (MixtureOfExperts) architecture.feedForward();
      routing = 2 * 2 * moe.expertsPerToken() * sb * architecture.hiddenSize() / plan.tensorParallel();
    }
    return perMicroBatch * microBatchesInFlight(plan, stage) * interleavingFactor(plan) + routing;
  }

  /**
   * Activation bytes outside the transformer layers, Korthikanti et al. 2022 section 4.3: on the first stage the
   * input embedding's dropout masks for the micro-batches in flight, {@code sbhp/t}; on the stage holding the
   * output layer (the last one) {@code (4sbh/t)(1 + v/h)}, the final norm, the output layer's input and the fp32
   * logits {@code 4sbv/t}. With {@code p = 1} one stage holds both, which is the paper's
   * {@code (sbhL/t)(p/L + (4/L)(1 + v/h))}.
   *
   * @param architecture the model
   * @param plan the plan
   * @param stage the stage, from 0
   */
  public static double stageEmbeddingAndOutputBytes(
      Architecture architecture, ParallelismPlan plan, int stage) {
    double sb = (double) plan.sequenceLength() / plan.contextParallel() * plan.microBatchSize();
    double h = architecture.hiddenSize();
    double t = plan.tensorParallel();
    double bytes = 0;
    PipelineLayout layout = plan.pipelineLayout(architecture.numLayers());
    if (layout.holdsEmbedding(stage)) {
      bytes += sb * h * microBatchesInFlight(plan, 0) / t;
    }
    if (layout.holdsHead(stage)) {
      bytes += 4 * sb * h / t * (1 + (double) architecture.vocabSize() / h);
    }
    return bytes;
  }
}
