package dev.persistence.core.memory;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.ExactCounts;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.WeightFormat;

/**
 * Memory per accelerator while serving: weights in a {@link WeightFormat}, the {@link KeyValueCache}, the fixed
 * per-sequence state of a hybrid stack's mixer layers, and an allowance ({@link MemoryAllowance}) that also stands
 * for the transient activations of a forward pass.
 *
 * <p>Weights are split evenly over the {@code t} tensor-parallel ranks (norms and routers, which real engines
 * replicate, are a negligible share) and the format applies to every parameter (engines often keep embeddings
 * and norms in 16 bits; pass a mixed format of your own when that matters).
 */
public final class InferenceMemory {

  /** The largest batch {@link #maxBatchSize} reports, 2^31 - 1 sequences: an int, as batch sizes are elsewhere. */
  public static final long MAX_BATCH = Integer.MAX_VALUE;

  private InferenceMemory() {}

  /**
   * Bytes of all weights in {@code format}, rounded up to a whole byte.
   *
   * @param architecture the model (exact parameter count)
   * @param format the weight format
   */
  public static long weightsBytes(Architecture architecture, WeightFormat format) {
    return ExactCounts.ceilToLong(
        "weight bytes", architecture.parameters().totalParameters() * format.bytesPerParameter());
  }

  /**
   * Memory on one of {@code tensorParallel} ranks serving {@code batch} sequences of {@code contextLength}
   * tokens.
   *
   * @param architecture the model
   * @param weights the weight format
   * @param cache the key/value cache format
   * @param tensorParallel ranks, {@code >= 1}
   * @param batch sequences, {@code >= 0}
   * @param contextLength tokens per sequence, {@code >= 0}
   * @param capacityBytes memory of one accelerator
   * @param allowance workspace and fragmentation allowance
   * @throws IllegalArgumentException if a count is negative, {@code tensorParallel} or the capacity is not
   *     positive
   */
  public static InferenceMemoryBreakdown estimate(
      Architecture architecture,
      WeightFormat weights,
      NumericFormat cache,
      int tensorParallel,
      long batch,
      long contextLength,
      long capacityBytes,
      MemoryAllowance allowance) {
    Checks.positive("tensorParallel", tensorParallel);
    long weightBytes = (weightsBytes(architecture, weights) + tensorParallel - 1) / tensorParallel;
    long cacheBytes =
        ExactCounts.ceilToLong(
            "key/value cache bytes", KeyValueCache.bytes(architecture, cache, tensorParallel, batch, contextLength));
    long stateBytes =
        ExactCounts.ceilToLong(
            "sequence state bytes", batch * stateBytesPerSequencePerRank(architecture, cache, tensorParallel));
    long accounted = ExactCounts.plus(ExactCounts.plus(weightBytes, cacheBytes), stateBytes);
    long allowanceBytes = allowance.bytesFor(accounted);
    return new InferenceMemoryBreakdown(
        weightBytes,
        cacheBytes,
        stateBytes,
        allowanceBytes,
        ExactCounts.plus(accounted, allowanceBytes),
        capacityBytes);
  }

  /**
   * One sequence's mixer state on one rank: {@link KeyValueCache#stateBytesPerSequence} in the cache format,
   * split over the tensor-parallel ranks with the heads or channels, as the serving roofline reads it. Every
   * sequence of a batch holds it whatever its context (Gu and Dao 2023, Mamba, arXiv:2312.00752 section 3.5), so
   * it, and not only the attention layers' key/value cache, limits the batch.
   */
  private static double stateBytesPerSequencePerRank(Architecture architecture, NumericFormat cache, int tensorParallel) {
    return KeyValueCache.stateBytesPerSequence(architecture, cache) / tensorParallel;
  }

  /**
   * The largest batch of {@code contextLength}-token sequences that fits; 0 when not even one does.
   *
   * @param architecture the model
   * @param weights the weight format
   * @param cache the key/value cache format
   * @param tensorParallel ranks, {@code >= 1}
   * @param contextLength tokens per sequence, {@code >= 1}
   * @param capacityBytes memory of one accelerator
   * @param allowance workspace and fragmentation allowance
   * @throws IllegalArgumentException if {@code contextLength} or {@code tensorParallel} is not positive
   */
  public static long maxBatchSize(
      Architecture architecture,
      WeightFormat weights,
      NumericFormat cache,
      int tensorParallel,
      long contextLength,
      long capacityBytes,
      MemoryAllowance allowance) {
    Checks.positive("contextLength", contextLength);
    Checks.positive("tensorParallel", tensorParallel);
    // Byte totals are exact longs; a capacity past 2^62 bytes (4 EiB) would overflow them.
    Checks.inRange("capacityBytes", capacityBytes, 1, 1L << 62);
    double perSequence =
        KeyValueCache.bytes(architecture, cache, tensorParallel, 1, contextLength)
            + stateBytesPerSequencePerRank(architecture, cache, tensorParallel);
    long weightBytes = (weightsBytes(architecture, weights) + tensorParallel - 1) / tensorParallel;
    double usable =
        (capacityBytes - allowance.fixedBytes()) / (1 + allowance.fragmentationFraction()) - weightBytes;
    if (!(usable > 0)) {
      return 0;
    }
    // At most MAX_BATCH sequences: past it the search below would step past Long.MAX_VALUE.
    long batch = (long) Math.min(Math.floor(usable / perSequence), MAX_BATCH);
    // The closed form ignores rounding to whole bytes; settle on the exact boundary.
    while (batch > 0
        && !estimate(architecture, weights, cache, tensorParallel, batch, contextLength, capacityBytes, allowance)
            .fits()) {
      batch--;
    }
    while (batch < MAX_BATCH
        && estimate(
                architecture, weights, cache, tensorParallel, batch + 1, contextLength, capacityBytes, allowance)
            .fits()) {
      batch++;
    }
    return batch;
  }

  /**
   * The longest context, at most the model's {@link Architecture#contextLength()}, at which {@code batch}
   * sequences fit; 0 when none does.
   *
   * @param architecture the model
   * @param weights the weight format
   * @param cache the key/value cache format
   * @param tensorParallel ranks, {@code >= 1}
   * @param batch sequences, {@code >= 1}
   * @param capacityBytes memory of one accelerator
   * @param allowance workspace and fragmentation allowance
   * @throws IllegalArgumentException if {@code batch} or {@code tensorParallel} is not positive
   */
  public static long maxContextLength(
      Architecture architecture,
      WeightFormat weights,
      NumericFormat cache,
      int tensorParallel,
      long batch,
      long capacityBytes,
      MemoryAllowance allowance) {
    Checks.positive("batch", batch);
    long low = 0;
    long high = architecture.contextLength();
    if (!estimate(architecture, weights, cache, tensorParallel, batch, 1, capacityBytes, allowance).fits()) {
      return 0;
    }
    low = 1;
    // Invariant: low fits; answer in [low, high].
    while (low < high) {
      long middle = low + (high - low + 1) / 2;
      if (estimate(architecture, weights, cache, tensorParallel, batch, middle, capacityBytes, allowance).fits()) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }
}
