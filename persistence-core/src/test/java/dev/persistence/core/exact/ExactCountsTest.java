package dev.persistence.core.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.memory.KeyValueCache;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.memory.TrainingMemory;
import dev.persistence.core.memory.TrainingMemoryBreakdown;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.TrainingPrecision;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactCountsTest {

  @Test
  void timesAndPlusAgreeWithBigIntegerOrRefuse() {
    SplittableRandom random = new SplittableRandom(14);
    long[] edges = {0, 1, -1, 2, Integer.MAX_VALUE, 1L << 31, 1L << 32, 3037000499L, 3037000500L, 1L << 62,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
    for (int i = 0; i < 20_000; i++) {
      long a = i < edges.length * edges.length ? edges[i % edges.length] : random.nextLong() >> random.nextInt(64);
      long b = i < edges.length * edges.length ? edges[i / edges.length] : random.nextLong() >> random.nextInt(64);
      BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
      if (product.bitLength() < 64) {
        assertEquals(product.longValueExact(), ExactCounts.times(a, b));
      } else {
        assertThrows(CountOverflowException.class, () -> ExactCounts.times(a, b), a + " x " + b);
      }
      BigInteger sum = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
      if (sum.bitLength() < 64) {
        assertEquals(sum.longValueExact(), ExactCounts.plus(a, b));
      } else {
        assertThrows(CountOverflowException.class, () -> ExactCounts.plus(a, b), a + " + " + b);
      }
    }
  }

  @Test
  void ofNamesTheQuantityAndInputs() {
    CountOverflowException e =
        assertThrows(
            CountOverflowException.class,
            () ->
                        ExactCounts.of(
                            "parameters of llama config",
                            ExactCounts.inputs("numLayers", 1073741824, "hiddenSize", 65536),
                            () -> ExactCounts.product(1L << 30, 1L << 16, 1L << 16, 1L << 16)));
            assertEquals("parameters of llama config (numLayers 1073741824, hiddenSize 65536) overflow a long", e.getMessage());
          }
        
          @Test
          void conversionsRefuseInsteadOfSaturating() {
            assertEquals(3, ExactCounts.ceilToLong("replicas", 2.1));
            assertThrows(CountOverflowException.class, () -> ExactCounts.ceilToLong("replicas", 1e19));
            assertThrows(CountOverflowException.class, () -> ExactCounts.ceilToLong("replicas", 0x1p63));
            assertThrows(CountOverflowException.class, () -> ExactCounts.ceilToLong("replicas", Double.NaN));
            assertThrows(CountOverflowException.class, () -> ExactCounts.ceilToLong("replicas", -1));
            assertEquals(Integer.MAX_VALUE, ExactCounts.toInt("batch", Integer.MAX_VALUE));
            CountOverflowException e =
                assertThrows(CountOverflowException.class, () -> ExactCounts.toInt("globalBatch", 1L << 31));
            assertTrue(e.getMessage().startsWith("globalBatch (2147483648)"), e.getMessage());
          }
        
          private static Architecture llama(int layers) {
            return Architecture.builder()
                .family("llama")
                .numLayers(layers)
                .hiddenSize(4096)
                .vocabSize(32000)
                .contextLength(4096)
                .attention(GroupedQueryAttention.builder().numAttentionHeads(32).numKeyValueHeads(8).headDim(128).build())
                .feedForward(DenseFeedForward.of(11008, true))
                .normKind(NormKind.RMS_NORM)
                .tiedEmbeddings(false)
                .build();
          }
        
          @Test
          void keyValueCacheTokenLayersRefuseToWrap() {
            Architecture model = llama(32);
            assertEquals(32L << 20, KeyValueCache.cachedTokenLayers(model, 1L << 20));
            for (long contextLength : new long[] {1L << 59, (1L << 59) + 1, Long.MAX_VALUE, 1L << 62}) {
              IllegalArgumentException e =
                  assertThrows(IllegalArgumentException.class, () -> KeyValueCache.cachedTokenLayers(model, contextLength));
              assertTrue(e.getMessage().contains("contextLength " + contextLength), e.getMessage());
            }
            double bytes = KeyValueCache.bytes(model, NumericFormat.parse("bf16"), 1, Long.MAX_VALUE, 1L << 20);
            assertTrue(Double.isFinite(bytes) && bytes > 0);
          }
        
          @Test
          void aHugeAllowanceIsAnErrorNotANegativeTotalThatFits() {
            Architecture model = llama(2);
            ParallelismPlan plan =
                ParallelismPlan.builder().microBatchSize(1).globalBatchSize(1).sequenceLength(128).build();
            MemoryAllowance huge = new MemoryAllowance(Long.MAX_VALUE, 0, "fuzz");
            IllegalArgumentException e =
                assertThrows(
                    IllegalArgumentException.class,
                    () -> TrainingMemory.estimate(model, plan, TrainingPrecision.MIXED_BF16_ADAM, Long.MAX_VALUE, huge));
            assertTrue(e.getMessage().contains("fixedBytes " + Long.MAX_VALUE), e.getMessage());
            for (long fixed : new long[] {Long.MAX_VALUE / 2, Long.MAX_VALUE - (1L << 40)}) {
              try {
                TrainingMemoryBreakdown memory =
                    TrainingMemory.estimate(
                        model, plan, TrainingPrecision.MIXED_BF16_ADAM, Long.MAX_VALUE, new MemoryAllowance(fixed, 0.5, ""));
                assertTrue(memory.totalBytes() >= fixed, "total " + memory.totalBytes());
              } catch (IllegalArgumentException refused) {
                assertTrue(refused.getMessage().contains("overflow"), refused.getMessage());
              }
            }
          }
        
          @Test
          void acceleratorCountOfAPlanRefusesToWrap() {
            // The plan's own rule (expert groups fold over tensor x data x context ranks) already multiplies the degrees:
            // the overflow is refused when the plan is built, naming the degrees.
            IllegalArgumentException e =
                assertThrows(
                    IllegalArgumentException.class,
            () ->
                ParallelismPlan.builder()
                    .tensorParallel(Integer.MAX_VALUE)
                    .pipelineParallel(Integer.MAX_VALUE)
                    .dataParallel(Integer.MAX_VALUE)
                    .contextParallel(Integer.MAX_VALUE)
                    .microBatchSize(1)
                    .globalBatchSize(Integer.MAX_VALUE)
                    .sequenceLength(Integer.MAX_VALUE)
                    .build());
    assertTrue(e.getMessage().contains("tensorParallel 2147483647"), e.getMessage());
  }
}
