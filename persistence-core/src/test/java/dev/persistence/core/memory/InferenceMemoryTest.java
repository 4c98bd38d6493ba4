package dev.persistence.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.WeightFormat;
import org.junit.jupiter.api.Test;

class InferenceMemoryTest {

  private static final long GIB = 1L << 30;
  /** Llama 2 7B's published parameter count (reference parameter-counts.json: keras-hub preset metadata). */
  private static final long LLAMA2_PARAMETERS = 6_738_415_616L;

  @Test
  void weightsAtEachPrecision() {
    Architecture llama = KeyValueCacheTest.llama2();
    // HF safetensors index total_size = 2 x 6,738,415,616 + 8,192 bytes of rotary buffers (reference notes).
    assertEquals(2 * LLAMA2_PARAMETERS, InferenceMemory.weightsBytes(llama, WeightFormat.BF16));
    assertEquals(LLAMA2_PARAMETERS, InferenceMemory.weightsBytes(llama, WeightFormat.FP8));
    // MXFP4: 4.25 bits per weight (OCP MX v1.0).
    assertEquals(
        (long) Math.ceil(LLAMA2_PARAMETERS * 4.25 / 8), InferenceMemory.weightsBytes(llama, WeightFormat.MXFP4));
  }

  @Test
  void largestBatchOnOneEightyGibibyteAccelerator() {
    Architecture llama = KeyValueCacheTest.llama2();
    // bf16 weights 13.48e9 bytes; 4096 tokens x 0.5 MiB = 2 GiB of cache per sequence.
    long capacity = 80 * GIB;
    long expected = (capacity - 2 * LLAMA2_PARAMETERS) / (2 * GIB);
    assertEquals(33, expected);
    long batch =
        InferenceMemory.maxBatchSize(
            llama, WeightFormat.BF16, NumericFormat.BF16, 1, 4096, capacity, MemoryAllowance.NONE);
    assertEquals(expected, batch);
    // Two-way tensor parallelism halves weights and cache per rank.
    long expectedTp2 = (capacity - LLAMA2_PARAMETERS) / GIB;
    assertEquals(
        expectedTp2,
        InferenceMemory.maxBatchSize(
            llama, WeightFormat.BF16, NumericFormat.BF16, 2, 4096, capacity, MemoryAllowance.NONE));
  }

  @Test
  void maxBatchAndContextSitOnTheFitBoundary() {
    Architecture llama = KeyValueCacheTest.llama2();
    MemoryAllowance allowance = MemoryAllowance.ASSUMED_DEFAULT;
    for (int tp : new int[] {1, 2, 4, 8}) {
      for (long capacity : new long[] {16 * GIB, 24 * GIB, 80 * GIB, 141_000_000_000L}) {
        long batch =
            InferenceMemory.maxBatchSize(
                llama, WeightFormat.Q4_0, NumericFormat.FP8, tp, 4096, capacity, allowance);
        if (batch > 0) {
          assertTrue(
              InferenceMemory.estimate(
                      llama, WeightFormat.Q4_0, NumericFormat.FP8, tp, batch, 4096, capacity, allowance)
                  .fits());
        }
        assertFalse(
            InferenceMemory.estimate(
                    llama, WeightFormat.Q4_0, NumericFormat.FP8, tp, batch + 1, 4096, capacity, allowance)
                .fits());
        long context =
            InferenceMemory.maxContextLength(
                llama, WeightFormat.BF16, NumericFormat.BF16, tp, 8, capacity, allowance);
        if (context > 0 && context < llama.contextLength()) {
          assertTrue(
              InferenceMemory.estimate(
                      llama, WeightFormat.BF16, NumericFormat.BF16, tp, 8, context, capacity, allowance)
                  .fits());
          assertFalse(
              InferenceMemory.estimate(
                      llama, WeightFormat.BF16, NumericFormat.BF16, tp, 8, context + 1, capacity, allowance)
                  .fits());
        }
      }
    }
  }

  @Test
  void weightsThatDoNotFitLeaveNoBatch() {
    assertEquals(
        0,
        InferenceMemory.maxBatchSize(
            KeyValueCacheTest.llama2(),
            WeightFormat.FP32,
            NumericFormat.BF16,
            1,
            4096,
            16 * GIB,
            MemoryAllowance.NONE));
  }
}
