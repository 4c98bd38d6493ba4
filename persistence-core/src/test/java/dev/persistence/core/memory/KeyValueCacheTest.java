package dev.persistence.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.ImmutableArchitecture;
import dev.persistence.core.architecture.MultiHeadLatentAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.precision.NumericFormat;
import org.junit.jupiter.api.Test;

class KeyValueCacheTest {

  /** Llama 2 7B (Touvron et al. 2023, arXiv:2307.09288; HF config): 32 layers, 32 heads of 128, no GQA. */
  static Architecture llama2() {
    return Architecture.builder()
        .vocabSize(32000)
        .hiddenSize(4096)
        .numLayers(32)
        .contextLength(4096)
        .attention(GroupedQueryAttention.builder().numAttentionHeads(32).headDim(128).build())
        .feedForward(DenseFeedForward.of(11008, true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false)
        .build();
  }

  /** Mistral 7B, Jiang et al. 2023 arXiv:2310.06825 Table 1: 32 layers, 8 KV heads of 128, window 4096. */
  static Architecture mistral() {
    return Architecture.builder()
        .vocabSize(32000)
        .hiddenSize(4096)
        .numLayers(32)
        .contextLength(32768)
        .slidingWindow(4096)
        .attention(GroupedQueryAttention.builder().numAttentionHeads(32).numKeyValueHeads(8).headDim(128).build())
        .feedForward(DenseFeedForward.of(14336, true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false)
        .build();
  }

  @Test
  void multiHeadAttentionCachesTwoTimesKvHeadsTimesHeadDim() {
    // 2 (K and V) x 32 heads x 128 x 2 bytes x 32 layers = 524,288 bytes = 0.5 MiB per token in bf16.
    assertEquals(2.0 * 32 * 128 * 2 * 32, KeyValueCache.bytesPerToken(llama2(), NumericFormat.BF16));
    assertEquals(2.0 * 32 * 128 * 1 * 32, KeyValueCache.bytesPerToken(llama2(), NumericFormat.FP8));
    // Eight tensor-parallel ranks hold 4 heads each.
    assertEquals(2.0 * 4 * 128 * 2, KeyValueCache.bytesPerTokenPerLayer(llama2(), NumericFormat.BF16, 8));
  }

  @Test
  void slidingWindowCapsTheCacheAtTheWindow() {
    // Mistral 7B section 2 (rolling buffer cache): at 32k tokens a window of 4096 uses 8x less cache memory.
    double full = 2.0 * 8 * 128 * 2 * 32 * 32768;
    assertEquals(full / 8, KeyValueCache.bytes(mistral(), NumericFormat.BF16, 1, 1, 32768));
    // Below the window, every token is kept.
    assertEquals(2.0 * 8 * 128 * 2 * 32 * 1000, KeyValueCache.bytes(mistral(), NumericFormat.BF16, 1, 1, 1000));
  }

  @Test
  void halfTheLayersWindowed() {
    Architecture alternating =
        ImmutableArchitecture.copyOf(mistral()).withSlidingWindowLayers(16);
    // 16 global layers keep 8192 tokens, 16 windowed layers keep 4096.
    assertEquals(16L * 8192 + 16L * 4096, KeyValueCache.cachedTokenLayers(alternating, 8192));
  }

  @Test
  void multiQueryHeadIsReplicatedAcrossTensorRanks() {
    Architecture mqa =
        ImmutableArchitecture.copyOf(llama2())
            .withAttention(
                GroupedQueryAttention.builder().numAttentionHeads(32).numKeyValueHeads(1).headDim(128).build());
    assertEquals(2.0 * 128 * 2, KeyValueCache.bytesPerTokenPerLayer(mqa, NumericFormat.BF16, 1));
    assertEquals(2.0 * 128 * 2, KeyValueCache.bytesPerTokenPerLayer(mqa, NumericFormat.BF16, 4));
  }

  @Test
  void multiHeadLatentAttentionCachesLatentPlusRopeKey() {
    // DeepSeek-V2 (arXiv:2405.04434) Table 1: MLA caches (d_c + d_h^R) l elements per token, 4.5 d_h l with
    // d_c = 4 d_h = 512 and d_h^R = d_h / 2 = 64; V2-Lite has 27 layers (HF config).
    Architecture lite =
        Architecture.builder()
            .vocabSize(102400)
            .hiddenSize(2048)
            .numLayers(27)
            .contextLength(32768)
            .attention(
                MultiHeadLatentAttention.builder()
                    .numAttentionHeads(16)
                    .keyValueLowRank(512)
                    .queryKeyNoRopeHeadDim(128)
                    .queryKeyRopeHeadDim(64)
                    .valueHeadDim(128)
                    .build())
            .feedForward(DenseFeedForward.of(10944, true))
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(false)
            .build();
    assertEquals(4.5 * 128 * 27 * 2, KeyValueCache.bytesPerToken(lite, NumericFormat.BF16));
    assertEquals(4.5 * 128 * 2, KeyValueCache.bytesPerTokenPerLayer(lite, NumericFormat.BF16, 8));
  }
}
