package dev.persistence.costing.posttraining;

import dev.persistence.core.check.Checks;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.Offload;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.costing.steptime.ShardedGathers;
import org.immutables.value.Value;

/**
 * How a stage's training accelerators are split: tensor and pipeline degrees (data parallelism takes the rest),
 * optimizer sharding, micro-batch and recomputation. Every field defaults to {@link #ZERO3}, what open
 * post-training stacks (open-instruct, OpenRLHF, veRL, TRL) run: DeepSpeed ZeRO-3 or FSDP full sharding, one
 * sequence per micro-batch, full activation checkpointing (the layout the calibration was fitted with; a
 * micro-batch of 0 lets the estimator take the fastest that fits instead).
 */
@Value.Immutable
public abstract class TrainingLayout {

  /** Returns a new builder; a field not set keeps {@link #ZERO3}'s value. */
  public static ImmutableTrainingLayout.Builder builder() {
    return ImmutableTrainingLayout.builder();
  }

  /**
   * ZeRO-3 / FSDP full sharding (Rajbhandari et al. 2020, arXiv:1910.02054 section 5, stage P_os+g+p; Zhao et al.
   * 2023, arXiv:2304.11277), pure data parallelism, micro-batch 1, full recomputation: the defaults.
   */
  public static final TrainingLayout ZERO3 = builder().build();

  /** Tensor-parallel degree, {@code > 0}; default 1. */
  @Value.Default
  public int tensorParallel() {
    return 1;
  }

  /** Pipeline-parallel degree, {@code > 0}; default 1. */
  @Value.Default
  public int pipelineParallel() {
    return 1;
  }

  /** Expert-parallel degree (mixtures of experts; within data parallelism), {@code > 0}; default 1. */
  @Value.Default
  public int expertParallel() {
    return 1;
  }

  /** Optimizer, gradient and parameter sharding across data-parallel ranks; default ZeRO-3. */
  @Value.Default
  public ZeroStage zeroStage() {
    return ZeroStage.PARAMETERS;
  }

  /**
   * Sequences per micro-batch; 0 for the fastest power of two that fits (up to each rank's share of the batch),
   * what a team tunes; default 1.
   */
  @Value.Default
  public int microBatchSize() {
    return 1;
  }

  /** Which activations the backward pass recomputes; default all of them. */
  @Value.Default
  public ActivationRecomputation recomputation() {
    return ActivationRecomputation.FULL;
  }

  /**
   * How a ZeRO-3 trainer issues its gathers and reduce-scatters: FSDP units (the default) or DeepSpeed buckets with
   * the recipe's bucket settings ({@link ShardedGathers}).
   */
  @Value.Default
  public ShardedGathers shardedGathers() {
    return ShardedGathers.FSDP_UNITS;
  }

  /**
   * What lives in host memory ({@link Offload}): nothing (the default), the optimizer (ZeRO-Offload, DeepSpeed
   * {@code offload_optimizer}), or the optimizer and, under ZeRO-3, the parameters (ZeRO-Infinity, DeepSpeed
   * {@code offload_param}).
   */
  @Value.Default
  public Offload offload() {
    return Offload.NONE;
  }

  /**
   * Validates the layout when one is built (Immutables {@code @Value.Check}).
   *
   * @throws IllegalArgumentException if a degree is not positive, or {@code offload} offloads parameters without
   *     ZeRO-3
   */
  @Value.Check
  protected void check() {
    Checks.positive("tensorParallel", tensorParallel());
    Checks.positive("pipelineParallel", pipelineParallel());
    Checks.positive("expertParallel", expertParallel());
    Checks.check(microBatchSize() >= 0, "microBatchSize", microBatchSize(), "must be >= 0 (0: the fastest that fits)");
    // DeepSpeed offloads parameters only under stage 3 (ZeRO-Infinity, Rajbhandari et al. 2021 section 5).
    Checks.check(
        !offload().parameters() || zeroStage() == ZeroStage.PARAMETERS,
        "offload",
        offload(),
        "must be NONE or OPTIMIZER unless zeroStage is 3 (is " + zeroStage().stage() + ")");
  }
}
