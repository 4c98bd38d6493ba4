package dev.persistence.costing.search;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.core.flops.FlopConvention;

/**
 * What to search plans for.
 *
 * @param architecture the model
 * @param cluster the cluster; its accelerator count bounds {@code acceleratorCount}
 * @param precision the training precision
 * @param calibration the step-time calibration
 * @param attentionKernel the attention kernel
 * @param flopConvention how model FLOPs are counted for MFU
 * @param acceleratorCount accelerators to use (with {@link Objective#COST}, at most this many)
 * @param globalBatchSize sequences per step
 * @param sequenceLength tokens per sequence
 * @param objective what to minimize
 * @param top how many plans to return
 * @param allowance the memory allowance each plan must fit with
 * @param maxMicroBatchSize largest micro-batch tried
 * @param offload whether optimizer and activation offload are tried
 */
public record SearchRequest(
    Architecture architecture,
    Cluster cluster,
    TrainingPrecision precision,
    Calibration calibration,
    AttentionKernel attentionKernel,
    FlopConvention flopConvention,
    int acceleratorCount,
    int globalBatchSize,
    int sequenceLength,
    Objective objective,
    int top,
    MemoryAllowance allowance,
    int maxMicroBatchSize,
    boolean offload) {

  /**
   * Validates the request.
   *
   * @throws IllegalArgumentException if a count is not positive, the accelerators exceed the cluster's, or the
   *     accelerator has no dense peak in the precision's format
   */
  public SearchRequest {
    checkArgument(acceleratorCount > 0, "acceleratorCount (%s) must be > 0", acceleratorCount);
    checkArgument(
        acceleratorCount <= cluster.acceleratorCount(),
        "acceleratorCount (%s) must not exceed the cluster's accelerators (%s)",
        acceleratorCount,
        cluster.acceleratorCount());
    checkArgument(globalBatchSize > 0, "globalBatchSize (%s) must be > 0", globalBatchSize);
    checkArgument(sequenceLength > 0, "sequenceLength (%s) must be > 0", sequenceLength);
    checkArgument(top > 0, "top (%s) must be > 0", top);
    checkArgument(maxMicroBatchSize > 0, "maxMicroBatchSize (%s) must be > 0", maxMicroBatchSize);
    cluster.accelerator().densePeakFlopsPerSecond(precision.computeFormat());
  }

  /**
   * A request with the defaults: the accelerator's bundled calibration, unfused attention, exact FLOP counting,
   * the default memory allowance, micro-batches up to 16, offload tried, the top 5 plans by time.
   *
   * @param architecture the model
   * @param cluster the cluster
   * @param precision the training precision
   * @param acceleratorCount accelerators to use
   * @param globalBatchSize sequences per step
   * @param sequenceLength tokens per sequence
   */
  public static SearchRequest of(
      Architecture architecture,
      Cluster cluster,
      TrainingPrecision precision,
      int acceleratorCount,
      int globalBatchSize,
      int sequenceLength) {
    return new SearchRequest(
        architecture,
        cluster,
        precision,
        Calibration.forAccelerator(cluster.accelerator().name()),
        AttentionKernel.UNFUSED,
        FlopConvention.EXACT,
        acceleratorCount,
        globalBatchSize,
        sequenceLength,
        Objective.TIME,
        5,
        MemoryAllowance.PYTORCH_CUDA_TRAINING,
        16,
        true);
  }

  /** A copy with another objective. */
  public SearchRequest withObjective(Objective newObjective) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, flopConvention,
        acceleratorCount, globalBatchSize, sequenceLength, newObjective, top, allowance, maxMicroBatchSize, offload);
  }

  /** A copy returning {@code k} plans. */
  public SearchRequest withTop(int k) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, flopConvention,
        acceleratorCount, globalBatchSize, sequenceLength, objective, k, allowance, maxMicroBatchSize, offload);
  }

  /** A copy with another calibration. */
  public SearchRequest withCalibration(Calibration newCalibration) {
    return new SearchRequest(architecture, cluster, precision, newCalibration, attentionKernel, flopConvention,
        acceleratorCount, globalBatchSize, sequenceLength, objective, top, allowance, maxMicroBatchSize, offload);
  }
}
