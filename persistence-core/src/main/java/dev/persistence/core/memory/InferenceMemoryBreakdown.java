package dev.persistence.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What one accelerator holds while serving, in bytes. The components sum to {@link #totalBytes()}, checked at
 * construction.
 *
 * @param weightsBytes this rank's share of the weights, scales included
 * @param keyValueCacheBytes this rank's key/value cache
 * @param sequenceStateBytes this rank's share of the fixed per-sequence state of a hybrid or state-space stack's
 *     mixer layers ({@link KeyValueCache#stateBytesPerSequence}); 0 for an all-attention model
 * @param allowanceBytes workspace, transient activations and fragmentation ({@link MemoryAllowance})
 * @param totalBytes the sum of the above
 * @param capacityBytes the accelerator's memory
 */
public record InferenceMemoryBreakdown(
    long weightsBytes,
    long keyValueCacheBytes,
    long sequenceStateBytes,
    long allowanceBytes,
    long totalBytes,
    long capacityBytes) {

  /**
   * Validates the breakdown.
   *
   * @throws IllegalArgumentException if a component is negative or the components do not sum to the total
   */
  public InferenceMemoryBreakdown {
    checkArgument(weightsBytes >= 0, "weightsBytes (%s) must be >= 0", weightsBytes);
    checkArgument(keyValueCacheBytes >= 0, "keyValueCacheBytes (%s) must be >= 0", keyValueCacheBytes);
    checkArgument(sequenceStateBytes >= 0, "sequenceStateBytes (%s) must be >= 0", sequenceStateBytes);
    checkArgument(allowanceBytes >= 0, "allowanceBytes (%s) must be >= 0", allowanceBytes);
    long sum = weightsBytes + keyValueCacheBytes + sequenceStateBytes + allowanceBytes;
    checkArgument(totalBytes == sum, "totalBytes (%s) must equal the sum of the components (%s)", totalBytes, sum);
    checkArgument(capacityBytes > 0, "capacityBytes (%s) must be > 0", capacityBytes);
  }

  /** Whether the total fits in the accelerator's memory. */
  public boolean fits() {
    return totalBytes <= capacityBytes;
  }
}
