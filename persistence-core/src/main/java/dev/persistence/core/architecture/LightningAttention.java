package dev.persistence.core.architecture;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * Lightning attention, the linear attention of MiniMax-01 and MiniMax-M1 (MiniMax 2025, "MiniMax-01: Scaling
 * Foundation Models with Lightning Attention", arXiv:2501.08313, section 2.2; Qin et al. 2024, "Lightning
 * Attention-2", arXiv:2401.04658), as transformers' {@code MiniMaxLightningAttention} holds it: a fused
 * {@code qkv_proj} {@code h x 3 heads headDim}, an {@code output_gate} {@code h x heads headDim}, an RMSNorm over
 * {@code heads x headDim} and {@code out_proj}, all without biases; the per-head decay rates are buffers, not
 * parameters. Each head keeps a {@code headDim x headDim} key-value state instead of a cache; there is no
 * convolution.
 */
@Value.Immutable
public abstract non-sealed class LightningAttention implements SequenceMixer {

  /** Returns a new builder. */
  public static ImmutableLightningAttention.Builder builder() {
    return ImmutableLightningAttention.builder();
  }

  /** Heads. */
  public abstract int numHeads();

  /** Width of one head. */
  public abstract int headDim();

  /**
   * Checks the rules of a valid {@code LightningAttention} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("numHeads", numHeads());
    Checks.positive("headDim", headDim());
  }

  @Override
  public String kind() {
    return "lightning";
  }

  private long width() {
    return (long) numHeads() * headDim();
  }

  @Override
  public long matrixWeights(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    return hiddenSize * 3 * width() + hiddenSize * width() + width() * hiddenSize;
  }

  @Override
  public long parameters(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    return matrixWeights(hiddenSize) + width();
  }

  /**
   * Per head the decay of the {@code d x d} state (1), the rank-one update {@code k^T v} (2) and the read-out
   * {@code q S} (2), {@code 5 heads d^2}; the gate and norm (about {@code 4 heads d}).
   */
  @Override
  public double recurrenceFlopsPerToken() {
    double d = headDim();
    return numHeads() * (5 * d * d + 4 * d);
  }

  @Override
  public long stateElementsPerSequence() {
    return width() * headDim();
  }

  /** q, k, v, the gate, the attention output and the normed output. */
  @Override
  public long activationElementsPerToken() {
    return 6 * width();
  }
}
