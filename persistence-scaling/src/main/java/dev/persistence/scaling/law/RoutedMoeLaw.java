package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;

/**
 * The routed-language-model law of Clark et al. 2022 ("Unified Scaling Laws for Routed Language Models",
 * arXiv:2202.01169, eq. 1 and Table 3), at a fixed 130B training tokens: log L(N, E) = a log N + b log Ê + c log N
 * log Ê + d, with the saturating expert count 1/Ê = 1/(E - 1 + (1/E_start - 1/E_max)^-1) + 1/E_max.
 *
 * <p><b>Unverified constants:</b> they come from a secondary transcription (scaling-cases.json case
 * {@code clark.routed}, status {@code secondary_transcription}), which also believes but does not confirm that the
 * logarithms are base 10; base 10 is used here. Neither could be checked against the primary source.
 * A search of stored copies of the paper found only its abstract and third-party notes that repeat these values;
 * Table 3 and the log base were not seen in the paper's own text, so the marking stays.
 */
public record RoutedMoeLaw(
    String name, String description, String source, double a, double b, double c, double d, double expertsStart,
    double expertsMax)
    implements ScalingLaw {

  /**
   * Validates the constants.
   *
   * @throws IllegalArgumentException if a figure is NaN or infinite
   */
  public RoutedMoeLaw {
    Checks.finite("a", a);
    Checks.finite("b", b);
    Checks.finite("c", c);
    Checks.finite("d", d);
    Checks.finite("expertsStart", expertsStart);
    Checks.finite("expertsMax", expertsMax);
  }

  /** S-BASE routing: a -0.082, b -0.108, c 0.009, d 1.104, E_start 1.847, E_max 314.478. Unverified. */
  public static final RoutedMoeLaw CLARK_2022_S_BASE =
      new RoutedMoeLaw(
          "clark-s-base",
          "Routed LM loss L(N, E) for S-BASE routing at 130B tokens (constants unverified)",
          "Clark et al. 2022, arXiv:2202.01169, eq. (1), Table 3 (secondary transcription, not checked)",
          -0.082, -0.108, 0.009, 1.104, 1.847, 314.478);

  /** RL-R routing: a -0.083, b -0.126, c 0.012, d 1.111, E_start 1.88, E_max 469.982. Unverified. */
  public static final RoutedMoeLaw CLARK_2022_RL_R =
      new RoutedMoeLaw(
          "clark-rl-r",
          "Routed LM loss L(N, E) for RL-R routing at 130B tokens (constants unverified)",
          "Clark et al. 2022, arXiv:2202.01169, eq. (1), Table 3 (secondary transcription, not checked)",
          -0.083, -0.126, 0.012, 1.111, 1.88, 469.982);

  /** Hash routing: a -0.087, b -0.136, c 0.012, d 1.157, E_start 4.175, E_max 477.741. Unverified. */
  public static final RoutedMoeLaw CLARK_2022_HASH =
      new RoutedMoeLaw(
          "clark-hash",
          "Routed LM loss L(N, E) for hash routing at 130B tokens (constants unverified)",
          "Clark et al. 2022, arXiv:2202.01169, eq. (1), Table 3 (secondary transcription, not checked)",
          -0.087, -0.136, 0.012, 1.157, 4.175, 477.741);

  /**
   * Ê, the saturating transformation of the expert count.
   *
   * @param experts E, must be &gt;= 1
   * @throws IllegalArgumentException if {@code experts} is not finite and at least 1
   */
  public double saturatedExperts(double experts) {
    if (!(experts >= 1) || experts == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("experts (" + experts + ") must be finite and >= 1");
    }
    double inverse = 1 / (experts - 1 + 1 / (1 / expertsStart - 1 / expertsMax)) + 1 / expertsMax;
    return 1 / inverse;
  }

  /**
   * The loss of a routed model with {@code parameters} dense-equivalent parameters and {@code experts} experts.
   *
   * @throws IllegalArgumentException if {@code parameters} is not finite and positive or experts &lt; 1
   */
  public double loss(double parameters, double experts) {
    double logN = Math.log10(Checks.positive("parameters", parameters));
    double logE = Math.log10(saturatedExperts(experts));
    return Math.pow(10, a * logN + b * logE + c * logN * logE + d);
  }
}
