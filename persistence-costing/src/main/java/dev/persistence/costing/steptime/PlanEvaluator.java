package dev.persistence.costing.steptime;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.RecomputedModule;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.core.parallelism.ZeroStage;
import java.util.Set;

/**
 * The step-time model's allocation-free path, behind a small typed face, for plan searches that time millions of
 * plans: {@link #layerCosts} once per layer shape (tensor, context and expert degrees, micro-batch, sequence,
 * sequence parallelism), then {@link #stepSeconds} per pipeline, data-parallel, recomputation and ZeRO choice,
 * which allocates nothing. It gives the same step time as {@link StepTimeModel#estimate} for the plans both can
 * describe (named recomputation settings, recomputation of the {@link #MEMORY_BOUND_MODULES} alone, 1F1B,
 * interleaved or DualPipe schedules, the default pipeline split); plans with other module sets or an explicit split
 * go through {@code estimate}.
 *
 * <p>Instances are immutable and thread-safe; {@link LayerCosts} are immutable once made.
 */
public final class PlanEvaluator {

  /**
   * The cheap module-level recomputation a search also tries: the norms and the MLP activation, memory-bound
   * kernels whose outputs are large (Megatron-Core {@code --recompute-granularity selective --recompute-modules
   * layernorm mlp}; TorchTitan's op-level selective AC keeps the matmul outputs and recomputes the elementwise
   * ops between them), as a plan's {@code SELECTIVE} recomputation with these {@code recomputedModules}.
   */
  public static final Set<RecomputedModule> MEMORY_BOUND_MODULES =
      Set.of(RecomputedModule.NORMS, RecomputedModule.MLP_ACTIVATION);

  /** Index of the memory-bound-modules setting in the per-setting arrays, after the named settings. */
  private static final int MEMORY_BOUND = ActivationRecomputation.values().length;

  private final StepTimeModel model;

  private PlanEvaluator(StepTimeModel model) {
    this.model = model;
  }

  /** The evaluator of a step-time model. */
  public static PlanEvaluator of(StepTimeModel model) {
    checkArgument(model != null, "model must not be null");
    return new PlanEvaluator(model);
  }

  /** The model evaluated. */
  public StepTimeModel model() {
    return model;
  }

  /**
   * The costs of one transformer layer, the embedding and the output layer for one micro-batch on one rank.
   *
   * @param tensorParallel tensor-parallel degree
   * @param contextParallel context-parallel degree
   * @param expertParallel expert-parallel degree
   * @param microBatchSize sequences per micro-batch
   * @param sequenceLength tokens per sequence
   * @param sequenceParallel whether sequence parallelism is on
   * @throws IllegalArgumentException if a degree or size is not positive
   */
  public LayerCosts layerCosts(
      int tensorParallel,
      int contextParallel,
      int expertParallel,
      int microBatchSize,
      int sequenceLength,
      boolean sequenceParallel) {
    return layerCosts(tensorParallel, contextParallel, expertParallel, microBatchSize, sequenceLength,
        sequenceParallel, TensorParallelCommunication.OVERLAPPED);
  }

  /**
   * {@link #layerCosts(int, int, int, int, int, boolean)} with the plan's tensor-parallel communication
   * ({@code OVERLAPPED} there).
   *
   * @param tensorParallelCommunication whether the tensor-parallel collectives are overlapped with the GEMMs
   * @throws IllegalArgumentException if a degree or size is not positive or the communication is null
   */
  public LayerCosts layerCosts(
      int tensorParallel,
      int contextParallel,
      int expertParallel,
      int microBatchSize,
      int sequenceLength,
      boolean sequenceParallel,
      TensorParallelCommunication tensorParallelCommunication) {
    checkArgument(tensorParallelCommunication != null, "tensorParallelCommunication must not be null");
    Checks.positive("tensorParallel", tensorParallel);
    Checks.positive("contextParallel", contextParallel);
    Checks.positive("expertParallel", expertParallel);
    Checks.positive("microBatchSize", microBatchSize);
    Checks.positive("sequenceLength", sequenceLength);
    double[] values = new double[StepTimeModel.LAYER_COSTS_SIZE];
    model.layerCosts(
        tensorParallel, contextParallel, expertParallel, microBatchSize, sequenceLength, sequenceParallel,
        tensorParallelCommunication == TensorParallelCommunication.FORWARD_EXPOSED, values);
    return new LayerCosts(tensorParallel, contextParallel, expertParallel, microBatchSize, values);
  }

  /**
   * Seconds of one optimizer step. Allocates nothing. The caller has validated the plan (degrees that multiply
   * to its accelerators, a batch that divides).
   *
   * @param layer the layer costs of the plan's shape
   * @param pipelineParallel pipeline stages
   * @param virtualStages virtual stages per pipeline rank
   * @param dataParallel data-parallel degree
   * @param globalBatchSize sequences per step
   * @param recomputation the recomputation setting
   * @param zeroStage the ZeRO stage
   * @param optimizerOffload whether optimizer states live on the host
   * @param offloadedActivationBytes activation bytes per micro-batch moved to the host and back (0 for none)
   */
  public double stepSeconds(
      LayerCosts layer,
      int pipelineParallel,
      int virtualStages,
      int dataParallel,
      int globalBatchSize,
      ActivationRecomputation recomputation,
      ZeroStage zeroStage,
      boolean optimizerOffload,
      double offloadedActivationBytes) {
    return stepSeconds(layer, pipelineParallel, virtualStages, dataParallel, globalBatchSize,
        recomputation.ordinal(), false, zeroStage, optimizerOffload, offloadedActivationBytes);
  }

  /**
   * {@link #stepSeconds(LayerCosts, int, int, int, int, ActivationRecomputation, ZeroStage, boolean, double)} for
   * the recomputation of the {@link #MEMORY_BOUND_MODULES} alone (a plan's {@code SELECTIVE} with those modules).
   * Allocates nothing.
   */
  public double stepSecondsRecomputingMemoryBoundModules(
      LayerCosts layer,
      int pipelineParallel,
      int virtualStages,
      int dataParallel,
      int globalBatchSize,
      ZeroStage zeroStage,
      boolean optimizerOffload,
      double offloadedActivationBytes) {
    return stepSeconds(layer, pipelineParallel, virtualStages, dataParallel, globalBatchSize, MEMORY_BOUND,
        false, zeroStage, optimizerOffload, offloadedActivationBytes);
  }

  /**
   * Seconds of one optimizer step under the DualPipe schedule (a plan's {@code PipelineSchedule.DUAL_PIPE}: an
   * even pipeline degree, no virtual stages; the caller has checked both): its bubble, and the expert all-to-alls
   * and pipeline transfers hidden behind the overlapped forward and backward chunks. {@code memoryBoundModules}
   * selects the recomputation of the {@link #MEMORY_BOUND_MODULES} alone in place of {@code recomputation}.
   * Allocates nothing.
   */
  public double stepSecondsDualPipe(
      LayerCosts layer,
      int pipelineParallel,
      int dataParallel,
      int globalBatchSize,
      ActivationRecomputation recomputation,
      boolean memoryBoundModules,
      ZeroStage zeroStage,
      boolean optimizerOffload,
      double offloadedActivationBytes) {
    return stepSeconds(layer, pipelineParallel, 1, dataParallel, globalBatchSize,
        memoryBoundModules ? MEMORY_BOUND : recomputation.ordinal(), true, zeroStage, optimizerOffload,
        offloadedActivationBytes);
  }

  private double stepSeconds(
      LayerCosts layer,
      int pipelineParallel,
      int virtualStages,
      int dataParallel,
      int globalBatchSize,
      int r,
      boolean dualPipe,
      ZeroStage zeroStage,
      boolean optimizerOffload,
      double offloadedActivationBytes) {
    return model.stepSeconds(
        layer.values,
        layer.tensorParallel,
        pipelineParallel,
        virtualStages,
        dataParallel,
        layer.contextParallel,
        layer.expertParallel,
        layer.microBatchSize,
        globalBatchSize,
        layer.recompute[r],
        layer.recomputeCommunication[r],
        layer.mixerRecompute[r],
        layer.mixerRecomputeCommunication[r],
        layer.feedForwardOnlyRecompute[r],
        dualPipe,
        r == ActivationRecomputation.FULL.ordinal(),
        zeroStage.stage(),
        optimizerOffload,
        // The plan search never offloads parameters (ZeRO-3 parameter offload is a setting a recipe names).
        false,
        offloadedActivationBytes,
        null);
  }

  /** One layer shape's costs, from {@link #layerCosts}. */
  public static final class LayerCosts {
    private final int tensorParallel;
    private final int contextParallel;
    private final int expertParallel;
    private final int microBatchSize;
    private final double[] values;
    private final double[] recompute;
    private final double[] recomputeCommunication;
    private final double[] mixerRecompute;
    private final double[] mixerRecomputeCommunication;
    private final double[] feedForwardOnlyRecompute;

    private LayerCosts(
        int tensorParallel, int contextParallel, int expertParallel, int microBatchSize, double[] values) {
      this.tensorParallel = tensorParallel;
      this.contextParallel = contextParallel;
      this.expertParallel = expertParallel;
      this.microBatchSize = microBatchSize;
      this.values = values;
      ActivationRecomputation[] kinds = ActivationRecomputation.values();
      recompute = new double[kinds.length + 1];
      recomputeCommunication = new double[kinds.length + 1];
      mixerRecompute = new double[kinds.length + 1];
      mixerRecomputeCommunication = new double[kinds.length + 1];
      feedForwardOnlyRecompute = new double[kinds.length + 1];
      // The memory-bound modules: their kernels again, no communication, in attention and mixer layers alike.
      double memoryBound = values[StepTimeModel.NORM_SECONDS] + values[StepTimeModel.ACTIVATION_FUNCTION_SECONDS];
      recompute[MEMORY_BOUND] = memoryBound;
      mixerRecompute[MEMORY_BOUND] = memoryBound;
      feedForwardOnlyRecompute[MEMORY_BOUND] = memoryBound;
      for (ActivationRecomputation kind : kinds) {
        recompute[kind.ordinal()] = StepTimeModel.recomputeSeconds(values, kind);
        recomputeCommunication[kind.ordinal()] = StepTimeModel.recomputeCommunicationSeconds(values, kind);
        mixerRecompute[kind.ordinal()] = StepTimeModel.mixerRecomputeSeconds(values, kind);
        mixerRecomputeCommunication[kind.ordinal()] =
            StepTimeModel.mixerRecomputeCommunicationSeconds(values, kind);
        feedForwardOnlyRecompute[kind.ordinal()] = StepTimeModel.feedForwardOnlyRecomputeSeconds(values, kind);
      }
    }

    /** Tensor-parallel degree of the shape. */
    public int tensorParallel() {
      return tensorParallel;
    }

    /** Context-parallel degree of the shape. */
    public int contextParallel() {
      return contextParallel;
    }

    /** Expert-parallel degree of the shape. */
    public int expertParallel() {
      return expertParallel;
    }

    /** Sequences per micro-batch of the shape. */
    public int microBatchSize() {
      return microBatchSize;
    }

    /** Seconds of one layer's forward pass for one micro-batch, communication excluded. */
    public double forwardComputeSeconds() {
      return values[StepTimeModel.FORWARD_COMPUTE];
    }
  }
}
