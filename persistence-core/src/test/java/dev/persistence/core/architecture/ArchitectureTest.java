package dev.persistence.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Construction rejects impossible shapes with a message naming the field, the value and the rule. */
class ArchitectureTest {

  static void assertRejected(String message, Supplier<?> construction) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::get);
    assertEquals(message, e.getMessage());
  }

  static ImmutableGroupedQueryAttention.Builder attention() {
    return GroupedQueryAttention.builder().numAttentionHeads(32).numKeyValueHeads(8).headDim(128);
  }

  static ImmutableArchitecture.Builder llamaLike() {
    return Architecture.builder()
        .vocabSize(32000)
        .hiddenSize(4096)
        .numLayers(32)
        .contextLength(4096)
        .attention(attention().build())
        .feedForward(DenseFeedForward.of(11008, true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false);
  }

  @Test
  void attentionShapes() {
    assertRejected(
        "numKeyValueHeads (5) must divide numAttentionHeads (32)",
        () -> attention().numKeyValueHeads(5).build());
    assertRejected(
        "numAttentionHeads (0) must be > 0",
        () -> GroupedQueryAttention.builder().numAttentionHeads(0).numKeyValueHeads(1).headDim(64).build());
    assertRejected("numKeyValueHeads (-1) must be > 0", () -> attention().numKeyValueHeads(-1).build());
    assertRejected("headDim (0) must be > 0", () -> attention().headDim(0).build());
  }

  @Test
  void attentionVariantsAreNamed() {
    assertEquals(AttentionVariant.GROUPED_QUERY, attention().build().variant());
    assertEquals(AttentionVariant.MULTI_HEAD, attention().numKeyValueHeads(32).build().variant());
    assertEquals(AttentionVariant.MULTI_QUERY, attention().numKeyValueHeads(1).build().variant());
  }

  @Test
  void latentAttentionShapes() {
    Supplier<ImmutableMultiHeadLatentAttention.Builder> mla =
        () ->
            MultiHeadLatentAttention.builder()
                .numAttentionHeads(16)
                .keyValueLowRank(512)
                .queryKeyNoRopeHeadDim(128)
                .queryKeyRopeHeadDim(64)
                .valueHeadDim(128);
    assertRejected("keyValueLowRank (0) must be > 0", () -> mla.get().keyValueLowRank(0).build());
    assertRejected("queryLowRank (-3) must be > 0", () -> mla.get().queryLowRank(-3).build());
    assertRejected("valueHeadDim (0) must be > 0", () -> mla.get().valueHeadDim(0).build());
    assertRejected(
        "queryKeyNoRopeHeadDim + queryKeyRopeHeadDim (0) must be > 0",
        () -> mla.get().queryKeyNoRopeHeadDim(0).queryKeyRopeHeadDim(0).build());
    assertRejected("queryKeyRopeHeadDim (-1) must be >= 0", () -> mla.get().queryKeyRopeHeadDim(-1).build());
  }

  @Test
  void feedForwardShapes() {
    assertRejected("intermediateSize (0) must be > 0", () -> DenseFeedForward.of(0, true));
    Supplier<ImmutableMixtureOfExperts.Builder> moe =
        () -> MixtureOfExperts.builder().numExperts(8).expertsPerToken(2).expertIntermediateSize(14336);
    assertRejected(
        "expertsPerToken (9) must be <= numExperts (8)", () -> moe.get().expertsPerToken(9).build());
    assertRejected("numExperts (0) must be > 0", () -> moe.get().numExperts(0).expertsPerToken(0).build());
    assertRejected("expertsPerToken (0) must be > 0", () -> moe.get().expertsPerToken(0).build());
    assertRejected("expertIntermediateSize (0) must be > 0", () -> moe.get().expertIntermediateSize(0).build());
    assertRejected(
        "sharedExpertGate needs numSharedExperts (0) > 0", () -> moe.get().sharedExpertGate(true).build());
    assertRejected(
        "layerPhase (2) must be in [0, layerPeriod (2))", () -> moe.get().layerPeriod(2).layerPhase(2).build());
    assertRejected("layerPeriod (0) must be > 0", () -> moe.get().layerPeriod(0).build());
    assertRejected("denseLayers entry (-1) must be >= 0", () -> moe.get().addDenseLayer(-1).build());
    assertRejected(
        "denseFeedForward is required: 1 of feedForwardLayers (32) are dense",
        () -> llamaLike().feedForward(moe.get().firstDenseLayers(1).build()).build());
    assertRejected(
        "mixture of experts places no sparse layer among feedForwardLayers (32)",
        () -> llamaLike().feedForward(moe.get().firstDenseLayers(40).build()).build());
  }

  @Test
  void modelShapes() {
    assertRejected("vocabSize (0) must be > 0", () -> llamaLike().vocabSize(0).build());
    assertRejected("hiddenSize (-1) must be > 0", () -> llamaLike().hiddenSize(-1).build());
    assertRejected("numLayers (0) must be > 0", () -> llamaLike().numLayers(0).build());
    assertRejected("contextLength (0) must be > 0", () -> llamaLike().contextLength(0).build());
    assertRejected("normsPerLayer (-1) must be >= 0", () -> llamaLike().normsPerLayer(-1).build());
    assertRejected("slidingWindow (0) must be > 0", () -> llamaLike().slidingWindow(0).build());
    assertRejected(
        "slidingWindowLayers (33) must be in [0, attentionLayers (32)]",
        () -> llamaLike().slidingWindow(4096).slidingWindowLayers(33).build());
    assertRejected(
        "slidingWindowLayers (4) needs a slidingWindow", () -> llamaLike().slidingWindowLayers(4).build());
    assertRejected("family must not be blank", () -> llamaLike().family(" ").build());
    assertRejected(
        "numAttentionHeads (7) must divide hiddenSize (1024)", () -> Architecture.megatronGpt(2, 1024, 7, 100, 64));
  }

  @Test
  void slidingWindowDefaultsToEveryLayer() {
    assertEquals(32, llamaLike().slidingWindow(4096).build().slidingWindowLayers());
    assertEquals(0, llamaLike().build().slidingWindowLayers());
  }

  @Test
  void mixtureOfExpertsPlacement() {
    // DeepSeek-V2-Lite: first_k_dense_replace = 1, moe_layer_freq = 1 over 27 layers -> 26 sparse layers.
    MixtureOfExperts deepSeek =
        MixtureOfExperts.builder()
            .numExperts(64)
            .expertsPerToken(6)
            .expertIntermediateSize(1408)
            .firstDenseLayers(1)
            .denseFeedForward(DenseFeedForward.of(10944, true))
            .build();
    Architecture model = llamaLike().numLayers(27).feedForward(deepSeek).build();
    assertEquals(26, model.sparseLayers());
    assertEquals(1, model.denseLayers());
    // Qwen-MoE decoder_sparse_step = 2: layers 1, 3, 5, ... are sparse ((i + 1) % 2 == 0), minus mlp_only_layers.
    MixtureOfExperts everyOther =
        MixtureOfExperts.builder()
            .numExperts(8)
            .expertsPerToken(2)
            .expertIntermediateSize(1024)
            .layerPeriod(2)
            .layerPhase(1)
            .addDenseLayer(3)
            .denseFeedForward(DenseFeedForward.of(4096, true))
            .build();
    Architecture alternating = llamaLike().numLayers(8).feedForward(everyOther).build();
    assertEquals(3, alternating.sparseLayers());
  }
}
