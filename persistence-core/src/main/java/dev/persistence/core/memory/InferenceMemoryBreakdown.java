package dev.persistence.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;

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
    Checks.nonNegative("weightsBytes", weightsBytes);
    Checks.nonNegative("keyValueCacheBytes", keyValueCacheBytes);
    Checks.nonNegative("sequenceStateBytes", sequenceStateBytes);
    Checks.nonNegative("allowanceBytes", allowanceBytes);
    long sum = weightsBytes + keyValueCacheBytes + sequenceStateBytes + allowanceBytes;
    checkArgument(totalBytes == sum, "totalBytes (%s) must equal the sum of the components (%s)", totalBytes, sum);
    Checks.positive("capacityBytes", capacityBytes);
  }

  /** Whether the total fits in the accelerator's memory. */
  public boolean fits() {
    return totalBytes <= capacityBytes;
  }
}
