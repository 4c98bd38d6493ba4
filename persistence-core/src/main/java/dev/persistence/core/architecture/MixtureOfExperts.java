package dev.persistence.core.architecture;

import static com.google.common.base.Preconditions.checkArgument;
import static dev.persistence.core.exact.ExactCounts.plus;
import static dev.persistence.core.exact.ExactCounts.times;

import dev.persistence.core.check.Checks;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A mixture-of-experts feed-forward block (Shazeer et al. 2017; Fedus et al. 2021): a router scores
 * {@code numExperts} routed experts and each token uses {@code expertsPerToken} of them, plus any shared experts
 * every token uses (DeepSeekMoE, Dai et al. 2024; Qwen2-MoE).
 *
 * <p>Not every layer needs to be sparse. Layer {@code i} (from 0) is a mixture-of-experts layer when
 * {@code i >= firstDenseLayers}, {@code i % layerPeriod == layerPhase} and {@code i} is not listed in
 * {@link #denseLayers()}; the other layers use {@link #denseFeedForward()}. DeepSeek's
 * {@code first_k_dense_replace} and {@code moe_layer_freq} map to {@code firstDenseLayers} and
 * {@code layerPeriod} with phase 0; Qwen-MoE's {@code decoder_sparse_step} to {@code layerPeriod} with phase
 * {@code period - 1} and its {@code mlp_only_layers} to {@code denseLayers}.
 */
@Value.Immutable
public abstract non-sealed class MixtureOfExperts implements FeedForward {

  /** Returns a new builder. */
  public static ImmutableMixtureOfExperts.Builder builder() {
    return ImmutableMixtureOfExperts.builder();
  }

  /** Routed experts per layer. */
  public abstract int numExperts();

  /** Routed experts each token uses (top-k). */
  public abstract int expertsPerToken();

  /** Hidden width of one routed expert. */
  public abstract int expertIntermediateSize();

  /** Whether experts are gated (three matrices) rather than plain (two). */
  @Value.Default
  public boolean gated() {
    return true;
  }

  /** Whether expert projections carry biases (gpt-oss). */
  @Value.Default
  public boolean expertBias() {
    return false;
  }

  /** Shared experts every token uses. */
  @Value.Default
  public int numSharedExperts() {
    return 0;
  }

  /** Hidden width of one shared expert; defaults to {@link #expertIntermediateSize()}. */
  @Value.Default
  public int sharedExpertIntermediateSize() {
    return expertIntermediateSize();
  }

  /** Whether a learned sigmoid gate ({@code hidden x 1}, no bias) scales the shared experts (Qwen2-MoE). */
  @Value.Default
  public boolean sharedExpertGate() {
    return false;
  }

  /** Whether the router ({@code hidden x numExperts}) carries a bias (gpt-oss). */
  @Value.Default
  public boolean routerBias() {
    return false;
  }

  /**
   * Whether the router holds a per-expert score-correction bias used for auxiliary-loss-free load balancing
   * (DeepSeek-V3, arXiv:2412.19437 section 2.1.2: {@code e_score_correction_bias}, one value per routed expert).
   */
  @Value.Default
  public boolean expertScoreCorrectionBias() {
    return false;
  }

  /** Leading layers that stay dense. */
  @Value.Default
  public int firstDenseLayers() {
    return 0;
  }

  /** Every {@code layerPeriod}-th layer is sparse. */
  @Value.Default
  public int layerPeriod() {
    return 1;
  }

  /** Which layer of each period is sparse, {@code 0 <= layerPhase < layerPeriod}. */
  @Value.Default
  public int layerPhase() {
    return 0;
  }

  /** Layers (from 0) that are dense regardless of the period. */
  public abstract Set<Integer> denseLayers();

  /** The dense block of the layers that are not sparse; required when any layer is dense. */
  public abstract Optional<DenseFeedForward> denseFeedForward();

  /**
   * Checks the rules of a valid {@code MixtureOfExperts} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("numExperts", numExperts());
    Checks.positive("expertsPerToken", expertsPerToken());
    checkArgument(
        expertsPerToken() <= numExperts(),
        "expertsPerToken (%s) must be <= numExperts (%s)",
        expertsPerToken(),
        numExperts());
    Checks.positive("expertIntermediateSize", expertIntermediateSize());
    Checks.nonNegative("numSharedExperts", numSharedExperts());
    Checks.positive("sharedExpertIntermediateSize", sharedExpertIntermediateSize());
    checkArgument(
        !sharedExpertGate() || numSharedExperts() > 0,
        "sharedExpertGate needs numSharedExperts (%s) > 0",
        numSharedExperts());
    Checks.nonNegative("firstDenseLayers", firstDenseLayers());
    Checks.positive("layerPeriod", layerPeriod());
    checkArgument(
        layerPhase() >= 0 && layerPhase() < layerPeriod(),
        "layerPhase (%s) must be in [0, layerPeriod (%s))",
        layerPhase(),
        layerPeriod());
    for (int layer : denseLayers()) {
      Checks.nonNegative("denseLayers entry", layer);
    }
  }

  /**
   * Whether layer {@code layerIndex} (from 0) is a mixture-of-experts layer.
   *
   * @param layerIndex the layer, from 0
   */
  public boolean isSparseLayer(int layerIndex) {
    return layerIndex >= firstDenseLayers()
        && layerIndex % layerPeriod() == layerPhase()
        && !denseLayers().contains(layerIndex);
  }

  private long expertParameters(long hiddenSize, int width, boolean withBias) {
    long weights = times(times(gated() ? 3L : 2L, hiddenSize), width);
    long biases = withBias ? plus((gated() ? 2L : 1L) * width, hiddenSize) : 0;
    return plus(weights, biases);
  }

  /**
   * Parameters of one routed expert, biases included.
   *
   * @param hiddenSize the model's hidden size
   */
  public long routedExpertParameters(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    return expertParameters(hiddenSize, expertIntermediateSize(), expertBias());
  }

  /**
   * Parameters of all shared experts of one layer, with the shared-expert gate.
   *
   * @param hiddenSize the model's hidden size
   */
  public long sharedExpertParameters(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    return times(numSharedExperts(), expertParameters(hiddenSize, sharedExpertIntermediateSize(), expertBias()));
  }

  /**
   * Parameters of the router of one layer: its {@code hidden x numExperts} matrix, its bias, the
   * score-correction bias and the shared-expert gate.
   *
   * @param hiddenSize the model's hidden size
   */
  public long routerParameters(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    long total = times(hiddenSize, numExperts());
    if (routerBias()) {
      total = plus(total, numExperts());
    }
    if (expertScoreCorrectionBias()) {
      total = plus(total, numExperts());
    }
    if (sharedExpertGate()) {
      total = plus(total, hiddenSize);
    }
    return total;
  }

  /**
   * Matrix-multiply weights one token uses in one sparse layer: router, its routed experts, shared experts.
   *
   * @param hiddenSize the model's hidden size
   */
  public long activeMatrixWeights(long hiddenSize) {
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE);
    long perExpert = times(gated() ? 3L : 2L, hiddenSize);
    long router = plus(times(hiddenSize, numExperts()), sharedExpertGate() ? hiddenSize : 0);
    return plus(
        router,
        plus(
            times(perExpert, (long) expertIntermediateSize() * expertsPerToken()),
            times(perExpert, (long) sharedExpertIntermediateSize() * numSharedExperts())));
  }
}
