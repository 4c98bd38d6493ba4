package dev.persistence.core.architecture;

/**
 * The attention block of one transformer layer.
 *
 * <p>Counts are per layer and need the model's hidden size, which the attention does not repeat.
 */
public sealed interface Attention permits GroupedQueryAttention, MultiHeadLatentAttention {

  /** Which kind of attention this is. */
  AttentionVariant variant();

  /** Query heads. */
  int numAttentionHeads();

  /** Width of one query (and key) head used in the attention scores. */
  int queryKeyHeadDim();

  /** Width of one value head. */
  int valueHeadDim();

  /**
   * Trainable parameters of this block in one layer: projections, their biases, internal norms and sinks.
   *
   * @param hiddenSize the model's hidden size
   */
  long parameters(long hiddenSize);

  /**
   * Parameters that are matrix-multiply weights (no biases, norms or sinks), in one layer.
   *
   * @param hiddenSize the model's hidden size
   */
  long matrixWeights(long hiddenSize);

  /**
   * Elements cached per token per layer at inference (keys and values, or the compressed latent).
   *
   * <p>Multi-head and grouped-query attention cache {@code 2 x kvHeads x headDim}; multi-head latent attention
   * caches the key/value latent plus the shared rotary key, {@code kvLoraRank + ropeHeadDim} (DeepSeek-V2 section
   * 2.1.2 and Table 1).
   */
  long keyValueCacheElementsPerToken();
}
