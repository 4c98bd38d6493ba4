package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * The model-size and data laws of Kaplan et al. 2020 ("Scaling Laws for Neural Language Models",
 * arXiv:2001.08361). N counts non-embedding parameters, D tokens, losses are nats per token on WebText2.
 *
 * <ul>
 *   <li>L(N) = (N_c / N)^alpha_N (eq. 1.1);
 *   <li>L(D) = (D_c / D)^alpha_D (eq. 1.2);
 *   <li>L(N, D) = [(N_c / N)^(alpha_N / alpha_D) + D_c / D]^alpha_D (eq. 1.5, eq. 4.1).
 * </ul>
 *
 * <p>The paper gives two constant sets: the separate fits of Table 5 ({@link #TABLE_5}) and the joint L(N, D) fit
 * of Table 2 ({@link #TABLE_2}); eq. 1.5 was fitted with the latter.
 */
@Value.Immutable
public abstract class KaplanLaw implements LossLaw {

  /** Returns a new builder. */
  public static ImmutableKaplanLaw.Builder builder() {
    return ImmutableKaplanLaw.builder();
  }

  /** Exponent of the model-size term. */
  public abstract double alphaN();

  /** N_c, non-embedding parameters. */
  public abstract double criticalParameters();

  /** Exponent of the data term. */
  public abstract double alphaD();

  /** D_c, tokens. */
  public abstract double criticalTokens();

  /** Table 5 of Kaplan et al. 2020: alpha_N = 0.076, N_c = 8.8e13, alpha_D = 0.095, D_c = 5.4e13. */
  public static final KaplanLaw TABLE_5 =
      builder()
          .name("kaplan-table5")
          .description("Kaplan L(N), L(D) and eq. 1.5 with the separate fits of Table 5")
          .source("Kaplan et al. 2020, arXiv:2001.08361, eq. (1.1), (1.2), (1.5); Table 5")
          .alphaN(0.076)
          .criticalParameters(8.8e13)
          .alphaD(0.095)
          .criticalTokens(5.4e13)
          .build();

  /** Table 2 of Kaplan et al. 2020 (the joint L(N, D) fit): alpha_N = 0.076, alpha_D = 0.103, N_c = 6.4e13, D_c = 1.8e13. */
  public static final KaplanLaw TABLE_2 =
      builder()
          .name("kaplan")
          .description("Kaplan L(N, D) of eq. 1.5 with the joint fit of Table 2 (N non-embedding)")
          .source("Kaplan et al. 2020, arXiv:2001.08361, eq. (1.5)/(4.1); Table 2")
          .alphaN(0.076)
          .criticalParameters(6.4e13)
          .alphaD(0.103)
          .criticalTokens(1.8e13)
          .build();

  /**
   * Checks the constants when one is built (Immutables {@code @Value.Check}).
   *
   * @throws IllegalArgumentException if a constant is not finite and positive
   */
  @Value.Check
  protected void check() {
    Checks.positive("alphaN", alphaN());
    Checks.positive("criticalParameters", criticalParameters());
    Checks.positive("alphaD", alphaD());
    Checks.positive("criticalTokens", criticalTokens());
  }

  /**
   * L(N) = (N_c / N)^alpha_N, the loss of a model trained to convergence on ample data (eq. 1.1).
   *
   * @param parameters N, non-embedding parameters, must be finite and &gt; 0
   * @throws IllegalArgumentException if {@code nonEmbeddingParameters} is not finite and positive
   */
  public double lossFromParameters(double parameters) {
    return Math.pow(criticalParameters() / Checks.count("parameters", parameters), alphaN());
  }

  /**
   * L(D) = (D_c / D)^alpha_D, the loss of a large model trained with early stopping on D tokens (eq. 1.2).
   *
   * @param tokens D, must be finite and &gt; 0
   * @throws IllegalArgumentException if {@code tokens} is not finite and positive
   */
  public double lossFromTokens(double tokens) {
    return Math.pow(criticalTokens() / Checks.count("tokens", tokens), alphaD());
  }

  /**
   * L(N, D) = [(N_c / N)^(alpha_N / alpha_D) + D_c / D]^alpha_D (eq. 1.5).
   *
   * @param parameters non-embedding parameters N, must be finite and &gt; 0
   * @param tokens D, must be finite and &gt; 0
   * @throws IllegalArgumentException if an argument is not finite and positive
   */
  @Override
  public double loss(double parameters, double tokens) {
    Checks.count("parameters", parameters);
    Checks.count("tokens", tokens);
    return Math.pow(
        Math.pow(criticalParameters() / parameters, alphaN() / alphaD()) + criticalTokens() / tokens, alphaD());
  }
}
