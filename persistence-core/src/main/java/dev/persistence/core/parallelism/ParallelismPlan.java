package dev.persistence.core.parallelism;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.ExactCounts;
import dev.persistence.core.hardware.Cluster;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How one training step is spread over accelerators: tensor, pipeline (with interleaved virtual stages), data,
 * context and expert parallel degrees, sequence parallelism, the ZeRO stage, micro-batching, activation
 * recomputation and offload.
 *
 * <p>The accelerator count is {@code tensor x pipeline x data x context}. Expert parallelism does not add
 * accelerators: as in Megatron-Core, the experts of a layer are spread over {@code expertParallel x
 * expertTensorParallel} ranks carved out of the {@code tensor x data x context} ranks of a stage, which that
 * product must divide.
 *
 * <p>Rules that need only the plan are checked at construction; rules that need the model or the cluster are
 * checked by {@link #validateFor(Architecture, long)}. Each failure is an {@link IllegalArgumentException} naming
 * the rule.
 */
@Value.Immutable
public abstract class ParallelismPlan {

  /** Returns a new builder. */
  public static ImmutableParallelismPlan.Builder builder() {
    return ImmutableParallelismPlan.builder();
  }

  /** Tensor-parallel degree ({@code t} in Korthikanti et al. 2022). */
  @Value.Default
  public int tensorParallel() {
    return 1;
  }

  /** Pipeline-parallel degree ({@code p}). */
  @Value.Default
  public int pipelineParallel() {
    return 1;
  }

  /**
   * Model chunks per pipeline rank under the interleaved 1F1B schedule (Narayanan et al. 2021, arXiv:2104.04473
   * section 2.2.2; {@code m} in Korthikanti et al. 2022 section 4.2.3); 1 for plain 1F1B.
   */
  @Value.Default
  public int virtualPipelineStages() {
    return 1;
  }

  /** Data-parallel degree (replicas, or ZeRO/FSDP shards). */
  @Value.Default
  public int dataParallel() {
    return 1;
  }

  /** Context-parallel degree: the sequence split across ranks for attention (ring attention). */
  @Value.Default
  public int contextParallel() {
    return 1;
  }

  /** Expert-parallel degree: ranks the routed experts of a layer are spread over. */
  @Value.Default
  public int expertParallel() {
    return 1;
  }

  /**
   * Tensor-parallel degree inside each expert (Megatron-Core {@code --expert-tensor-parallel-size}); defaults to
   * {@link #tensorParallel()}. With MoE parallel folding (Liu et al. 2025, arXiv:2504.14960) the
   * {@code expertParallel x expertTensorParallel} expert ranks are carved out of the
   * {@code tensor x data x context} ranks of one pipeline stage.
   */
  @Value.Default
  public int expertTensorParallel() {
    return tensorParallel();
  }

  /**
   * Whether sequence parallelism splits the norm and dropout activations across the tensor-parallel ranks
   * (Korthikanti et al. 2022 section 4.2.2).
   */
  @Value.Default
  public boolean sequenceParallel() {
    return false;
  }

  /**
   * Whether the tensor-parallel collectives of both passes run beside GEMMs
   * ({@link TensorParallelCommunication#OVERLAPPED}, the default: Megatron-Core's {@code tp_comm_overlap} as the
   * NeMo and Megatron-Bridge recipes set it, TorchTitan's async TP) or the forward pass's run between its GEMMs
   * ({@link TensorParallelCommunication#FORWARD_EXPOSED}: Megatron-LM without {@code --tp-comm-overlap},
   * TorchTitan by default). Nothing changes when {@link #tensorParallel()} is 1.
   */
  @Value.Default
  public TensorParallelCommunication tensorParallelCommunication() {
    return TensorParallelCommunication.OVERLAPPED;
  }

  /** ZeRO stage over the data-parallel ranks ({@link ZeroStage#PARAMETERS} is FSDP). */
  @Value.Default
  public ZeroStage zeroStage() {
    return ZeroStage.NONE;
  }

  /** Sequences per micro-batch ({@code b}). */
  public abstract int microBatchSize();

  /** Sequences per optimizer step, across all data-parallel ranks. */
  public abstract int globalBatchSize();

  /** Tokens per sequence ({@code s}). */
  public abstract int sequenceLength();

  /** Which activations are recomputed in the backward pass. */
  @Value.Default
  public ActivationRecomputation recomputation() {
    return ActivationRecomputation.NONE;
  }

  /**
   * Whether the attention core runs as one fused kernel that never stores the {@code s x s} scores (Dao et al.
   * 2022, FlashAttention, arXiv:2205.14135, section 3: memory linear in the sequence length); false reproduces the
   * unfused Megatron-LM attention that Korthikanti et al. 2022 measure.
   */
  @Value.Default
  public boolean fusedAttention() {
    return false;
  }

  /**
   * The pipeline schedule ({@link PipelineSchedule#ONE_F_ONE_B} by default, interleaved when
   * {@link #virtualPipelineStages()} is above 1).
   */
  @Value.Default
  public PipelineSchedule pipelineSchedule() {
    return PipelineSchedule.ONE_F_ONE_B;
  }

  /**
   * The modules whose activations are recomputed, in the layers that are not fully recomputed, as set: empty by
   * default, which under {@link ActivationRecomputation#SELECTIVE} means {@link RecomputedModule#CORE_ATTENTION}
   * (Korthikanti et al.'s selective recomputation). Set it to describe a recipe such as DeepSeek-V3's
   * ({@code NORMS, MLA_UP_PROJECTION, MLP_ACTIVATION}) or Megatron-Core's {@code --recompute-modules}; it needs
   * {@code SELECTIVE} or {@code FULL} (with {@link #fullyRecomputedLayersPerChunk()}).
   */
  public abstract Set<RecomputedModule> recomputedModules();

  /** The modules recomputed in layers that are not fully recomputed: {@link #recomputedModules()} as resolved. */
  public Set<RecomputedModule> effectiveRecomputedModules() {
    if (recomputedModules().isEmpty() && recomputation() == ActivationRecomputation.SELECTIVE) {
      return EnumSet.of(RecomputedModule.CORE_ATTENTION);
    }
    return recomputedModules();
  }

  /**
   * Under {@link ActivationRecomputation#FULL}, how many layers of each (virtual) chunk are fully recomputed,
   * counted from the chunk's first layer (Megatron-LM {@code --recompute-method block --recompute-num-layers N});
   * empty means every layer. The other layers store their activations, less {@link #recomputedModules()}.
   */
  public abstract OptionalInt fullyRecomputedLayersPerChunk();

  /**
   * An explicit pipeline split, layers per chunk in layer order ({@code p x v} entries); empty for
   * {@link PipelineLayout#balanced the default split}.
   */
  public abstract List<Integer> layersPerChunk();

  /** The plan's pipeline layout for a model of {@code numLayers} layers. */
  public PipelineLayout pipelineLayout(int numLayers) {
    if (layersPerChunk().isEmpty()) {
      return PipelineLayout.balanced(numLayers, pipelineParallel(), virtualPipelineStages());
    }
    PipelineLayout layout =
        PipelineLayout.ofChunks(pipelineParallel(), virtualPipelineStages(), layersPerChunk(), 0);
    checkArgument(
        layout.numLayers() == numLayers,
        "layersPerChunk sums to %s layers; the model has %s",
        layout.numLayers(),
        numLayers);
    return layout;
  }

  /**
   * Whether layer {@code layer} is fully recomputed under this plan.
   *
   * @param layout the plan's layout for the model
   * @param layer the layer, from 0
   */
  public boolean fullyRecomputes(PipelineLayout layout, int layer) {
    if (recomputation() != ActivationRecomputation.FULL) {
      return false;
    }
    return fullyRecomputedLayersPerChunk().isEmpty()
        || layout.amongFirstOfChunk(layer, fullyRecomputedLayersPerChunk().getAsInt());
  }

  /**
   * How the routed tokens of a mixture-of-experts layer reach the expert-parallel ranks:
   * {@link TokenDispatcher#ALL_TO_ALL} (one copy per selected expert) by default, or
   * {@link TokenDispatcher#DEEP_EP} (one copy per node and per rank that holds a selected expert).
   */
  @Value.Default
  public TokenDispatcher tokenDispatcher() {
    return TokenDispatcher.ALL_TO_ALL;
  }

  /**
   * Which experts the router picks for each token, as the dispatch sees it: {@link ExpertRouting#UNIFORM} by
   * default; {@link ExpertRouting#CONTIGUOUS} for benchmarks that route by a fixed balanced pattern.
   */
  @Value.Default
  public ExpertRouting expertRouting() {
    return ExpertRouting.UNIFORM;
  }

  /**
   * Whether the expert dispatch and combine run beside other compute (Megatron-Core's
   * {@code --overlap-moe-expert-parallel-comm}, which runs one micro-batch's all-to-all beside another's
   * attention and experts; DeepSeek-V3's DualPipe): true by default. False where the compute stream waits for each
   * dispatch and combine, as NeMo AutoModel's DeepEP path does
   * ({@code nemo_automodel/components/moe/megatron/fused_a2a.py} at
   * NVIDIA-NeMo/Automodel@01926a5c443b7979463c73341bf64adf79de638e: {@code after_event_overlap.current_stream_wait()}
   * inside the dispatch), so that only the shared experts, which it runs on a side stream
   * ({@code layers.py} {@code _shared_experts_stream}), hide them.
   */
  @Value.Default
  public boolean expertCommunicationOverlap() {
    return true;
  }

  /** Whether master weights and optimizer states live in host memory (ZeRO-Offload, Ren et al. 2021). */
  @Value.Default
  public boolean optimizerOffload() {
    return false;
  }

  /** Whether stored activations are moved to host memory between forward and backward. */
  @Value.Default
  public boolean activationOffload() {
    return false;
  }

  /**
   * Whether the sharded 16-bit parameters live in host memory as well (ZeRO-Infinity, Rajbhandari et al. 2021,
   * arXiv:2104.07857 section 5; DeepSpeed's {@code offload_param}): needs {@link #optimizerOffload} and ZeRO-3.
   */
  @Value.Default
  public boolean parameterOffload() {
    return false;
  }

  /** The plan's offload, {@link Offload#NONE} to {@link Offload#OPTIMIZER_AND_PARAMETERS}. */
  public Offload offload() {
    if (parameterOffload()) {
      return Offload.OPTIMIZER_AND_PARAMETERS;
    }
    return optimizerOffload() ? Offload.OPTIMIZER : Offload.NONE;
  }

  /**
   * Checks the rules of a valid {@code ParallelismPlan} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("tensorParallel", tensorParallel());
    Checks.positive("pipelineParallel", pipelineParallel());
    Checks.positive("virtualPipelineStages", virtualPipelineStages());
    checkArgument(
        virtualPipelineStages() == 1 || pipelineParallel() > 1,
        "virtualPipelineStages (%s) needs pipelineParallel > 1 (is %s)",
        virtualPipelineStages(),
        pipelineParallel());
    Checks.positive("dataParallel", dataParallel());
    Checks.positive("contextParallel", contextParallel());
    Checks.positive("expertParallel", expertParallel());
    Checks.positive("expertTensorParallel", expertTensorParallel());
    long foldedRanks =
        ExactCounts.of(
            "tensorParallel x dataParallel x contextParallel",
            ExactCounts.inputs(
                "tensorParallel", tensorParallel(), "dataParallel", dataParallel(), "contextParallel", contextParallel()),
            () -> ExactCounts.times(ExactCounts.times(tensorParallel(), dataParallel()), contextParallel()));
    checkArgument(
        foldedRanks % ((long) expertParallel() * expertTensorParallel()) == 0,
        "expertParallel x expertTensorParallel (%s x %s) must divide tensorParallel x dataParallel x"
            + " contextParallel (%s): the expert groups fold over those ranks (Megatron-Core MoE parallel folding)",
        expertParallel(),
        expertTensorParallel(),
        foldedRanks);
    Checks.positive("microBatchSize", microBatchSize());
    Checks.positive("globalBatchSize", globalBatchSize());
    checkArgument(
        globalBatchSize() % ((long) microBatchSize() * dataParallel()) == 0,
        "globalBatchSize (%s) must be a multiple of microBatchSize x dataParallel (%s x %s = %s)",
        globalBatchSize(),
        microBatchSize(),
        dataParallel(),
        (long) microBatchSize() * dataParallel());
    checkArgument(
        pipelineSchedule() != PipelineSchedule.DUAL_PIPE
            || (pipelineParallel() % 2 == 0 && virtualPipelineStages() == 1),
        "pipelineSchedule DUAL_PIPE needs an even pipelineParallel (is %s) and virtualPipelineStages 1 (is %s)",
        pipelineParallel(),
        virtualPipelineStages());
    checkArgument(
        recomputedModules().isEmpty() || recomputation() != ActivationRecomputation.NONE,
        "recomputedModules (%s) needs recomputation SELECTIVE or FULL (is NONE)",
        recomputedModules());
    checkArgument(
        fullyRecomputedLayersPerChunk().isEmpty()
            || (fullyRecomputedLayersPerChunk().getAsInt() >= 0
                && recomputation() == ActivationRecomputation.FULL),
        "fullyRecomputedLayersPerChunk (%s) must be >= 0 and needs recomputation FULL (is %s)",
        fullyRecomputedLayersPerChunk(),
        recomputation());
    checkArgument(
        layersPerChunk().isEmpty()
            || layersPerChunk().size() == (long) pipelineParallel() * virtualPipelineStages(),
        "layersPerChunk has %s entries; it must have pipelineParallel x virtualPipelineStages (%s)",
        layersPerChunk().size(),
        (long) pipelineParallel() * virtualPipelineStages());
    // DeepSpeed offloads parameters only under stage 3, and only with the optimizer (ZeRO-Infinity section 5).
    Checks.check(
        !parameterOffload() || (optimizerOffload() && zeroStage() == ZeroStage.PARAMETERS),
        "parameterOffload",
        parameterOffload(),
        "needs optimizerOffload true (is " + optimizerOffload() + ") and zeroStage 3 (is " + zeroStage().stage() + ")");
    Checks.positive("sequenceLength", sequenceLength());
    checkArgument(
        sequenceLength() % contextParallel() == 0,
        "contextParallel (%s) must divide sequenceLength (%s)",
        contextParallel(),
        sequenceLength());
  }

  /** Accelerators the plan occupies, {@code tensor x pipeline x data x context}. */
  public long acceleratorCount() {
    return ExactCounts.of(
        "accelerators of the parallelism plan",
        ExactCounts.inputs(
            "tensorParallel", tensorParallel(),
            "pipelineParallel", pipelineParallel(),
            "dataParallel", dataParallel(),
            "contextParallel", contextParallel()),
        () -> ExactCounts.product(tensorParallel(), pipelineParallel(), dataParallel(), contextParallel()));
  }

  /** Micro-batches each data-parallel rank runs per step (gradient-accumulation steps). */
  public int microBatchesPerStep() {
    return globalBatchSize() / (microBatchSize() * dataParallel());
  }

  /** Tokens per optimizer step, {@code globalBatchSize x sequenceLength}. */
  public long globalBatchTokens() {
    return (long) globalBatchSize() * sequenceLength();
  }

  /**
   * Ranks the non-expert model state is sharded over under ZeRO: {@code data x context} (Megatron-Core shards
   * its distributed optimizer over the data- and context-parallel group).
   */
  public long dataShardingDegree() {
    return (long) dataParallel() * contextParallel();
  }

  /**
   * Ranks the expert model state is sharded over under ZeRO: {@code tensor x data x context / (expert x
   * expertTensor)}, which is {@code data x context / expert} when the expert tensor degree equals the tensor
   * degree.
   */
  public long expertDataShardingDegree() {
    return (long) tensorParallel() * dataParallel() * contextParallel()
        / ((long) expertParallel() * expertTensorParallel());
  }

  /**
   * Checks the rules that need the model and the accelerator count.
   *
   * @param architecture the model trained
   * @param acceleratorCount accelerators available
   * @return this plan
   * @throws IllegalArgumentException if the degrees do not multiply to {@code acceleratorCount}, tensor
   *     parallelism does not divide the attention heads, pipeline parallelism (times the virtual stages) exceeds
   *     the layers, or expert parallelism does not divide the experts (or is not 1 for a dense model)
   */
  public ParallelismPlan validateFor(Architecture architecture, long acceleratorCount) {
    checkArgument(
        acceleratorCount() == acceleratorCount,
        "tensorParallel x pipelineParallel x dataParallel x contextParallel (%s x %s x %s x %s = %s) must equal"
            + " the accelerator count (%s)",
        tensorParallel(),
        pipelineParallel(),
        dataParallel(),
        contextParallel(),
        acceleratorCount(),
        acceleratorCount);
    int heads = architecture.attention().numAttentionHeads();
    checkArgument(
        heads % tensorParallel() == 0,
        "tensorParallel (%s) must divide numAttentionHeads (%s)",
        tensorParallel(),
        heads);
    PipelineLayout.requirePlannableDepth(architecture.numLayers());
    checkArgument(
        pipelineParallel() <= architecture.numLayers(),
        "pipelineParallel (%s) must not exceed numLayers (%s)",
        pipelineParallel(),
        architecture.numLayers());
    // Throws, naming the rule, when the chunks cannot hold the layers.
    pipelineLayout(architecture.numLayers());
    if (architecture.feedForward() instanceof MixtureOfExperts) {
      int experts = ((MixtureOfExperts) architecture.feedForward()).numExperts();
      checkArgument(
          experts % expertParallel() == 0,
          "expertParallel (%s) must divide numExperts (%s)",
          expertParallel(),
          experts);
    } else {
      checkArgument(
          expertParallel() == 1,
          "expertParallel (%s) must be 1 for a model without experts",
          expertParallel());
    }
    return this;
  }

  /**
   * Checks the plan against a model and every accelerator of a cluster.
   *
   * @param architecture the model trained
   * @param cluster the cluster it runs on
   * @return this plan
   * @throws IllegalArgumentException as {@link #validateFor(Architecture, long)}
   */
  public ParallelismPlan validateFor(Architecture architecture, Cluster cluster) {
    return validateFor(architecture, cluster.acceleratorCount());
  }

  /**
   * The layout in one line, as reports print it: {@code TP 8 x PP 12 (v 1) x DP 32 x CP 8 x EP 1, micro-batch 1,
   * ZeRO 1, no recomputation, sequence parallel, forward TP communication exposed, fused attention} (the flags
   * that are off, and the default overlapped TP communication, are left out). The batch shape
   * ({@link #globalBatchSize()} x {@link #sequenceLength()}) is left out of the line, not out of equality.
   */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "TP %d x PP %d (v %d) x DP %d x CP %d x EP %d, micro-batch %d, ZeRO %d, %s%s%s%s%s%s%s%s",
        tensorParallel(),
        pipelineParallel(),
        virtualPipelineStages(),
        dataParallel(),
        contextParallel(),
        expertParallel(),
        microBatchSize(),
        zeroStage().stage(),
        recomputationText(),
        pipelineSchedule() == PipelineSchedule.DUAL_PIPE ? ", DualPipe" : "",
        layersPerChunk().isEmpty() ? "" : ", layers per chunk " + layersPerChunk(),
        sequenceParallel() ? ", sequence parallel" : "",
        tensorParallelCommunication() == TensorParallelCommunication.FORWARD_EXPOSED
            ? ", forward TP communication exposed"
            : "",
        fusedAttention() ? ", fused attention" : "",
        activationOffload() ? ", activations offloaded" : "",
        parameterOffload() ? ", optimizer and parameters offloaded" : optimizerOffload() ? ", optimizer offloaded" : "");
  }

  /**
   * The recomputation as a reader needs it to rebuild the plan: the setting, the modules when they are not the
   * setting's default, and how many layers of each chunk a partial full recomputation covers.
   */
  private String recomputationText() {
    if (recomputation() == ActivationRecomputation.NONE) {
      return "no recomputation";
    }
    StringBuilder text =
        new StringBuilder(recomputation().name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .append(" recomputation");
    if (fullyRecomputedLayersPerChunk().isPresent()) {
      text.append(" of the first ").append(fullyRecomputedLayersPerChunk().getAsInt()).append(" layers per chunk");
    }
    if (!recomputedModules().isEmpty()) {
      text.append(" (");
      String separator = "";
      for (RecomputedModule module : RecomputedModule.values()) {
        if (!recomputedModules().contains(module)) {
          continue;
        }
        text.append(separator).append(module.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        separator = ", ";
      }
      text.append(')');
    }
    return text.toString();
  }
}
