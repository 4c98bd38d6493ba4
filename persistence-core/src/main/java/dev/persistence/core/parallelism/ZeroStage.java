package dev.persistence.core.parallelism;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How much of the model state data-parallel ranks shard among themselves (Rajbhandari et al. 2020, ZeRO,
 * arXiv:1910.02054 section 5: P_os, P_os+g, P_os+g+p). PyTorch FSDP's full sharding is stage 3.
 */
public enum ZeroStage {
  /** Stage 0: everything replicated (plain data parallelism). */
  NONE(0),
  /** Stage 1: optimizer states and master weights sharded (Megatron's distributed optimizer). */
  OPTIMIZER_STATES(1),
  /** Stage 2: gradients sharded as well. */
  GRADIENTS(2),
  /** Stage 3: parameters sharded as well (PyTorch FSDP FULL_SHARD). */
  PARAMETERS(3);

  private final int stage;

  ZeroStage(int stage) {
    this.stage = stage;
  }

  /** The stage number, 0 to 3. */
  public int stage() {
    return stage;
  }

  /** Whether optimizer states and master weights are sharded (stage 1 and up). */
  public boolean shardsOptimizerStates() {
    return stage >= 1;
  }

  /** Whether gradients are sharded (stage 2 and up). */
  public boolean shardsGradients() {
    return stage >= 2;
  }

  /** Whether weights are sharded (stage 3). */
  public boolean shardsWeights() {
    return stage >= 3;
  }

  /**
   * The stage with this number.
   *
   * @param zeroStage 0, 1, 2 or 3
   * @throws IllegalArgumentException if {@code zeroStage} is not in [0, 3]
   */
  public static ZeroStage of(int zeroStage) {
    checkArgument(zeroStage >= 0 && zeroStage <= 3, "zeroStage (%s) must be in [0, 3]", zeroStage);
    return values()[zeroStage];
  }
}
