package dev.persistence.core.architecture;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * The Mamba-2 mixer (Dao and Gu 2024, "Transformers are SSMs", arXiv:2405.21060, section 7 and Figure 6), as
 * transformers' {@code Mamba2Mixer}, {@code GraniteMoeHybridMambaLayer} and {@code NemotronHMamba2Mixer} hold it:
 * scalar-times-identity state matrices per head, {@code B} and {@code C} shared by groups of heads.
 *
 * <p>Parameters, with {@code I = intermediateSize = heads x headDim}, {@code G = numGroups}, {@code N =
 * stateSize}, {@code H = numHeads}: {@code in_proj} {@code h x (2I + 2GN + H)} (gate, x, B, C, dt), the depthwise
 * {@code conv1d} over {@code x, B, C}, {@code (I + 2GN) x K} plus bias, {@code dt_bias}, {@code A_log} and
 * {@code D} ({@code H} each), the gated RMSNorm over {@code I}, and {@code out_proj} {@code I x h}; with
 * {@link #projectionBias()} the in and out projections carry biases.
 */
@Value.Immutable
public abstract non-sealed class Mamba2Mixer implements SequenceMixer {

  /** Returns a new builder. */
  public static ImmutableMamba2Mixer.Builder builder() {
    return ImmutableMamba2Mixer.builder();
  }

  /** Heads {@code H}. */
  public abstract int numHeads();

  /** Width of one head; {@code numHeads x headDim} is the inner width. */
  public abstract int headDim();

  /** State size {@code N} ({@code ssm_state_size}). */
  public abstract int stateSize();

  /** Groups {@code G} sharing {@code B} and {@code C} ({@code n_groups}). */
  @Value.Default
  public int numGroups() {
    return 1;
  }

  /** Width of the depthwise causal convolution. */
  public abstract int convKernel();

  /** Whether the convolution carries a bias. */
  @Value.Default
  public boolean convBias() {
    return true;
  }

  /** Whether {@code in_proj} and {@code out_proj} carry biases. */
  @Value.Default
  public boolean projectionBias() {
    return false;
  }

  /**
   * Checks the rules of a valid {@code Mamba2Mixer} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("numHeads", numHeads());
    Checks.positive("headDim", headDim());
    Checks.positive("stateSize", stateSize());
    Checks.positive("numGroups", numGroups());
    checkArgument(
        numHeads() % numGroups() == 0, "numGroups (%s) must divide numHeads (%s)", numGroups(), numHeads());
    Checks.positive("convKernel", convKernel());
  }

  @Override
  public String kind() {
    return "mamba2";
  }

  /** Inner width {@code numHeads x headDim}. */
  public long intermediateSize() {
    return (long) numHeads() * headDim();
  }

  private long convChannels() {
    return intermediateSize() + 2L * numGroups() * stateSize();
  }

  private long inputProjectionWidth() {
    return intermediateSize() + convChannels() + numHeads();
  }

  @Override
  public long matrixWeights(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    return hiddenSize * inputProjectionWidth() + intermediateSize() * hiddenSize;
  }

  @Override
  public long parameters(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    long total = matrixWeights(hiddenSize);
    total += CausalConvolution.parameters(convChannels(), convKernel(), convBias());
    total += 3L * numHeads(); // dt_bias, A_log, D
    total += intermediateSize(); // gated RMSNorm
    if (projectionBias()) {
      total += inputProjectionWidth() + hiddenSize;
    }
    return total;
  }

  /**
   * Convolution {@code 2(I + 2GN)K}; per head and state element the decay-and-update {@code h = a h + dt x B}
   * (3) and the read-out {@code C h} (2), {@code 5IN}; gate, {@code D x} and norm (about {@code 5I}).
   */
  @Override
  public double recurrenceFlopsPerToken() {
    double inner = intermediateSize();
    return CausalConvolution.flopsPerToken(convChannels(), convKernel()) + 5 * inner * stateSize() + 5 * inner;
  }

  @Override
  public long stateElementsPerSequence() {
    return CausalConvolution.stateElements(convChannels(), convKernel()) + intermediateSize() * stateSize();
  }

  /** {@code in_proj} output, convolution output, scan output and gated-norm output. */
  @Override
  public long activationElementsPerToken() {
    return inputProjectionWidth() + convChannels() + 2 * intermediateSize();
  }
}
