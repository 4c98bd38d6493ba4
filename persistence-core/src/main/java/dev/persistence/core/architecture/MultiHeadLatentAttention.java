package dev.persistence.core.architecture;

import static com.google.common.base.Preconditions.checkArgument;
import static dev.persistence.core.exact.ExactCounts.plus;
import static dev.persistence.core.exact.ExactCounts.times;

import dev.persistence.core.check.Checks;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Multi-head latent attention (DeepSeek-AI 2024, "DeepSeek-V2", arXiv:2405.04434, section 2.1): keys and values
 * are compressed into a shared latent of rank {@code keyValueLowRank}, with a separate decoupled rotary key.
 *
 * <p>Projections, as the DeepSeek-V2/V3 modelling code holds them: queries either directly
 * ({@code hidden x heads*(noRope+rope)}) or through a low-rank pair with a norm in between
 * ({@code hidden x queryLowRank}, norm, {@code queryLowRank x heads*(noRope+rope)}); the joint down-projection
 * {@code hidden x (keyValueLowRank + rope)}, its norm over the latent, the up-projection
 * {@code keyValueLowRank x heads*(noRope+valueHeadDim)}, and the output {@code heads*valueHeadDim x hidden}.
 * With {@link #bias()} the two down-projections and the output carry biases.
 */
@Value.Immutable
public abstract non-sealed class MultiHeadLatentAttention implements Attention {

  /** Returns a new builder. */
  public static ImmutableMultiHeadLatentAttention.Builder builder() {
    return ImmutableMultiHeadLatentAttention.builder();
  }

  @Override
  public abstract int numAttentionHeads();

  /** Rank of the query compression ({@code q_lora_rank}); empty when queries are projected directly. */
  public abstract OptionalInt queryLowRank();

  /** Rank of the joint key/value compression ({@code kv_lora_rank}). */
  public abstract int keyValueLowRank();

  /** Per-head query/key width without rotary embedding ({@code qk_nope_head_dim}). */
  public abstract int queryKeyNoRopeHeadDim();

  /** Per-head width of the decoupled rotary query/key ({@code qk_rope_head_dim}). */
  public abstract int queryKeyRopeHeadDim();

  /** Per-head value width ({@code v_head_dim}). */
  public abstract int valueHeadDim();

  /** Whether the down-projections and the output projection carry biases ({@code attention_bias}). */
  @Value.Default
  public boolean bias() {
    return false;
  }

  /** The kind of the norms on the query and key/value latents. */
  @Value.Default
  public NormKind latentNormKind() {
    return NormKind.RMS_NORM;
  }

  /**
   * Checks the rules of a valid {@code MultiHeadLatentAttention} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("numAttentionHeads", numAttentionHeads());
    queryLowRank()
        .ifPresent(rank -> Checks.positive("queryLowRank", rank));
    Checks.positive("keyValueLowRank", keyValueLowRank());
    Checks.nonNegative("queryKeyNoRopeHeadDim", queryKeyNoRopeHeadDim());
    Checks.nonNegative("queryKeyRopeHeadDim", queryKeyRopeHeadDim());
    checkArgument(
        queryKeyHeadDim() > 0,
        "queryKeyNoRopeHeadDim + queryKeyRopeHeadDim (%s) must be > 0",
        queryKeyHeadDim());
    Checks.positive("valueHeadDim", valueHeadDim());
  }

  @Override
  public AttentionVariant variant() {
    return AttentionVariant.MULTI_HEAD_LATENT;
  }

  @Override
  public int queryKeyHeadDim() {
    return queryKeyNoRopeHeadDim() + queryKeyRopeHeadDim();
  }

  @Override
  public long matrixWeights(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    long heads = numAttentionHeads();
    long queryOut = heads * queryKeyHeadDim();
    long query =
        queryLowRank().isPresent()
            ? plus(times(hiddenSize, queryLowRank().getAsInt()), queryLowRank().getAsInt() * queryOut)
            : times(hiddenSize, queryOut);
    long keyValueDown = times(hiddenSize, (long) keyValueLowRank() + queryKeyRopeHeadDim());
    long keyValueUp =
        times((long) keyValueLowRank() * heads, (long) queryKeyNoRopeHeadDim() + valueHeadDim());
    long output = times(heads * valueHeadDim(), hiddenSize);
    return plus(plus(query, keyValueDown), plus(keyValueUp, output));
  }

  @Override
  public long parameters(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    long total = matrixWeights(hiddenSize);
    if (queryLowRank().isPresent()) {
      total = plus(total, latentNormKind().parameters(queryLowRank().getAsInt()));
    }
    total = plus(total, latentNormKind().parameters(keyValueLowRank()));
    if (bias()) {
      if (queryLowRank().isPresent()) {
        total = plus(total, queryLowRank().getAsInt());
      }
      total = plus(total, (long) keyValueLowRank() + queryKeyRopeHeadDim());
      total = plus(total, hiddenSize);
    }
    return total;
  }

  @Override
  public long keyValueCacheElementsPerToken() {
    return (long) keyValueLowRank() + queryKeyRopeHeadDim();
  }
}
