package dev.persistence.core.memory;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.Attention;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.ExactCounts;
import dev.persistence.core.precision.NumericFormat;

/**
 * The key/value cache of autoregressive inference.
 *
 * <p>Per token and layer the cache holds {@link Attention#keyValueCacheElementsPerToken()} elements: {@code 2 x
 * kvHeads x headDim} for multi-head, grouped-query and multi-query attention (Shazeer 2019; Ainslie et al. 2023),
 * and the compressed latent plus the shared rotary key, {@code kvLoraRank + ropeHeadDim}, for multi-head latent
 * attention (DeepSeek-AI 2024, DeepSeek-V2, arXiv:2405.04434 section 2.1.2). Sliding-window layers keep at most
 * {@code slidingWindow} tokens (Mistral 7B, Jiang et al. 2023, arXiv:2310.06825 section 2, rolling buffer cache).
 *
 * <p>Under cross-layer attention ({@link Architecture#crossLayerKeyValueShare()}; Brandon et al. 2024,
 * arXiv:2405.12981 section 3) only the layers that compute keys and values cache them; the others read those.
 * (An engine may still give every layer its own cache slot; vLLM's Hunyuan follower layers store the shared keys
 * and values again, which this does not count.)
 *
 * <p>Under tensor parallelism each rank keeps {@code ceil(kvHeads / t)} key/value heads (heads are replicated
 * when there are fewer than ranks, as vLLM does); the multi-head latent cache is replicated on every rank, since
 * the latent is shared by all heads.
 */
public final class KeyValueCache {

  private KeyValueCache() {}

  /**
   * Cache bytes per token per layer on one rank.
   *
   * @param architecture the model
   * @param format the cache's element format ({@code bf16}, {@code fp8})
   * @param tensorParallel ranks the heads are split over, {@code >= 1}
   * @throws IllegalArgumentException if {@code tensorParallel} is not positive
   */
  public static double bytesPerTokenPerLayer(
      Architecture architecture, NumericFormat format, int tensorParallel) {
    Checks.positive("tensorParallel", tensorParallel);
    Attention attention = architecture.attention();
    double elements;
    if (attention instanceof GroupedQueryAttention) {
      GroupedQueryAttention gqa = (GroupedQueryAttention) attention;
      long headsPerRank = (gqa.numKeyValueHeads() + tensorParallel - 1) / tensorParallel;
      elements = 2.0 * headsPerRank * gqa.headDim();
    } else {
      elements = attention.keyValueCacheElementsPerToken();
    }
    return elements * format.bytesPerElement();
  }

  /**
   * Cache bytes per token, all layers, without tensor parallelism and before any window cap: the
   * {@code bytesPerToken} figure model cards quote.
   *
   * @param architecture the model
   * @param format the cache's element format
   */
  public static double bytesPerToken(Architecture architecture, NumericFormat format) {
    return bytesPerTokenPerLayer(architecture, format, 1) * architecture.keyValueLayers();
  }

  /**
   * Tokens cached per sequence summed over the attention layers: {@code contextLength} for each global layer and
   * {@code min(contextLength, window)} for each sliding-window layer; the sequence-mixer layers of a hybrid stack
   * cache no tokens (see {@link #stateBytesPerSequence}).
   *
   * @param architecture the model
   * @param contextLength tokens in the sequence, {@code >= 0}
   * @throws IllegalArgumentException if {@code contextLength} is negative
   */
  public static long cachedTokenLayers(Architecture architecture, long contextLength) {
    Checks.nonNegative("contextLength", contextLength);
    long windowLayers = architecture.slidingWindowLayers();
    // Under cross-layer attention only the layers that compute keys and values cache them (no window then).
    long globalLayers = architecture.keyValueLayers() - windowLayers;
    long window = windowLayers == 0 ? 0 : Math.min(contextLength, architecture.slidingWindow().getAsInt());
    return ExactCounts.of(
        "cached token-layers",
        ExactCounts.inputs("attentionLayers", architecture.attentionLayers(), "contextLength", contextLength),
        () -> ExactCounts.plus(ExactCounts.times(globalLayers, contextLength), windowLayers * window));
  }

  /**
   * Cache bytes on one rank for {@code batch} sequences of {@code contextLength} tokens.
   *
   * @param architecture the model
   * @param format the cache's element format
   * @param tensorParallel ranks the heads are split over
   * @param batch sequences, {@code >= 0}
   * @param contextLength tokens per sequence, {@code >= 0}
   * @throws IllegalArgumentException if a count is negative or {@code tensorParallel} is not positive
   */
  public static double bytes(
      Architecture architecture, NumericFormat format, int tensorParallel, long batch, long contextLength) {
    Checks.nonNegative("batch", batch);
    return batch
        * (double) cachedTokenLayers(architecture, contextLength)
        * bytesPerTokenPerLayer(architecture, format, tensorParallel);
  }

  /**
   * Inference state of the sequence-mixer layers of a hybrid or state-space stack for one sequence: the
   * convolution window and the recurrent state of every such layer ({@link
   * dev.persistence.core.architecture.SequenceMixer#stateElementsPerSequence()}), the same at every context
   * length; 0 for an all-attention model. Engines often keep this state in fp32 even with a bf16 key/value cache.
   *
   * @param architecture the model
   * @param format the state's element format
   */
  public static double stateBytesPerSequence(Architecture architecture, NumericFormat format) {
    return architecture
        .sequenceMixer()
        .map(
            mixer ->
                (double) architecture.sequenceMixerLayers()
                    * mixer.stateElementsPerSequence()
                    * format.bytesPerElement())
        .orElse(0.0);
  }
}
