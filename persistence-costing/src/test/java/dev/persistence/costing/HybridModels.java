package dev.persistence.costing;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.Mamba2Mixer;
import dev.persistence.core.architecture.MambaMixer;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.NormKind;
import java.util.ArrayList;
import java.util.List;

/** Hybrid stacks for the costing tests, and the all-attention stacks of the same shape. */
public final class HybridModels {

  private HybridModels() {}

  /**
   * Jamba-1.5-Mini's shape (Lieber et al. 2024, arXiv:2403.19887 sections 2-3; its HF config,
   * reference/hf-configs-2025/added/ai21-jamba-1.5-mini.json): 32 layers of 4096, one attention layer in eight
   * (offset 4) with 32 query and 8 key/value heads of 128, Mamba-1 (state 16, conv 4, expand 2, dt rank 256) in
   * the others, 16 experts of 14336 top-2 in every other layer (offset 1). With {@code hybrid} false, attention in
   * every layer.
   */
  public static Architecture jambaMini(boolean hybrid) {
    List<Integer> mambaLayers = new ArrayList<>();
    for (int layer = 0; layer < 32; layer++) {
      if (layer % 8 != 4) {
        mambaLayers.add(layer);
      }
    }
    var builder =
        Architecture.builder()
            .vocabSize(65536)
            .hiddenSize(4096)
            .numLayers(32)
            .contextLength(1 << 18)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(32).numKeyValueHeads(8).headDim(128).build())
            .feedForward(
                MixtureOfExperts.builder()
                    .numExperts(16)
                    .expertsPerToken(2)
                    .expertIntermediateSize(14336)
                    .layerPeriod(2)
                    .layerPhase(1)
                    .denseFeedForward(DenseFeedForward.of(14336, true))
                    .build())
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(false);
    if (hybrid) {
      builder
          .sequenceMixer(
              MambaMixer.builder()
                  .intermediateSize(8192)
                  .stateSize(16)
                  .convKernel(4)
                  .timeStepRank(256)
                  .timeStepAndStateNorms(true)
                  .build())
          .addAllSequenceMixerLayerIndices(mambaLayers);
    }
    return builder.build();
  }

  /**
   * Granite-4.0-H-Micro's shape (reference/hf-configs-2025/added/granite-4.0-h-micro.hyperparameters.json): 40
   * layers of 2048, attention (16 query, 4 key/value heads of 128) in layers 5, 15, 25 and 35, Mamba-2 (64 heads
   * of 64, state 128, one group, conv 4) in the others, a dense gated MLP of 8192 in every layer, tied embeddings.
   * With {@code hybrid} false, attention in every layer.
   */
  public static Architecture granite4Micro(boolean hybrid) {
    List<Integer> mambaLayers = new ArrayList<>();
    for (int layer = 0; layer < 40; layer++) {
      if (layer % 10 != 5) {
        mambaLayers.add(layer);
      }
    }
    var builder =
        Architecture.builder()
            .vocabSize(100352)
            .hiddenSize(2048)
            .numLayers(40)
            .contextLength(1 << 17)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(16).numKeyValueHeads(4).headDim(128).build())
            .feedForward(DenseFeedForward.of(8192, true))
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(true);
    if (hybrid) {
      builder
          .sequenceMixer(
              Mamba2Mixer.builder().numHeads(64).headDim(64).stateSize(128).numGroups(1).convKernel(4).build())
          .addAllSequenceMixerLayerIndices(mambaLayers);
    }
    return builder.build();
  }

  /** Nemotron Nano 9B v2's {@code hybrid_override_pattern} (reference/hf-configs-2025/added/nvidia-nemotron-nano-9b-v2.json). */
  public static final String NEMOTRON_NANO_9B_PATTERN = "M-M-M-MM-M-M-M*-M-M-M*-M-M-M-M*-M-M-M-M*-M-MM-M-M-M-M-M-";

  /**
   * Nemotron Nano 9B v2's shape (reference/hf-configs-2025/added/nvidia-nemotron-nano-9b-v2.json), every layer one
   * block under one RMSNorm: 56 layers of 4480, 27 Mamba-2 ({@code M}: 128 heads of 80, 8 groups, state 128, conv
   * 4), 4 attention ({@code *}: 40 query, 8 key/value heads of 128) and 25 squared-ReLU MLPs ({@code -}: 15680,
   * no gate), untied. With {@code hybrid} false, the Mamba layers attend too (31 attention layers).
   */
  public static Architecture nemotronNano9b(boolean hybrid) {
    List<Integer> mamba = new ArrayList<>();
    List<Integer> mlp = new ArrayList<>();
    List<Integer> mixing = new ArrayList<>();
    for (int layer = 0; layer < NEMOTRON_NANO_9B_PATTERN.length(); layer++) {
      char block = NEMOTRON_NANO_9B_PATTERN.charAt(layer);
      if (block == '-') {
        mlp.add(layer);
      } else {
        mixing.add(layer);
        if (block == 'M') {
          mamba.add(layer);
        }
      }
    }
    var builder =
        Architecture.builder()
            .vocabSize(131072)
            .hiddenSize(4480)
            .numLayers(NEMOTRON_NANO_9B_PATTERN.length())
            .contextLength(1 << 17)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(40).numKeyValueHeads(8).headDim(128).build())
            .feedForward(DenseFeedForward.of(15680, false))
            .normKind(NormKind.RMS_NORM)
            .normsPerLayer(1)
            .positionEncoding(dev.persistence.core.architecture.PositionEncoding.NONE)
            .tiedEmbeddings(false)
            .addAllFeedForwardOnlyLayerIndices(mlp)
            .addAllNoFeedForwardLayerIndices(mixing);
    if (hybrid) {
      builder
          .sequenceMixer(
              Mamba2Mixer.builder().numHeads(128).headDim(80).stateSize(128).numGroups(8).convKernel(4).build())
          .addAllSequenceMixerLayerIndices(mamba);
    }
    return builder.build();
  }
}
