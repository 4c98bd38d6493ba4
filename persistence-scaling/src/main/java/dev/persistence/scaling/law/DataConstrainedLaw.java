package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * The data-constrained scaling law of Muennighoff et al. 2023 ("Scaling Data-Constrained Language Models",
 * arXiv:2305.16264, eq. 5-7): repeated tokens and excess parameters are worth less, with
 *
 * <ul>
 *   <li>D' = U_D + U_D R_D* (1 - exp(-R_D / R_D*)), R_D = D / U_D - 1 (repetitions beyond the first epoch);
 *   <li>N' = U_N + U_N R_N* (1 - exp(-R_N / R_N*)), U_N = min(N, N_opt(U_D)), R_N = N / U_N - 1;
 *   <li>L = E + A / N'^alpha + B / D'^beta.
 * </ul>
 *
 * U_D is the unique data actually seen, min(D, unique tokens available) (the reference implementation assumes
 * D &gt;= U_D). N_opt(U_D) is the Chinchilla-frontier model size for U_D tokens ({@link ChinchillaLaw#optimalParametersForTokens}),
 * as in huggingface/datablations.
 */
@Value.Immutable
public abstract class DataConstrainedLaw implements LossLaw {

  /** Returns a new builder. */
  public static ImmutableDataConstrainedLaw.Builder builder() {
    return ImmutableDataConstrainedLaw.builder();
  }

  /** The Chinchilla-form law of the loss. */
  public abstract ChinchillaLaw base();

  /** R_D*, must be &gt; 0. */
  public abstract double tokenRepetitionDecay();

  /** R_N*, must be &gt; 0. */
  public abstract double parameterRepetitionDecay();

  /**
   * Muennighoff et al. 2023 with R_D* = 15.387756 and R_N* = 5.309743 (paper: "R_D* ~ 15.4, R_N* ~ 5.3"; exact
   * values from huggingface/datablations README "Parametric Fit", commit 13701315) over {@link
   * ChinchillaLaw#MUENNIGHOFF_2023}.
   */
  public static final DataConstrainedLaw MUENNIGHOFF_2023 =
      builder()
          .name("muennighoff")
          .description("Data-constrained scaling: repeated tokens and excess parameters decay in value")
          .source("Muennighoff et al. 2023, arXiv:2305.16264, eq. (5)-(7); constants from huggingface/datablations README")
          .base(ChinchillaLaw.MUENNIGHOFF_2023)
          .tokenRepetitionDecay(15.387756)
          .parameterRepetitionDecay(5.309743)
          .build();

  /** @throws IllegalArgumentException if a decay constant is not finite and positive */
  @Value.Check
  protected void check() {
    Checks.positive("tokenRepetitionDecay (R_D*)", tokenRepetitionDecay());
    Checks.positive("parameterRepetitionDecay (R_N*)", parameterRepetitionDecay());
  }

  /** Returns this law over a different base (for overriding E, A, B, alpha, beta). */
  public DataConstrainedLaw withBase(ChinchillaLaw newBase) {
    return builder().from(this).base(newBase).build();
  }

  /**
   * D', the effective data of {@code tokens} drawn from {@code uniqueTokens} unique tokens.
   *
   * @throws IllegalArgumentException if an argument is not finite and positive
   */
  public double effectiveTokens(double tokens, double uniqueTokens) {
    Checks.positive("tokens", tokens);
    Checks.positive("uniqueTokens", uniqueTokens);
    // Fewer tokens than the unique pool: every token is seen once (U_D = D).
    double seen = Math.min(tokens, uniqueTokens);
    double repetitions = tokens / seen - 1;
    return seen + seen * tokenRepetitionDecay() * -Math.expm1(-repetitions / tokenRepetitionDecay());
  }

  /**
   * N', the effective parameters of a model of {@code parameters} trained on {@code uniqueTokens} unique tokens.
   *
   * @throws IllegalArgumentException if an argument is not finite and positive
   */
  public double effectiveParameters(double parameters, double uniqueTokens) {
    Checks.positive("parameters", parameters);
    // A fraction of a token can be drawn (a budget split over sources), but a subnormal one underflows the cap.
    Checks.atLeast("uniqueTokens", uniqueTokens, Double.MIN_NORMAL);
    double usefulParameters = Math.min(parameters, base().optimalParametersForTokens(uniqueTokens));
    double excess = Math.max(parameters / usefulParameters - 1, 0);
    return usefulParameters
        + usefulParameters * parameterRepetitionDecay() * -Math.expm1(-excess / parameterRepetitionDecay());
  }

  /**
   * The loss with {@code tokens} training tokens drawn from {@code uniqueTokens} unique tokens.
   *
   * @throws IllegalArgumentException if an argument is not finite and positive
   */
  public double loss(double parameters, double tokens, double uniqueTokens) {
    Checks.positive("tokens", tokens);
    Checks.positive("uniqueTokens", uniqueTokens);
    double effectiveParameters = effectiveParameters(parameters, Math.min(tokens, uniqueTokens));
    double effectiveTokens = effectiveTokens(tokens, uniqueTokens);
    double loss =
        base().irreducibleLoss()
            + base().parameterCoefficient() / Math.pow(effectiveParameters, base().parameterExponent())
            + base().tokenCoefficient() / Math.pow(effectiveTokens, base().tokenExponent());
    if (!Double.isFinite(loss)) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "loss at parameters (%s), tokens (%s) and uniqueTokens (%s) is not finite; counts below 1 are not"
                  + " meaningful",
              parameters,
              tokens,
              uniqueTokens));
    }
    return loss;
  }

  /** Without a cap on unique tokens, every token is unique and the law is its base Chinchilla form. */
  @Override
  public double loss(double parameters, double tokens) {
    return base().loss(parameters, tokens);
  }
}
