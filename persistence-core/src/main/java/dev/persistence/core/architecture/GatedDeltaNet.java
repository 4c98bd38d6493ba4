package dev.persistence.core.architecture;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * Gated DeltaNet linear attention (Yang, Kautz and Hatamizadeh 2024, "Gated Delta Networks", arXiv:2412.06464,
 * section 3), as Qwen3-Next holds it ({@code Qwen3NextGatedDeltaNet} in transformers' {@code
 * modeling_qwen3_next.py}): a matrix-valued state per value head, decayed by a learned gate and updated by the
 * delta rule.
 *
 * <p>Parameters, with {@code nk, dk} key heads and width and {@code nv, dv} value heads and width:
 * {@code in_proj_qkvz} {@code h x (2 nk dk + 2 nv dv)} (queries, keys, values, output gate), {@code in_proj_ba}
 * {@code h x 2nv} (update strength and decay), the depthwise {@code conv1d} over q, k, v
 * {@code (2 nk dk + nv dv) x K} without bias, {@code dt_bias} and {@code A_log} ({@code nv} each), the gated
 * RMSNorm over {@code dv} (shared by the heads), and {@code out_proj} {@code nv dv x h}.
 */
@Value.Immutable
public abstract non-sealed class GatedDeltaNet implements SequenceMixer {

  /** Returns a new builder. */
  public static ImmutableGatedDeltaNet.Builder builder() {
    return ImmutableGatedDeltaNet.builder();
  }

  /** Key (and query) heads {@code nk}. */
  public abstract int numKeyHeads();

  /** Width of one key head {@code dk}. */
  public abstract int keyHeadDim();

  /** Value heads {@code nv}. */
  public abstract int numValueHeads();

  /** Width of one value head {@code dv}. */
  public abstract int valueHeadDim();

  /** Width of the depthwise causal convolution. */
  public abstract int convKernel();

  /**
   * Checks the rules of a valid {@code GatedDeltaNet} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("numKeyHeads", numKeyHeads());
    Checks.positive("keyHeadDim", keyHeadDim());
    Checks.positive("numValueHeads", numValueHeads());
    Checks.positive("valueHeadDim", valueHeadDim());
    checkArgument(
        numValueHeads() % numKeyHeads() == 0,
        "numKeyHeads (%s) must divide numValueHeads (%s)",
        numKeyHeads(),
        numValueHeads());
    Checks.positive("convKernel", convKernel());
  }

  @Override
  public String kind() {
    return "gated-deltanet";
  }

  private long keyWidth() {
    return (long) numKeyHeads() * keyHeadDim();
  }

  private long valueWidth() {
    return (long) numValueHeads() * valueHeadDim();
  }

  private long convChannels() {
    return 2 * keyWidth() + valueWidth();
  }

  @Override
  public long matrixWeights(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    return hiddenSize * (2 * keyWidth() + 2 * valueWidth())
        + hiddenSize * 2L * numValueHeads()
        + valueWidth() * hiddenSize;
  }

  @Override
  public long parameters(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    return matrixWeights(hiddenSize)
        + convChannels() * convKernel()
        + 2L * numValueHeads()
        + valueHeadDim();
  }

  /**
   * Convolution {@code 2(2 nk dk + nv dv)K}; per value head the decay of the {@code dk x dv} state (1), the
   * delta-rule read {@code S k} and rank-one update (4) and the read-out {@code S q} (2), {@code 7 nv dk dv}.
   */
  @Override
  public double recurrenceFlopsPerToken() {
    double state = (double) numValueHeads() * keyHeadDim() * valueHeadDim();
    return 2.0 * convChannels() * convKernel() + 7 * state;
  }

  @Override
  public long stateElementsPerSequence() {
    return convChannels() * (convKernel() - 1) + (long) numValueHeads() * keyHeadDim() * valueHeadDim();
  }

  /** The projection outputs (q, k, v, z, b, a), the convolution output and the recurrence and norm outputs. */
  @Override
  public long activationElementsPerToken() {
    return 2 * keyWidth() + 2 * valueWidth() + 2L * numValueHeads() + convChannels() + 2 * valueWidth();
  }
}
