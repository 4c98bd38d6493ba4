package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * A compute-to-quantity power law, quantity = coefficient x C^exponent.
 *
 * <p>{@link #LLAMA_3_TOKENS}: Llama Team 2024 ("The Llama 3 Herd of Models", arXiv:2407.21783, Sec. 3.2.1),
 * N*(C) = A C^alpha with (alpha, A) = (0.53, 0.29), where N* is the optimal number of training tokens. Known
 * discrepancy: at the flagship budget 3.8e25 FLOPs the printed constants give 10.5T tokens, not the paper's
 * 16.55T (the rounding of A and alpha is too coarse), and 402B x 16.55T x 6 = 3.99e25, not 3.8e25.
 */
@Value.Immutable
public abstract class PowerLawAllocation implements ScalingLaw {

  /** Returns a new builder. */
  public static ImmutablePowerLawAllocation.Builder builder() {
    return ImmutablePowerLawAllocation.builder();
  }

  /** The coefficient, must be &gt; 0. */
  public abstract double coefficient();

  /** The exponent of compute. */
  public abstract double exponent();

  /** What the law returns (for reports). */
  public abstract String quantity();

  /** Llama 3's optimal-training-tokens law, 0.29 C^0.53 (arXiv:2407.21783, Sec. 3.2.1). */
  public static final PowerLawAllocation LLAMA_3_TOKENS =
      builder()
          .name("llama3")
          .description("Llama 3 compute-optimal training tokens, 0.29 C^0.53 (fitted on 6e18..1e22 FLOPs)")
          .source("Llama Team 2024, arXiv:2407.21783, Sec. 3.2.1")
          .coefficient(0.29)
          .exponent(0.53)
          .quantity("training tokens")
          .build();

  /** @throws IllegalArgumentException if the coefficient is not finite and positive or the exponent is not finite */
  @Value.Check
  protected void check() {
    Checks.positive("coefficient", coefficient());
    if (!Double.isFinite(exponent())) {
      throw new IllegalArgumentException("exponent (" + exponent() + ") must be finite");
    }
  }

  /**
   * coefficient x C^exponent.
   *
   * @param flops C, must be finite and &gt; 0
   * @throws IllegalArgumentException if {@code flops} is not finite and positive
   */
  public double apply(double flops) {
    return coefficient() * Math.pow(Checks.positive("flops", flops), exponent());
  }
}
