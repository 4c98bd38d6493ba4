package dev.persistence.core.architecture;

import static com.google.common.base.Preconditions.checkArgument;
import static dev.persistence.core.exact.ExactCounts.plus;
import static dev.persistence.core.exact.ExactCounts.times;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * Multi-head, grouped-query or multi-query attention with separate query, key, value and output projections.
 *
 * <p>Multi-head attention is the case {@code numKeyValueHeads == numAttentionHeads} (Vaswani et al. 2017),
 * multi-query attention the case {@code numKeyValueHeads == 1} (Shazeer 2019), and grouped-query attention
 * everything in between (Ainslie et al. 2023). A fused {@code qkv} projection holds the same parameters as the
 * three separate ones. The head dimension may differ from {@code hiddenSize / numAttentionHeads} (Gemma, Qwen3).
 */
@Value.Immutable
public abstract non-sealed class GroupedQueryAttention implements Attention {

  /** Returns a new builder. */
  public static ImmutableGroupedQueryAttention.Builder builder() {
    return ImmutableGroupedQueryAttention.builder();
  }

  /** Query heads. */
  @Override
  public abstract int numAttentionHeads();

  /** Key/value heads; defaults to {@link #numAttentionHeads()} (multi-head attention). */
  @Value.Default
  public int numKeyValueHeads() {
    return numAttentionHeads();
  }

  /** Width of each query, key and value head. */
  public abstract int headDim();

  /** Whether the query, key and value projections carry biases (GPT-2, Qwen2, Phi). */
  @Value.Default
  public boolean queryKeyValueBias() {
    return false;
  }

  /** Whether the output projection carries a bias. */
  @Value.Default
  public boolean outputBias() {
    return false;
  }

  /** Query/key normalisation, if any. */
  @Value.Default
  public QueryKeyNorm queryKeyNorm() {
    return QueryKeyNorm.NONE;
  }

  /** The kind of the query/key norms; ignored when {@link #queryKeyNorm()} is {@code NONE}. */
  @Value.Default
  public NormKind queryKeyNormKind() {
    return NormKind.RMS_NORM;
  }

  /**
   * Whether each query head has a learned attention-sink logit (gpt-oss: one {@code sinks} parameter per head,
   * OpenAI 2025 gpt-oss model card section 2.1).
   */
  @Value.Default
  public boolean attentionSinks() {
    return false;
  }

  /**
   * Whether the query projection also produces a per-channel output gate, doubling its width (Qwen3-Next's gated
   * attention: {@code q_proj} {@code h x 2 heads headDim}; Qiu et al. 2025, "Gated Attention for Large Language
   * Models", arXiv:2505.06708).
   */
  @Value.Default
  public boolean outputGate() {
    return false;
  }

  /**
   * Checks the rules of a valid {@code GroupedQueryAttention} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("numAttentionHeads", numAttentionHeads());
    Checks.positive("numKeyValueHeads", numKeyValueHeads());
    checkArgument(
        numAttentionHeads() % numKeyValueHeads() == 0,
        "numKeyValueHeads (%s) must divide numAttentionHeads (%s)",
        numKeyValueHeads(),
        numAttentionHeads());
    Checks.positive("headDim", headDim());
  }

  @Override
  public AttentionVariant variant() {
    if (numKeyValueHeads() == numAttentionHeads()) {
      return AttentionVariant.MULTI_HEAD;
    }
    return numKeyValueHeads() == 1 ? AttentionVariant.MULTI_QUERY : AttentionVariant.GROUPED_QUERY;
  }

  @Override
  public int queryKeyHeadDim() {
    return headDim();
  }

  @Override
  public int valueHeadDim() {
    return headDim();
  }

  /** Width of the query projection's output, {@code numAttentionHeads x headDim}. */
  public long queryWidth() {
    return (long) numAttentionHeads() * headDim();
  }

  /** Width of the key (and of the value) projection's output, {@code numKeyValueHeads x headDim}. */
  public long keyValueWidth() {
    return (long) numKeyValueHeads() * headDim();
  }

  @Override
  public long matrixWeights(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    // q and o are hidden x (heads * headDim) (q twice that with an output gate); k and v hidden x (kvHeads * headDim).
    return times(hiddenSize, plus((outputGate() ? 3 : 2) * queryWidth(), 2 * keyValueWidth()));
  }

  @Override
  public long parameters(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    long total = matrixWeights(hiddenSize);
    if (queryKeyValueBias()) {
      total = plus(total, (outputGate() ? 2 : 1) * queryWidth() + 2 * keyValueWidth());
    }
    if (outputBias()) {
      total = plus(total, hiddenSize);
    }
    total = plus(total, queryKeyNormParameters());
    if (attentionSinks()) {
      total = plus(total, numAttentionHeads());
    }
    return total;
  }

  private long queryKeyNormParameters() {
    switch (queryKeyNorm()) {
      case PER_HEAD:
        return 2 * queryKeyNormKind().parameters(headDim());
      case PER_PROJECTION:
        return queryKeyNormKind().parameters(queryWidth()) + queryKeyNormKind().parameters(keyValueWidth());
      case NONE:
      default:
        return 0;
    }
  }

  /**
   * Parameters of the key and value projections alone, {@code 2 x hidden x kvHeads x headDim} and their biases:
   * what a layer that reuses another layer's keys and values (cross-layer attention) does not hold.
   *
   * @param hiddenSize the model's hidden size
   */
  public long keyValueProjectionParameters(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    long total = times(hiddenSize, 2 * keyValueWidth());
    return queryKeyValueBias() ? plus(total, 2 * keyValueWidth()) : total;
  }

  @Override
  public long keyValueCacheElementsPerToken() {
    return 2 * keyValueWidth();
  }
}
