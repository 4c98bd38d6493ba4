package dev.persistence.core.architecture;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * The selective state-space mixer of Mamba (Gu and Dao 2023, "Mamba: Linear-Time Sequence Modeling with Selective
 * State Spaces", arXiv:2312.00752, section 3 and Figure 3), as transformers' {@code MambaMixer},
 * {@code FalconMambaMixer} and {@code JambaMambaMixer} hold it.
 *
 * <p>Parameters, with {@code I = intermediateSize}, {@code N = stateSize}, {@code R = timeStepRank},
 * {@code K = convKernel}: {@code in_proj} {@code h x 2I}, the depthwise {@code conv1d} {@code I x K} (plus
 * {@code I} bias), {@code x_proj} {@code I x (R + 2N)} (no bias), {@code dt_proj} {@code R x I} plus {@code I}
 * bias, {@code A_log} {@code I x N}, {@code D} {@code I}, {@code out_proj} {@code I x h}; with
 * {@link #projectionBias()} the in and out projections carry biases; with {@link #timeStepAndStateNorms()} (Jamba,
 * Lieber et al. 2024 arXiv:2403.19887 section 2) RMSNorms with weights over {@code dt} ({@code R}), {@code B} and
 * {@code C} ({@code N} each). Falcon-Mamba normalises {@code B}, {@code C} and {@code dt} without weights (no
 * parameters; Zuo et al. 2024, arXiv:2410.05355 section 3.1).
 */
@Value.Immutable
public abstract non-sealed class MambaMixer implements SequenceMixer {

  /** Returns a new builder. */
  public static ImmutableMambaMixer.Builder builder() {
    return ImmutableMambaMixer.builder();
  }

  /** Inner width {@code I} ({@code expand x hidden}). */
  public abstract int intermediateSize();

  /** State size {@code N} per channel ({@code d_state}). */
  public abstract int stateSize();

  /** Width of the depthwise causal convolution ({@code d_conv}). */
  public abstract int convKernel();

  /** Rank {@code R} of the time-step projection ({@code dt_rank}). */
  public abstract int timeStepRank();

  /** Whether the convolution carries a bias ({@code use_conv_bias}). */
  @Value.Default
  public boolean convBias() {
    return true;
  }

  /** Whether {@code in_proj} and {@code out_proj} carry biases ({@code use_bias}). */
  @Value.Default
  public boolean projectionBias() {
    return false;
  }

  /** Whether RMSNorms with weights follow {@code dt}, {@code B} and {@code C} (Jamba). */
  @Value.Default
  public boolean timeStepAndStateNorms() {
    return false;
  }

  /**
   * Checks the rules of a valid {@code MambaMixer} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("intermediateSize", intermediateSize());
    Checks.positive("stateSize", stateSize());
    Checks.positive("convKernel", convKernel());
    Checks.positive("timeStepRank", timeStepRank());
  }

  @Override
  public String kind() {
    return "mamba";
  }

  @Override
  public long matrixWeights(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    long inner = intermediateSize();
    return hiddenSize * 2 * inner
        + inner * ((long) timeStepRank() + 2L * stateSize())
        + (long) timeStepRank() * inner
        + inner * hiddenSize;
  }

  @Override
  public long parameters(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    long inner = intermediateSize();
    long total = matrixWeights(hiddenSize);
    total += CausalConvolution.parameters(inner, convKernel(), convBias());
    total += inner; // dt_proj bias
    total += inner * stateSize() + inner; // A_log, D
    if (projectionBias()) {
      total += 2 * inner + hiddenSize;
    }
    if (timeStepAndStateNorms()) {
      total += timeStepRank() + 2L * stateSize();
    }
    return total;
  }

  /**
   * Convolution {@code 2IK}, and the selective scan per channel and state: discretisation {@code exp(dt A)} and
   * {@code dt B x} (3), the update {@code h = dA h + dB x} (2) and the read-out {@code C h} (2), {@code 7IN}; plus
   * {@code D x} and the gate (3I).
   */
  @Override
  public double recurrenceFlopsPerToken() {
    double inner = intermediateSize();
    return CausalConvolution.flopsPerToken(intermediateSize(), convKernel()) + 7 * inner * stateSize() + 3 * inner;
  }

  @Override
  public long stateElementsPerSequence() {
    long inner = intermediateSize();
    return CausalConvolution.stateElements(inner, convKernel()) + inner * stateSize();
  }

  /** {@code in_proj} output (2I), convolution output (I), {@code x_proj} output (R + 2N), dt (I), y (I). */
  @Override
  public long activationElementsPerToken() {
    long inner = intermediateSize();
    return 5 * inner + timeStepRank() + 2L * stateSize();
  }
}
