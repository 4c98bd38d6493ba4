package dev.persistence.scaling.law;

/**
 * The fine-grained mixture-of-experts law of Krajewski et al. 2024 ("Scaling Laws for Fine-Grained Mixture of
 * Experts", arXiv:2402.07871): L(N, D, G) = c + (g / G^gamma + a) / N^alpha + b / D^beta, with G the granularity
 * and expansion rate 64; the dense form drops the granularity term.
 *
 * <p><b>Unverified constants:</b> the values below come from a secondary transcription of the paper's Table 1
 * (shared/reference/scaling/scaling-cases.json, case {@code krajewski.finegrained}, status
 * {@code secondary_transcription}); they could not be checked against the primary source.
 */
public record FineGrainedMoeLaw(
    String name, String description, String source, double a, double alpha, double b, double beta, double g,
    double gamma, double c)
    implements ScalingLaw {

  /** MoE constants (expansion rate 64): a 18.1, alpha 0.115, b 30.8, beta 0.147, g 2.1, gamma 0.58, c 0.47. Unverified. */
  public static final FineGrainedMoeLaw KRAJEWSKI_2024_MOE =
      new FineGrainedMoeLaw(
          "krajewski-moe",
          "Fine-grained MoE loss L(N, D, G), expansion rate 64 (constants unverified)",
          "Krajewski et al. 2024, arXiv:2402.07871, Table 1 (secondary transcription, not checked against the paper)",
          18.1, 0.115, 30.8, 0.147, 2.1, 0.58, 0.47);

  /** Dense constants: a 16.3, alpha 0.126, b 26.7, beta 0.127, c 0.47 (no granularity term). Unverified. */
  public static final FineGrainedMoeLaw KRAJEWSKI_2024_DENSE =
      new FineGrainedMoeLaw(
          "krajewski-dense",
          "Dense baseline of the fine-grained MoE study (constants unverified)",
          "Krajewski et al. 2024, arXiv:2402.07871, Table 1 (secondary transcription, not checked against the paper)",
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
