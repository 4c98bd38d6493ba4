package dev.persistence.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;

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
    Checks.nonNegative("weightsBytes", weightsBytes);
    Checks.nonNegative("gradientsBytes", gradientsBytes);
    Checks.nonNegative("masterWeightsBytes", masterWeightsBytes);
    Checks.nonNegative("optimizerStatesBytes", optimizerStatesBytes);
    Checks.nonNegative("activationsBytes", activationsBytes);
    Checks.nonNegative("allowanceBytes", allowanceBytes);
    long sum =
        weightsBytes
            + gradientsBytes
            + masterWeightsBytes
            + optimizerStatesBytes
            + activationsBytes
            + allowanceBytes;
    checkArgument(totalBytes == sum, "totalBytes (%s) must equal the sum of the components (%s)", totalBytes, sum);
    Checks.positive("capacityBytes", capacityBytes);
    Checks.nonNegative("pipelineStage", pipelineStage);
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
