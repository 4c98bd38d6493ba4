package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.Offload;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.costing.steptime.ShardedGathers;

/**
 * How a stage's training accelerators are split: tensor and pipeline degrees (data parallelism takes the rest),
 * optimizer sharding, micro-batch and recomputation. The default, {@link #ZERO3}, is what open post-training stacks
 * (open-instruct, OpenRLHF, veRL, TRL) run: DeepSpeed ZeRO-3 or FSDP full sharding, one sequence per
 * micro-batch, full activation checkpointing (the layout the calibration was fitted with; a micro-batch of 0 lets
 * the estimator take the fastest that fits instead).
 *
 * @param tensorParallel tensor-parallel degree, {@code > 0}
 * @param pipelineParallel pipeline-parallel degree, {@code > 0}
 * @param expertParallel expert-parallel degree (mixtures of experts; within data parallelism), {@code > 0}
 * @param zeroStage optimizer, gradient and parameter sharding across data-parallel ranks
 * @param microBatchSize sequences per micro-batch; 0 for the fastest power of two that fits (up to each rank's
 *     share of the batch), what a team tunes
 * @param recomputation which activations the backward pass recomputes
 * @param shardedGathers how a ZeRO-3 trainer issues its gathers and reduce-scatters: FSDP units (the default) or
 *     DeepSpeed buckets with the recipe's bucket settings ({@link ShardedGathers})
 * @param offload what lives in host memory ({@link Offload}): nothing (the default), the optimizer
 *     (ZeRO-Offload, DeepSpeed {@code offload_optimizer}), or the optimizer and, under ZeRO-3, the parameters
 *     (ZeRO-Infinity, DeepSpeed {@code offload_param})
 */
public record TrainingLayout(
    int tensorParallel,
    int pipelineParallel,
    int expertParallel,
    ZeroStage zeroStage,
    int microBatchSize,
    ActivationRecomputation recomputation,
    ShardedGathers shardedGathers,
    Offload offload) {

  /**
   * ZeRO-3 / FSDP full sharding (Rajbhandari et al. 2020, arXiv:1910.02054 section 5, stage P_os+g+p; Zhao et al.
   * 2023, arXiv:2304.11277), pure data parallelism, micro-batch 1, full recomputation.
   */
  public static final TrainingLayout ZERO3 =
      new TrainingLayout(1, 1, 1, ZeroStage.PARAMETERS, 1, ActivationRecomputation.FULL);

  /**
   * A layout whose ZeRO-3 collectives follow FSDP's units ({@link ShardedGathers#FSDP_UNITS}).
   *
   * @throws IllegalArgumentException if a degree is not positive
   */
  public TrainingLayout(
      int tensorParallel,
      int pipelineParallel,
      int expertParallel,
      ZeroStage zeroStage,
      int microBatchSize,
      ActivationRecomputation recomputation) {
    this(
        tensorParallel,
        pipelineParallel,
        expertParallel,
        zeroStage,
        microBatchSize,
        recomputation,
        ShardedGathers.FSDP_UNITS);
  }

  /**
   * A layout that offloads nothing.
   *
   * @throws IllegalArgumentException if a degree is not positive
   */
  public TrainingLayout(
      int tensorParallel,
      int pipelineParallel,
      int expertParallel,
      ZeroStage zeroStage,
      int microBatchSize,
      ActivationRecomputation recomputation,
      ShardedGathers shardedGathers) {
    this(
        tensorParallel,
        pipelineParallel,
        expertParallel,
        zeroStage,
        microBatchSize,
        recomputation,
        shardedGathers,
        Offload.NONE);
  }

  /** This layout with its ZeRO-3 collectives issued by {@code convention}. */
  public TrainingLayout withShardedGathers(ShardedGathers convention) {
    return new TrainingLayout(
        tensorParallel, pipelineParallel, expertParallel, zeroStage, microBatchSize, recomputation, convention, offload);
  }

  /**
   * This layout with {@code value} in host memory.
   *
   * @throws IllegalArgumentException if {@code value} offloads parameters and the layout is not ZeRO-3
   */
  public TrainingLayout withOffload(Offload value) {
    return new TrainingLayout(
        tensorParallel, pipelineParallel, expertParallel, zeroStage, microBatchSize, recomputation, shardedGathers, value);
  }

  /**
   * Validates the layout.
   *
   * @throws IllegalArgumentException if a degree is not positive, or {@code offload} offloads parameters without
   *     ZeRO-3
   */
  public TrainingLayout {
    Checks.positive("tensorParallel", tensorParallel);
    Checks.positive("pipelineParallel", pipelineParallel);
    Checks.positive("expertParallel", expertParallel);
    checkArgument(zeroStage != null, "zeroStage must not be null");
    checkArgument(microBatchSize >= 0, "microBatchSize (%s) must be >= 0 (0: the fastest that fits)", microBatchSize);
    checkArgument(recomputation != null, "recomputation must not be null");
    checkArgument(shardedGathers != null, "shardedGathers must not be null");
    checkArgument(offload != null, "offload must not be null");
    // DeepSpeed offloads parameters only under stage 3 (ZeRO-Infinity, Rajbhandari et al. 2021 section 5).
    Checks.check(
        !offload.parameters() || zeroStage == ZeroStage.PARAMETERS,
        "offload",
        offload,
        "must be NONE or OPTIMIZER unless zeroStage is 3 (is " + zeroStage.stage() + ")");
  }
}
