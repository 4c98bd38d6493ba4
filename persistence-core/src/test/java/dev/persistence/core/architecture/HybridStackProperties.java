package dev.persistence.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.memory.KeyValueCache;
import dev.persistence.core.precision.NumericFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invariants of hybrid stacks over a grid of shapes (every mixer kind, every count of mixer layers): the key/value
 * cache belongs to the attention layers alone, the mixers' state and FLOPs per token do not grow with the context,
 * and parameters are conserved when a layer's attention is swapped for a mixer.
 */
class HybridStackProperties {

  private static final int LAYERS = 12;
  private static final NumericFormat BF16 = NumericFormat.parse("bf16");

  private static List<SequenceMixer> mixers() {
    return List.of(
        MambaMixer.builder().intermediateSize(2048).stateSize(16).convKernel(4).timeStepRank(64).build(),
        MambaMixer.builder()
            .intermediateSize(2048)
            .stateSize(16)
            .convKernel(4)
            .timeStepRank(64)
            .timeStepAndStateNorms(true)
            .projectionBias(true)
            .build(),
        Mamba2Mixer.builder().numHeads(32).headDim(64).stateSize(128).numGroups(2).convKernel(4).build(),
        GatedDeltaNet.builder().numKeyHeads(8).keyHeadDim(128).numValueHeads(16).valueHeadDim(128).convKernel(4).build(),
        LightningAttention.builder().numHeads(16).headDim(64).build());
  }

  private static ImmutableArchitecture.Builder base() {
    return Architecture.builder()
        .vocabSize(32000)
        .hiddenSize(1024)
        .numLayers(LAYERS)
        .contextLength(1 << 20)
        .attention(GroupedQueryAttention.builder().numAttentionHeads(16).numKeyValueHeads(4).headDim(64).build())
        .feedForward(DenseFeedForward.of(4096, true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false);
  }

  private static Architecture hybrid(SequenceMixer mixer, int mixerLayers) {
    ImmutableArchitecture.Builder builder = base();
    if (mixerLayers > 0) {
      builder.sequenceMixer(mixer).addAllSequenceMixerLayerIndices(firstLayers(mixerLayers));
    }
    return builder.build();
  }

  private static List<Integer> firstLayers(int count) {
    List<Integer> layers = new java.util.ArrayList<>();
    for (int layer = 0; layer < count; layer++) {
      layers.add(layer);
    }
    return layers;
  }

  @Test
  void keyValueCacheBelongsToTheAttentionLayersAlone() {
    Architecture dense = hybrid(null, 0);
    for (SequenceMixer mixer : mixers()) {
      for (int mixerLayers = 0; mixerLayers <= LAYERS; mixerLayers++) {
        Architecture model = hybrid(mixer, mixerLayers);
        for (long context : new long[] {1, 1000, 4096, 262_144, 1_048_576}) {
          double expected = KeyValueCache.bytes(dense, BF16, 1, 1, context) * (LAYERS - mixerLayers) / LAYERS;
          assertEquals(expected, KeyValueCache.bytes(model, BF16, 1, 1, context), 1e-6 * expected + 1e-9);
        }
      }
    }
  }

  @Test
  void mixerStateIsConstantInContextAndGrowsWithItsLayers() {
    for (SequenceMixer mixer : mixers()) {
      double previous = 0;
      for (int mixerLayers = 1; mixerLayers <= LAYERS; mixerLayers++) {
        Architecture model = hybrid(mixer, mixerLayers);
        double state = KeyValueCache.stateBytesPerSequence(model, BF16);
        assertEquals(mixerLayers * mixer.stateElementsPerSequence() * 2.0, state);
        assertTrue(state > previous);
        previous = state;
        // Memory at n tokens minus memory at m tokens is the attention layers' cache of n - m tokens.
        double grow = KeyValueCache.bytes(model, BF16, 1, 1, 200_000) - KeyValueCache.bytes(model, BF16, 1, 1, 100_000);
        double attentionOnly = KeyValueCache.bytesPerToken(model, BF16) * 100_000;
        assertEquals(attentionOnly, grow, 1e-6 * attentionOnly + 1e-9);
      }
      assertEquals(0.0, KeyValueCache.bytes(hybrid(mixer, LAYERS), BF16, 4, 8, 1_000_000));
    }
  }

  @Test
  void flopsGrowOnlyThroughTheAttentionLayers() {
    for (SequenceMixer mixer : mixers()) {
      Architecture pure = hybrid(mixer, LAYERS);
      double at1k = FlopAccounting.estimate(pure, 1024, FlopConvention.EXACT).forwardFlopsPerToken();
      double at1m = FlopAccounting.estimate(pure, 1 << 20, FlopConvention.EXACT).forwardFlopsPerToken();
      assertEquals(at1k, at1m, "a pure mixer stack costs the same per token at every length");
      double denseGrowth = growth(hybrid(null, 0));
      for (int mixerLayers = 0; mixerLayers <= LAYERS; mixerLayers++) {
        double expected = denseGrowth * (LAYERS - mixerLayers) / LAYERS;
        assertEquals(expected, growth(hybrid(mixer, mixerLayers)), 1e-9 * denseGrowth);
      }
    }
  }

  private static double growth(Architecture model) {
    return FlopAccounting.estimate(model, 8192, FlopConvention.EXACT).forwardFlopsPerToken()
        - FlopAccounting.estimate(model, 4096, FlopConvention.EXACT).forwardFlopsPerToken();
  }

  @Test
  void swappingAttentionForAMixerConservesParameters() {
    Architecture dense = hybrid(null, 0);
    long hidden = dense.hiddenSize();
    for (SequenceMixer mixer : mixers()) {
      for (int mixerLayers = 1; mixerLayers <= LAYERS; mixerLayers++) {
        ParameterBreakdown parameters = hybrid(mixer, mixerLayers).parameters();
        long swapped = mixerLayers * (mixer.parameters(hidden) - dense.attention().parameters(hidden));
        assertEquals(dense.parameters().totalParameters() + swapped, parameters.totalParameters());
        assertEquals(mixerLayers * mixer.parameters(hidden), parameters.get(ParameterComponent.SEQUENCE_MIXERS));
        assertTrue(mixer.parameters(hidden) > mixer.matrixWeights(hidden));
      }
    }
  }

  @Test
  void inconsistentHybridShapesAreRejected() {
    SequenceMixer mixer = mixers().get(0);
    IllegalArgumentException noLayers =
        assertThrows(IllegalArgumentException.class, () -> base().sequenceMixer(mixer).build());
    assertEquals(
        "sequenceMixerLayerIndices (0 layers) must be non-empty exactly when a sequenceMixer is set",
        noLayers.getMessage());
    IllegalArgumentException outside =
        assertThrows(
            IllegalArgumentException.class,
            () -> base().sequenceMixer(mixer).addSequenceMixerLayerIndices(12).build());
    assertEquals("sequenceMixerLayerIndices entry (12) must be in [0, numLayers (12))", outside.getMessage());
    IllegalArgumentException window =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                base()
                    .sequenceMixer(mixer)
                    .addAllSequenceMixerLayerIndices(firstLayers(10))
                    .slidingWindow(128)
                    .slidingWindowLayers(3)
                    .build());
    assertEquals("slidingWindowLayers (3) must be in [0, attentionLayers (2)]", window.getMessage());
    assertEquals(
        "numKeyHeads (3) must divide numValueHeads (16)",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    GatedDeltaNet.builder()
                        .numKeyHeads(3)
                        .keyHeadDim(128)
                        .numValueHeads(16)
                        .valueHeadDim(128)
                        .convKernel(4)
                        .build())
            .getMessage());
    assertEquals(
        "stateSize (0) must be > 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> Mamba2Mixer.builder().numHeads(4).headDim(8).stateSize(0).convKernel(4).build())
            .getMessage());
  }

  /** A window on a hybrid defaults to its attention layers, not to every layer. */
  @Test
  void slidingWindowDefaultsToTheAttentionLayers() {
    Architecture model =
        base().sequenceMixer(mixers().get(2)).addAllSequenceMixerLayerIndices(firstLayers(9)).slidingWindow(256).build();
    assertEquals(3, model.slidingWindowLayers());
    assertTrue(model.isSequenceMixerLayer(8));
    assertTrue(!model.isSequenceMixerLayer(9));
  }
}
