package dev.persistence.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What the most-loaded accelerator holds while training, in bytes, by component.
 *
 * <p>The components sum to {@link #totalBytes()}, which is checked at construction.
 *
 * @param weightsBytes the working weights
 * @param gradientsBytes the gradients
 * @param masterWeightsBytes the optimizer's master copy of the weights
 * @param optimizerStatesBytes the optimizer states (Adam's moments)
 * @param activationsBytes stored activations at the peak of the pipeline schedule
 * @param allowanceBytes framework workspace and fragmentation ({@link MemoryAllowance})
 * @param totalBytes the sum of the above
 * @param capacityBytes the accelerator's memory
 * @param pipelineStage the pipeline stage (from 0) this rank belongs to
 */
public record TrainingMemoryBreakdown(
    long weightsBytes,
    long gradientsBytes,
    long masterWeightsBytes,
    long optimizerStatesBytes,
    long activationsBytes,
    long allowanceBytes,
    long totalBytes,
    long capacityBytes,
    int pipelineStage) {

  /**
   * Validates the breakdown.
   *
   * @throws IllegalArgumentException if a component is negative or the components do not sum to the total
   */
  public TrainingMemoryBreakdown {
    checkArgument(weightsBytes >= 0, "weightsBytes (%s) must be >= 0", weightsBytes);
    checkArgument(gradientsBytes >= 0, "gradientsBytes (%s) must be >= 0", gradientsBytes);
    checkArgument(masterWeightsBytes >= 0, "masterWeightsBytes (%s) must be >= 0", masterWeightsBytes);
    checkArgument(optimizerStatesBytes >= 0, "optimizerStatesBytes (%s) must be >= 0", optimizerStatesBytes);
    checkArgument(activationsBytes >= 0, "activationsBytes (%s) must be >= 0", activationsBytes);
    checkArgument(allowanceBytes >= 0, "allowanceBytes (%s) must be >= 0", allowanceBytes);
    long sum =
        weightsBytes
            + gradientsBytes
            + masterWeightsBytes
            + optimizerStatesBytes
            + activationsBytes
            + allowanceBytes;
    checkArgument(totalBytes == sum, "totalBytes (%s) must equal the sum of the components (%s)", totalBytes, sum);
    checkArgument(capacityBytes > 0, "capacityBytes (%s) must be > 0", capacityBytes);
    checkArgument(pipelineStage >= 0, "pipelineStage (%s) must be >= 0", pipelineStage);
  }

  /** Master weights plus optimizer states: what the optimizer alone keeps. */
  public long optimizerBytes() {
    return masterWeightsBytes + optimizerStatesBytes;
  }

  /** Whether the total fits in the accelerator's memory. */
  public boolean fits() {
    return totalBytes <= capacityBytes;
  }

  /** Capacity left over (negative when it does not fit). */
  public long headroomBytes() {
    return capacityBytes - totalBytes;
  }
}
