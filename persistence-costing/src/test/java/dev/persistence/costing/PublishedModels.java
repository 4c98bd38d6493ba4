package dev.persistence.costing;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.MultiHeadLatentAttention;
import dev.persistence.core.architecture.NormKind;

/**
 * Published architectures that more than one costing test plans with, each stated once with its source (the
 * costing tests cannot read configs through persistence-io).
 */
public final class PublishedModels {

  private PublishedModels() {}

  /**
   * DeepSeek-V3 (arXiv:2412.19437 section 4.2 and its config.json: 61 layers, 7,168 wide, MLA with 128 heads,
   * query rank 1,536, key/value rank 512, 128 + 64 query-key and 128 value head dims; 256 routed experts of 2,048,
   * 8 per token, one shared expert, the first 3 layers dense at 18,432; vocabulary 129,280; 163,840 positions).
   */
  public static Architecture deepSeekV3() {
    return deepSeekShape(129280, 163840, 128, 256, 3);
  }

  /**
   * Kimi K2 (arXiv:2507.20534 and its HF config.json: DeepSeek-V3's shape with 64 attention heads, 384 routed
   * experts, one dense first layer, vocabulary 163,840 and 131,072 positions).
   */
  public static Architecture kimiK2() {
    return deepSeekShape(163840, 131072, 64, 384, 1);
  }

  private static Architecture deepSeekShape(
      int vocab, int context, int heads, int experts, int firstDenseLayers) {
    return Architecture.builder()
        .vocabSize(vocab)
        .hiddenSize(7168)
        .numLayers(61)
        .contextLength(context)
        .attention(
            MultiHeadLatentAttention.builder()
                .numAttentionHeads(heads)
                .queryLowRank(1536)
                .keyValueLowRank(512)
                .queryKeyNoRopeHeadDim(128)
                .queryKeyRopeHeadDim(64)
                .valueHeadDim(128)
                .build())
        .feedForward(
            MixtureOfExperts.builder()
                .numExperts(experts)
                .expertsPerToken(8)
                .expertIntermediateSize(2048)
                .numSharedExperts(1)
                .firstDenseLayers(firstDenseLayers)
                // Both route with the auxiliary-loss-free bias (topk_method noaux_tc: e_score_correction_bias).
                .expertScoreCorrectionBias(true)
                .denseFeedForward(DenseFeedForward.of(18432, true))
                .build())
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false)
        .build();
  }
}
