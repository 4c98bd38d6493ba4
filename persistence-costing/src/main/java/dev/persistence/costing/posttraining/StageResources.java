package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.steptime.AttentionKernel;
import org.immutables.value.Value;

/**
 * Where a stage runs: its accelerators (the cluster: chip, node size, node count, scale-out network), their price,
 * how training splits them, how generation replicas are formed, and the calibration.
 */
@Value.Immutable
public abstract class StageResources implements StageSettings {

  /** Returns a new builder. */
  public static ImmutableStageResources.Builder builder() {
    return ImmutableStageResources.builder();
  }

  /** The chip, node size and network of the stage's accelerators. */
  public abstract Cluster cluster();

  /** Accelerators the stage holds, {@code > 0}; all of the cluster's by default. */
  @Value.Default
  public long accelerators() {
    return cluster().acceleratorCount();
  }

  /** Price of one accelerator-hour, US dollars, finite and {@code >= 0}. */
  public abstract double usdPerAcceleratorHour();

  /** Bytes per parameter and GEMM format of training; bf16 mixed precision with fp32 Adam by default. */
  @Value.Default
  public TrainingPrecision precision() {
    return TrainingPrecision.MIXED_BF16_ADAM;
  }

  /** The attention kernel of training; fused (FlashAttention) by default. */
  @Value.Default
  public AttentionKernel attentionKernel() {
    return AttentionKernel.FUSED;
  }

  /** The stage's accelerator count. */
  public long acceleratorCount() {
    return accelerators();
  }

  /**
   * Checks the rules of a valid {@code StageResources} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    checkArgument(
        accelerators() > 0 && accelerators() <= cluster().acceleratorCount(),
        "accelerators (%s) must be in [1, the cluster's %s]",
        accelerators(),
        cluster().acceleratorCount());
    Checks.nonNegative("usdPerAcceleratorHour", usdPerAcceleratorHour());
    Checks.positive("generationBatchLimit", generationBatchLimit());
    Checks.positive("generationTensorParallel", generationTensorParallel());
  }
}
