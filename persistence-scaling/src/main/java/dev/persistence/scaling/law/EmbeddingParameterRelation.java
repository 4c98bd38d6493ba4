package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;

/**
 * The relation between total and non-embedding parameters that Pearce and Song 2024 ("Reconciling Kaplan and
 * Chinchilla Scaling Laws", arXiv:2406.12907) fit to Chinchilla's models: N_T = N_nonE + 47491 N_nonE^(1/3)
 * (vocabulary 32,000; github.com/TeaPearce/Reconciling_Kaplan_Chinchilla_Scaling_Laws @c708e5bf). It explains
 * why Kaplan's non-embedding exponent (0.73) differs from Chinchilla's total-parameter one at small scale.
 */
public final class EmbeddingParameterRelation {
  /** The coefficient 47491 of N_nonE^(1/3). */
  public static final double COEFFICIENT = 47491;

  private EmbeddingParameterRelation() {}

  /**
   * N_T = N_nonE + 47491 N_nonE^(1/3).
   *
   * @throws IllegalArgumentException if the argument is not finite and positive
   */
  public static double totalParameters(double nonEmbeddingParameters) {
    Checks.positive("nonEmbeddingParameters", nonEmbeddingParameters);
    return nonEmbeddingParameters + COEFFICIENT * Math.cbrt(nonEmbeddingParameters);
  }

  /**
   * The loss-minimising non-embedding model size at a non-embedding compute budget C_nonE = 6 N_nonE D, when the
   * law counts total parameters N_T = N_nonE + 47491 N_nonE^(1/3) (Pearce and Song 2024, Sec. 3): minimises
   * A / N_T^alpha + B / D^beta over N_nonE with Brent's method on log N_nonE (Hipparchus, relative tolerance 1e-12).
   *
   * @param law a Chinchilla-form law over total parameters
   * @param nonEmbeddingFlops C_nonE, must be finite and &gt; 0
   * @throws IllegalArgumentException if {@code nonEmbeddingFlops} is not finite and positive
   */
  public static double optimalNonEmbeddingParameters(ChinchillaLaw law, double nonEmbeddingFlops) {
    Checks.positive("nonEmbeddingFlops", nonEmbeddingFlops);
    // C = 6ND with N and D of at least one: the search interval [0, ln(C / 6)] is empty below 6 FLOPs.
    Checks.check(nonEmbeddingFlops > 6, "nonEmbeddingFlops", nonEmbeddingFlops, "must be > 6 (C = 6ND, N and D >= 1)");
    double maxLog = Math.log(nonEmbeddingFlops / 6);
    org.hipparchus.optim.univariate.UnivariatePointValuePair best =
        new org.hipparchus.optim.univariate.BrentOptimizer(1e-12, 1e-14)
            .optimize(
                new org.hipparchus.optim.MaxEval(10_000),
                new org.hipparchus.optim.univariate.UnivariateObjectiveFunction(x -> {
                  double nonE = Math.exp(x);
                  double tokens = nonEmbeddingFlops / (6 * nonE);
                  return law.parameterTerm(totalParameters(nonE)) + law.tokenTerm(tokens);
                }),
                org.hipparchus.optim.nonlinear.scalar.GoalType.MINIMIZE,
                new org.hipparchus.optim.univariate.SearchInterval(0, maxLog, maxLog / 2));
    return Math.exp(best.getPoint());
  }

  /**
   * Inverts {@link #totalParameters} by Newton's method on the cube root (monotone, converges from N_T).
   *
   * @throws IllegalArgumentException if the argument is not finite and positive
   */
  public static double nonEmbeddingParameters(double totalParameters) {
    Checks.positive("totalParameters", totalParameters);
    if (totalParameters > dev.persistence.core.exact.Amounts.MAX_QUANTITY) {
      throw new IllegalArgumentException(
          "totalParameters (" + totalParameters + ") must be <= " + dev.persistence.core.exact.Amounts.MAX_QUANTITY);
    }
    // Solve t^3 + k t - N_T = 0 for t = N_nonE^(1/3); the function is increasing and convex for t > 0.
    double t = Math.cbrt(totalParameters);
    for (int i = 0; i < 100; i++) {
      double f = t * t * t + COEFFICIENT * t - totalParameters;
      double step = f / (3 * t * t + COEFFICIENT);
      t -= step;
      if (Math.abs(step) <= 1e-15 * t) {
        break;
      }
    }
    return t * t * t;
  }
}
