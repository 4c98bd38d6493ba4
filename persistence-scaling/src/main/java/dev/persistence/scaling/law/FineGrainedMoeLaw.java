package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * The fine-grained mixture-of-experts law of Krajewski et al. 2024 ("Scaling Laws for Fine-Grained Mixture of
 * Experts", arXiv:2402.07871): L(N, D, G) = c + (g / G^gamma + a) / N^alpha + b / D^beta, with G the granularity
 * and expansion rate 64; the dense form drops the granularity term.
 *
 * <p><b>Checked against the paper:</b> the functional form is the paper's eq. (9) and the constants are its
 * Table 1 ("Values of the fitted coefficients", Sec. 5.4: MoE a 18.1, alpha 0.115, b 30.8, beta 0.147, g 2.1,
 * gamma 0.58, c 0.47; dense a 16.3, alpha 0.126, b 26.7, beta 0.127, c 0.47), read in a full-text transcription of
 * the arXiv PDF (also the source of arxiv.org/html/2402.07871). The expansion rate 64 is the paper's (Sec. 7,
 * "we focus on E = 64"); the fit is a Huber loss with delta 0.1 (Sec. 5.3).
 */
@Value.Immutable
public abstract class FineGrainedMoeLaw implements ScalingLaw {

  /** Returns a new builder. */
  public static ImmutableFineGrainedMoeLaw.Builder builder() {
    return ImmutableFineGrainedMoeLaw.builder();
  }

  /** a, the coefficient of the parameter term (eq. 9). */
  public abstract double a();

  /** alpha, the exponent of parameters. */
  public abstract double alpha();

  /** b, the coefficient of the token term. */
  public abstract double b();

  /** beta, the exponent of tokens. */
  public abstract double beta();

  /** g, the coefficient of the granularity term (0 for the dense form). */
  public abstract double g();

  /** gamma, the exponent of granularity. */
  public abstract double gamma();

  /** c, the irreducible loss. */
  public abstract double c();

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
    Checks.finite("g", g());
    Checks.finite("gamma", gamma());
    Checks.finite("c", c());
  }

  /** MoE constants (expansion rate 64), Table 1: a 18.1, alpha 0.115, b 30.8, beta 0.147, g 2.1, gamma 0.58, c 0.47. */
  public static final FineGrainedMoeLaw KRAJEWSKI_2024_MOE =
      builder()
          .name("krajewski-moe")
          .description("Fine-grained MoE loss L(N, D, G), expansion rate 64")
          .source("Krajewski et al. 2024, arXiv:2402.07871, eq. (9) and Table 1 (MoE row), checked against the paper's text")
          .a(18.1)
          .alpha(0.115)
          .b(30.8)
          .beta(0.147)
          .g(2.1)
          .gamma(0.58)
          .c(0.47)
          .build();

  /** Dense constants: a 16.3, alpha 0.126, b 26.7, beta 0.127, c 0.47 (Table 1; no granularity term, eq. 1 form). */
  public static final FineGrainedMoeLaw KRAJEWSKI_2024_DENSE =
      builder()
          .name("krajewski-dense")
          .description("Dense baseline of the fine-grained MoE study")
          .source("Krajewski et al. 2024, arXiv:2402.07871, eq. (1) and Table 1 (dense row), checked against the paper's text")
          .a(16.3)
          .alpha(0.126)
          .b(26.7)
          .beta(0.127)
          .g(0)
          .gamma(0)
          .c(0.47)
          .build();

  /**
   * The loss at granularity {@code granularity}.
   *
   * @param parameters N, must be finite and &gt; 0
   * @param tokens D, must be finite and &gt; 0
   * @param granularity G, must be finite and &gt; 0
   * @throws IllegalArgumentException if an argument is not finite and positive
   */
  public double loss(double parameters, double tokens, double granularity) {
    Checks.positive("parameters", parameters);
    Checks.positive("tokens", tokens);
    Checks.positive("granularity", granularity);
    return c() + (g() / Math.pow(granularity, gamma()) + a()) / Math.pow(parameters, alpha()) + b() / Math.pow(tokens, beta());
  }
}
