package dev.persistence.core.architecture;

import static dev.persistence.core.exact.ExactCounts.plus;
import static dev.persistence.core.exact.ExactCounts.times;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * A dense feed-forward block: plain (two matrices, {@code up} and {@code down}) or gated (three matrices,
 * {@code gate}, {@code up} and {@code down}: SwiGLU and GeGLU, Shazeer 2020).
 *
 * <p>A fused {@code gate_up} projection holds the same parameters as separate ones. With biases, the plain form
 * adds {@code intermediate + hidden} and the gated form {@code 2 x intermediate + hidden}.
 */
@Value.Immutable
public abstract non-sealed class DenseFeedForward implements FeedForward {

  /** Returns a new builder. */
  public static ImmutableDenseFeedForward.Builder builder() {
    return ImmutableDenseFeedForward.builder();
  }

  /**
   * A plain or gated block without biases.
   *
   * @param intermediateSize width of the hidden layer
   * @param gated whether the block has a gate projection
   * @throws IllegalArgumentException if {@code intermediateSize} is not positive
   */
  public static DenseFeedForward of(int intermediateSize, boolean gated) {
    return builder().intermediateSize(intermediateSize).gated(gated).build();
  }

  /** Width of the hidden layer ({@code intermediate_size}). */
  public abstract int intermediateSize();

  /** Whether a gate projection multiplies the activation (SwiGLU/GeGLU). */
  public abstract boolean gated();

  /** Whether the projections carry biases. */
  @Value.Default
  public boolean bias() {
    return false;
  }

  /**
   * Checks the rules of a valid {@code DenseFeedForward} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("intermediateSize", intermediateSize());
  }

  /**
   * Matrix-multiply weights of one block.
   *
   * @param hiddenSize the model's hidden size
   */
  public long matrixWeights(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    return times(times(gated() ? 3L : 2L, hiddenSize), intermediateSize());
  }

  /**
   * Trainable parameters of one block, biases included.
   *
   * @param hiddenSize the model's hidden size
   */
  public long parameters(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    long total = matrixWeights(hiddenSize);
    if (bias()) {
      total = plus(total, plus((gated() ? 2L : 1L) * intermediateSize(), hiddenSize));
    }
    return total;
  }
}
