package dev.persistence.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MambaMixer;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Training memory of hybrid stacks (issue 19): the model state is the exact parameter count times its bytes, and
 * a mixer layer's activations do not grow quadratically with the sequence as an attention layer's do.
 */
class HybridMemoryProperties {

  private static final long CAPACITY = 80L << 30;

  private static Architecture jambaShaped(boolean pureMamba) {
    List<Integer> mambaLayers = new ArrayList<>();
    for (int layer = 0; layer < 24; layer++) {
      if (pureMamba || layer % 8 != 4) {
        mambaLayers.add(layer);
      }
    }
    var builder =
        Architecture.builder()
            .vocabSize(32000)
            .hiddenSize(2048)
            .numLayers(24)
            .contextLength(1 << 18)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(16).numKeyValueHeads(8).headDim(128).build())
            .feedForward(DenseFeedForward.of(5632, true))
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(false)
            .sequenceMixer(
                MambaMixer.builder().intermediateSize(4096).stateSize(16).convKernel(4).timeStepRank(128).build())
            .addAllSequenceMixerLayerIndices(mambaLayers);
    if (pureMamba) {
      builder.addAllNoFeedForwardLayerIndices(java.util.stream.IntStream.range(0, 24).boxed().toList()).normsPerLayer(1);
    }
    return builder.build();
  }

  private static ParallelismPlan plan(int sequenceLength, ActivationRecomputation recomputation) {
    return ParallelismPlan.builder()
        .tensorParallel(1)
        .pipelineParallel(1)
        .dataParallel(1)
        .zeroStage(ZeroStage.NONE)
        .recomputation(recomputation)
        .microBatchSize(1)
        .globalBatchSize(16)
        .sequenceLength(sequenceLength)
        .build();
  }

  @Test
  void modelStateIsTheExactParameterCount() {
    for (boolean pure : new boolean[] {false, true}) {
      Architecture model = jambaShaped(pure);
      for (TrainingPrecision precision : TrainingPrecision.presets()) {
        TrainingMemoryBreakdown memory =
            TrainingMemory.estimate(
                model, plan(2048, ActivationRecomputation.FULL), precision, CAPACITY, MemoryAllowance.NONE);
        double parameters = model.parameters().totalParameters();
        assertEquals(Math.ceil(precision.weightBytes() * parameters), memory.weightsBytes());
      }
    }
  }

  @Test
  void mixerLayerActivationsAreLinearInTheSequence() {
    Architecture model = jambaShaped(false);
    for (int s : new int[] {1024, 4096, 16384}) {
      double mixer = ActivationMemory.layerBytes(model, 0, plan(s, ActivationRecomputation.NONE));
      double mixerDouble = ActivationMemory.layerBytes(model, 0, plan(2 * s, ActivationRecomputation.NONE));
      assertEquals(2 * mixer, mixerDouble, 1e-9 * mixer, "mixer layer at " + s);
      double attention = ActivationMemory.layerBytes(model, 4, plan(s, ActivationRecomputation.NONE));
      double attentionDouble = ActivationMemory.layerBytes(model, 4, plan(2 * s, ActivationRecomputation.NONE));
      assertTrue(attentionDouble > 2 * attention, "attention layer grows faster than linearly at " + s);
    }
  }

  /**
   * Serving (issue 19): every sequence of a batch holds its mixer layers' fixed state beside the attention layers'
   * key/value cache, so the largest batch is the one whose weights, cache and state fit; the state is the same at
   * every context, and for a pure Mamba stack it alone limits the batch (no key/value cache to fill).
   */
  @Test
  void servingBatchReservesTheMixerState() {
    dev.persistence.core.precision.NumericFormat bf16 = dev.persistence.core.precision.NumericFormat.BF16;
    dev.persistence.core.precision.WeightFormat weights = dev.persistence.core.precision.WeightFormat.BF16;
    boolean smaller = false;
    for (boolean pure : new boolean[] {false, true}) {
      Architecture model = jambaShaped(pure);
      double state = KeyValueCache.stateBytesPerSequence(model, bf16);
      assertTrue(state > 0);
      for (int tp : new int[] {1, 2, 4}) {
        for (long capacity : new long[] {8L << 30, 24L << 30, CAPACITY}) {
          for (long context : new long[] {1, 512, 4096, 65536}) {
            long batch =
                InferenceMemory.maxBatchSize(model, weights, bf16, tp, context, capacity, MemoryAllowance.NONE);
            InferenceMemoryBreakdown at =
                InferenceMemory.estimate(model, weights, bf16, tp, batch, context, capacity, MemoryAllowance.NONE);
            assertEquals(Math.ceil(batch * state / tp), at.sequenceStateBytes(), "state is per sequence");
            assertTrue(batch == 0 || at.fits());
            assertFalse(
                InferenceMemory.estimate(model, weights, bf16, tp, batch + 1, context, capacity, MemoryAllowance.NONE)
                    .fits(),
                "one more sequence does not fit");
            // Without the state only weights and cache would count: the batch is never larger with it.
            long weightBytes = (InferenceMemory.weightsBytes(model, weights) + tp - 1) / tp;
            double cacheOnly = KeyValueCache.bytes(model, bf16, tp, 1, context);
            long withoutState =
                cacheOnly == 0
                    ? InferenceMemory.MAX_BATCH
                    : (long) Math.floor((capacity - weightBytes) / cacheOnly);
            assertTrue(batch <= withoutState);
            smaller |= batch < withoutState;
            if (pure) {
              assertEquals(
                  (long) Math.floor((capacity - weightBytes) / (state / tp)), batch, "the state alone limits it");
            }
          }
        }
      }
    }
    assertTrue(smaller, "the state reduces the batch somewhere");
  }
}
