package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;

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
public record FineGrainedMoeLaw(
    String name, String description, String source, double a, double alpha, double b, double beta, double g,
    double gamma, double c)
    implements ScalingLaw {

  /**
   * Validates the constants.
   *
   * @throws IllegalArgumentException if a figure is NaN or infinite
   */
  public FineGrainedMoeLaw {
    Checks.finite("a", a);
    Checks.finite("alpha", alpha);
    Checks.finite("b", b);
    Checks.finite("beta", beta);
    Checks.finite("g", g);
    Checks.finite("gamma", gamma);
    Checks.finite("c", c);
  }

  /** MoE constants (expansion rate 64), Table 1: a 18.1, alpha 0.115, b 30.8, beta 0.147, g 2.1, gamma 0.58, c 0.47. */
  public static final FineGrainedMoeLaw KRAJEWSKI_2024_MOE =
      new FineGrainedMoeLaw(
          "krajewski-moe",
          "Fine-grained MoE loss L(N, D, G), expansion rate 64",
          "Krajewski et al. 2024, arXiv:2402.07871, eq. (9) and Table 1 (MoE row), checked against the paper's text",
          18.1, 0.115, 30.8, 0.147, 2.1, 0.58, 0.47);

  /** Dense constants: a 16.3, alpha 0.126, b 26.7, beta 0.127, c 0.47 (Table 1; no granularity term, eq. 1 form). */
  public static final FineGrainedMoeLaw KRAJEWSKI_2024_DENSE =
      new FineGrainedMoeLaw(
          "krajewski-dense",
          "Dense baseline of the fine-grained MoE study",
          "Krajewski et al. 2024, arXiv:2402.07871, eq. (1) and Table 1 (dense row), checked against the paper's text",
          16.3, 0.126, 26.7, 0.127, 0, 0, 0.47);

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
    return c + (g / Math.pow(granularity, gamma) + a) / Math.pow(parameters, alpha) + b / Math.pow(tokens, beta);
  }
}
