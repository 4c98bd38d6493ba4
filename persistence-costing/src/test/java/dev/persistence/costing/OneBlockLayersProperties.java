package dev.persistence.costing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.Mamba2Mixer;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.PositionEncoding;
import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.memory.ActivationMemory;
import dev.persistence.core.memory.InferenceMemory;
import dev.persistence.core.memory.KeyValueCache;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stacks whose layers hold one block each (Nemotron-H's {@code hybrid_override_pattern}: {@code M} a Mamba-2 mixer,
 * {@code *} attention, {@code -} an MLP, each under one norm), generated: the parameters are the blocks' sum, the
 * inference state of the Mamba layers is the same at every context while the key/value cache is the attention
 * layers' alone and linear in it, and a layer without attention costs FLOPs and activations linear in the
 * sequence.
 */
class OneBlockLayersProperties {

  private static final NumericFormat BF16 = NumericFormat.BF16;

  private static final Mamba2Mixer MIXER =
      Mamba2Mixer.builder().numHeads(16).headDim(64).stateSize(64).numGroups(2).convKernel(4).build();
  private static final GroupedQueryAttention ATTENTION =
      GroupedQueryAttention.builder().numAttentionHeads(8).numKeyValueHeads(2).headDim(64).build();
  private static final DenseFeedForward MLP = DenseFeedForward.of(2048, false);

  /** Patterns of 2 to 24 layers drawn from {@code M}, {@code *} and {@code -}. */
  private static Gen<String> patterns() {
    return Gen.lists(Gen.elements('M', '*', '-'), 2, 24)
        .map(
            blocks -> {
              StringBuilder pattern = new StringBuilder();
              blocks.forEach(pattern::append);
              return pattern.toString();
            });
  }

  private static Architecture model(String pattern) {
    var builder =
        Architecture.builder()
            .family("nemotron_h")
            .vocabSize(1000)
            .hiddenSize(512)
            .numLayers(pattern.length())
            .contextLength(1 << 20)
            .attention(ATTENTION)
            .feedForward(MLP)
            .normKind(NormKind.RMS_NORM)
            .normsPerLayer(1)
            .positionEncoding(PositionEncoding.NONE)
            .tiedEmbeddings(false);
    boolean mixer = false;
    for (int layer = 0; layer < pattern.length(); layer++) {
      char block = pattern.charAt(layer);
      if (block == '-') {
        builder.addFeedForwardOnlyLayerIndices(layer);
      } else {
        builder.addNoFeedForwardLayerIndices(layer);
      }
      if (block == 'M') {
        builder.addSequenceMixerLayerIndices(layer);
        mixer = true;
      }
    }
    if (mixer) {
      builder.sequenceMixer(MIXER);
    }
    return builder.build();
  }

  private static long count(String pattern, char block) {
    return pattern.chars().filter(c -> c == block).count();
  }

  @Test
  void parametersAreTheBlocksSum() {
    Property.forAll(patterns())
        .verify(
            pattern -> {
              long h = 512;
              long expected =
                  2 * 1000 * h
                      + count(pattern, 'M') * MIXER.parameters(h)
                      + count(pattern, '*') * ATTENTION.parameters(h)
                      + count(pattern, '-') * MLP.parameters(h)
                      + (pattern.length() + 1) * h;
              assertEquals(expected, model(pattern).parameters().totalParameters(), pattern);
            });
  }

  @Test
  void mambaStateIsConstantInContextAndTheCacheIsTheAttentionLayers() {
    Property.forAll(patterns(), Gen.integers(1, 1 << 19))
        .verify(
            (pattern, context) -> {
              Architecture model = model(pattern);
              double state = count(pattern, 'M') * MIXER.stateElementsPerSequence() * 2.0;
              assertEquals(state, KeyValueCache.stateBytesPerSequence(model, BF16), pattern);
              double perToken = 2.0 * 2 * 64 * 2 * count(pattern, '*');
              assertEquals(perToken * context, KeyValueCache.bytes(model, BF16, 1, 1, context), 1e-9 * perToken * context);
              var at = InferenceMemory.estimate(model, WeightFormat.BF16, BF16, 1, 1, context, 1L << 40, MemoryAllowance.NONE);
              var atDouble =
                  InferenceMemory.estimate(model, WeightFormat.BF16, BF16, 1, 1, 2L * context, 1L << 40, MemoryAllowance.NONE);
              assertEquals(at.sequenceStateBytes(), atDouble.sequenceStateBytes(), pattern);
            });
  }

  @Test
  void layersWithoutAttentionAreLinearInTheSequence() {
    Property.forAll(patterns(), Gen.elements(512, 2048, 8192), Gen.elements(ActivationRecomputation.values()))
        .verify(
            (pattern, s, recomputation) -> {
              Architecture model = model(pattern);
              Map<String, Double> flops = FlopAccounting.forwardFlopsByComponent(model, s);
              Map<String, Double> doubled = FlopAccounting.forwardFlopsByComponent(model, 2 * s);
              assertEquals(flops.get("sequence-mixer recurrence"), doubled.get("sequence-mixer recurrence"));
              assertEquals(2.0 * count(pattern, '-') * MLP.matrixWeights(512), flops.get("feed-forward"), 1e-6);
              assertEquals(count(pattern, '*') == 0, flops.get("attention core") == 0, pattern);
              for (int layer = 0; layer < model.numLayers(); layer++) {
                if (pattern.charAt(layer) == '*') {
                  continue;
                }
                double bytes = ActivationMemory.layerBytes(model, layer, plan(s, recomputation));
                double bytesDouble = ActivationMemory.layerBytes(model, layer, plan(2 * s, recomputation));
                assertTrue(bytes > 0, pattern + " layer " + layer);
                assertEquals(2 * bytes, bytesDouble, 1e-9 * bytes, pattern + " layer " + layer);
              }
            });
  }

  private static ParallelismPlan plan(int sequenceLength, ActivationRecomputation recomputation) {
    return ParallelismPlan.builder()
        .microBatchSize(1)
        .globalBatchSize(8)
        .sequenceLength(sequenceLength)
        .recomputation(recomputation)
        .build();
  }

  /** The Nemotron Nano 9B v2 shape of {@link HybridModels} is the pattern's stack at full size. */
  @Test
  void nemotronNanoShapeCountsItsLayers() {
    Architecture nano = HybridModels.nemotronNano9b(true);
    assertEquals(List.of(27, 4, 25), List.of(nano.sequenceMixerLayers(), nano.attentionLayers(), nano.feedForwardLayers()));
  }
}
