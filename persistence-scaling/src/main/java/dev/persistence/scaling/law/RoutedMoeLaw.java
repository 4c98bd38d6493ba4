package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

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
@Value.Immutable
public abstract class RoutedMoeLaw implements ScalingLaw {

  /** Returns a new builder. */
  public static ImmutableRoutedMoeLaw.Builder builder() {
    return ImmutableRoutedMoeLaw.builder();
  }

  /** a, the coefficient of log N (eq. 1). */
  public abstract double a();

  /** b, the coefficient of log Ê. */
  public abstract double b();

  /** c, the coefficient of log N log Ê. */
  public abstract double c();

  /** d, the constant term. */
  public abstract double d();

  /** E_start, where the expert count begins to saturate. */
  public abstract double expertsStart();

  /** E_max, the expert count the saturation tends to. */
  public abstract double expertsMax();

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
    Checks.finite("b", b());
    Checks.finite("c", c());
    Checks.finite("d", d());
    Checks.finite("expertsStart", expertsStart());
    Checks.finite("expertsMax", expertsMax());
  }

  /** S-BASE routing: a -0.082, b -0.108, c 0.009, d 1.104, E_start 1.847, E_max 314.478. Unverified. */
  public static final RoutedMoeLaw CLARK_2022_S_BASE =
      builder()
          .name("clark-s-base")
          .description("Routed LM loss L(N, E) for S-BASE routing at 130B tokens (constants unverified)")
          .source("Clark et al. 2022, arXiv:2202.01169, eq. (1), Table 3 (secondary transcription, not checked)")
          .a(-0.082)
          .b(-0.108)
          .c(0.009)
          .d(1.104)
          .expertsStart(1.847)
          .expertsMax(314.478)
          .build();

  /** RL-R routing: a -0.083, b -0.126, c 0.012, d 1.111, E_start 1.88, E_max 469.982. Unverified. */
  public static final RoutedMoeLaw CLARK_2022_RL_R =
      builder()
          .name("clark-rl-r")
          .description("Routed LM loss L(N, E) for RL-R routing at 130B tokens (constants unverified)")
          .source("Clark et al. 2022, arXiv:2202.01169, eq. (1), Table 3 (secondary transcription, not checked)")
          .a(-0.083)
          .b(-0.126)
          .c(0.012)
          .d(1.111)
          .expertsStart(1.88)
          .expertsMax(469.982)
          .build();

  /** Hash routing: a -0.087, b -0.136, c 0.012, d 1.157, E_start 4.175, E_max 477.741. Unverified. */
  public static final RoutedMoeLaw CLARK_2022_HASH =
      builder()
          .name("clark-hash")
          .description("Routed LM loss L(N, E) for hash routing at 130B tokens (constants unverified)")
          .source("Clark et al. 2022, arXiv:2202.01169, eq. (1), Table 3 (secondary transcription, not checked)")
          .a(-0.087)
          .b(-0.136)
          .c(0.012)
          .d(1.157)
          .expertsStart(4.175)
          .expertsMax(477.741)
          .build();

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
    double inverse = 1 / (experts - 1 + 1 / (1 / expertsStart() - 1 / expertsMax())) + 1 / expertsMax();
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
    return Math.pow(10, a() * logN + b() * logE + c() * logN * logE + d());
  }
}
