package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * The precision-aware law of Kumar et al. 2024 ("Scaling Laws for Precision", arXiv:2411.04330): training in
 * lower precision shrinks the effective parameter count, N_eff = N (1 - e^(-P_w/gamma_w)) (1 - e^(-P_a/gamma_a))
 * (1 - e^(-P_kv/gamma_kv)), and L = A N_eff^-alpha + B D^-beta + E.
 *
 * <p><b>Unverified constants:</b> they come from a secondary transcription of App. K Table 2 (scaling-cases.json
 * case {@code kumar.precision}, status {@code secondary_transcription}) and could not be checked against the paper.
 * A search of stored copies found the abstract and third-party notes that agree on the N_eff form, but not the
 * App. K fits in the paper's own text, so the marking stays.
 */
@Value.Immutable
public abstract class PrecisionScalingLaw implements ScalingLaw {

  /** Returns a new builder. */
  public static ImmutablePrecisionScalingLaw.Builder builder() {
    return ImmutablePrecisionScalingLaw.builder();
  }

  /** A, the coefficient of the effective-parameter term. */
  public abstract double a();

  /** alpha, the exponent of effective parameters. */
  public abstract double alpha();

  /** B, the coefficient of the token term. */
  public abstract double b();

  /** beta, the exponent of tokens. */
  public abstract double beta();

  /** E, the irreducible loss. */
  public abstract double e();

  /** gamma_w, the weight-precision sensitivity, bits. */
  public abstract double gammaWeights();

  /** gamma_a, the activation-precision sensitivity, bits. */
  public abstract double gammaActivations();

  /** gamma_kv, the key-value-cache-precision sensitivity, bits. */
  public abstract double gammaKeyValue();

  /**
   * Checks the constants when one is built (Immutables {@code @Value.Check}).
   *
   * Validates the constants.
   *
   * @throws IllegalArgumentException if a figure is NaN or infinite
   */
  @Value.Check
  protected void check() {
    Checks.finite("a", a());
    Checks.finite("alpha", alpha());
    Checks.finite("b", b());
    Checks.finite("beta", beta());
    Checks.finite("e", e());
    Checks.finite("gammaWeights", gammaWeights());
    Checks.finite("gammaActivations", gammaActivations());
    Checks.finite("gammaKeyValue", gammaKeyValue());
  }

  /** A 4299, alpha 0.4965, B 18060, beta 0.4965, E 2.7648, gamma_w 2.6745, gamma_a 2.2102, gamma_kv 0.9578. Unverified. */
  public static final PrecisionScalingLaw KUMAR_2024 =
      builder()
          .name("kumar-precision")
          .description("Precision-aware loss: effective parameters shrink with weight/activation/KV-cache bits (unverified)")
          .source("Kumar et al. 2024, arXiv:2411.04330, App. K Table 2 (secondary transcription, not checked)")
          .a(4299.0)
          .alpha(0.4965)
          .b(18060.0)
          .beta(0.4965)
          .e(2.7648)
          .gammaWeights(2.6745)
          .gammaActivations(2.2102)
          .gammaKeyValue(0.9578)
          .build();

  /**
   * N_eff for training with weights, activations and KV cache in the given bit widths.
   *
   * @throws IllegalArgumentException if an argument is not finite and positive
   */
  public double effectiveParameters(double parameters, double weightBits, double activationBits, double keyValueBits) {
    Checks.count("parameters", parameters);
    // A number format has 1 to 64 bits (Kumar et al. 2024, arXiv:2411.04330, fit 3 to 16).
    Checks.inRange("weightBits", weightBits, 1, 64);
    Checks.inRange("activationBits", activationBits, 1, 64);
    Checks.inRange("keyValueBits", keyValueBits, 1, 64);
    return parameters
        * -Math.expm1(-weightBits / gammaWeights())
        * -Math.expm1(-activationBits / gammaActivations())
        * -Math.expm1(-keyValueBits / gammaKeyValue());
  }

  /**
   * L = A N_eff^-alpha + B D^-beta + E (without the post-training-quantisation term).
   *
   * @throws IllegalArgumentException if an argument is not finite and positive
   */
  public double loss(double parameters, double tokens, double weightBits, double activationBits, double keyValueBits) {
    double effective = effectiveParameters(parameters, weightBits, activationBits, keyValueBits);
    return a() / Math.pow(effective, alpha()) + b() / Math.pow(Checks.count("tokens", tokens), beta()) + e();
  }
}
