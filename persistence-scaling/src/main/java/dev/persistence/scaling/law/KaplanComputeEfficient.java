package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;

/**
 * The compute-efficient frontier of Kaplan et al. 2020 (arXiv:2001.08361): the loss at minimum compute (eq. 1.3)
 * and the allocation of Table 6 (Sec. 6.1, Fig. 14), with C_min in PF-days (see {@link ComputeUnits}).
 */
public final class KaplanComputeEfficient {
  /** alpha_C^min = 0.050, Table 5. */
  public static final double MINIMUM_COMPUTE_EXPONENT = 0.050;

  /** C_c^min = 3.1e8 PF-days, Table 5. */
  public static final double CRITICAL_MINIMUM_COMPUTE_PETAFLOP_DAYS = 3.1e8;

  /** N_opt = 1.3e9 x C_min^0.73 (Table 6). */
  public static final double OPTIMAL_PARAMETERS_COEFFICIENT = 1.3e9;

  /** Exponent of N_opt, 0.73 (Table 6). */
  public static final double OPTIMAL_PARAMETERS_EXPONENT = 0.73;

  /** B = 2.0e6 tokens x C_min^0.24 (Table 6). */
  public static final double BATCH_TOKENS_COEFFICIENT = 2.0e6;

  /** Exponent of the batch size, 0.24 (Table 6). */
  public static final double BATCH_TOKENS_EXPONENT = 0.24;

  /** S_min = 5.4e3 steps x C_min^0.03 (Table 6). */
  public static final double MINIMUM_STEPS_COEFFICIENT = 5.4e3;

  /** Exponent of S_min, 0.03 (Table 6). */
  public static final double MINIMUM_STEPS_EXPONENT = 0.03;

  /** D_opt = 2e10 tokens x C_min^0.27 (Table 6, one epoch). */
  public static final double OPTIMAL_TOKENS_COEFFICIENT = 2e10;

  /** Exponent of D_opt, 0.27 (Table 6). */
  public static final double OPTIMAL_TOKENS_EXPONENT = 0.27;

  private KaplanComputeEfficient() {}

  /**
   * L(C_min) = (C_c^min / C_min)^alpha_C^min (eq. 1.3, Table 5 constants).
   *
   * @param minimumComputePetaflopDays C_min in PF-days, must be finite and &gt; 0
   * @throws IllegalArgumentException if the argument is not finite and positive
   */
  public static double lossFromMinimumCompute(double minimumComputePetaflopDays) {
    Checks.positive("minimumComputePetaflopDays", minimumComputePetaflopDays);
    return Checks.finite(
        "loss at minimumComputePetaflopDays " + minimumComputePetaflopDays,
        Math.pow(CRITICAL_MINIMUM_COMPUTE_PETAFLOP_DAYS / minimumComputePetaflopDays, MINIMUM_COMPUTE_EXPONENT));
  }

  /**
   * N_opt = 1.3e9 x C_min^0.73 non-embedding parameters (Table 6, eq. 6.1).
   *
   * @param minimumComputePetaflopDays C_min in PF-days, must be finite and &gt; 0
   * @throws IllegalArgumentException if the argument is not finite and positive
   */
  public static double optimalParameters(double minimumComputePetaflopDays) {
    Checks.positive("minimumComputePetaflopDays", minimumComputePetaflopDays);
    return OPTIMAL_PARAMETERS_COEFFICIENT * Math.pow(minimumComputePetaflopDays, OPTIMAL_PARAMETERS_EXPONENT);
  }

  /**
   * N_opt at a training budget in FLOPs, reading C = 2 C_min as Hoffmann et al. 2022 do in App. D.4 (their
   * "optimal model size should be 4.68 billion" at 1e21 FLOPs): N = 1.3e9 (C / (2 PF-day))^0.73.
   *
   * @param trainingFlops C in FLOPs, must be finite and &gt; 0
   * @throws IllegalArgumentException if the argument is not finite and positive
   */
  public static double optimalParametersForTrainingFlops(double trainingFlops) {
    Checks.atLeast("trainingFlops", trainingFlops, 1);
    return optimalParameters(ComputeUnits.petaflopDays(trainingFlops) / 2);
  }

  /**
   * D_opt = 2e10 x C_min^0.27 tokens (Table 6).
   *
   * @throws IllegalArgumentException if the argument is not finite and positive
   */
  public static double optimalTokens(double minimumComputePetaflopDays) {
    Checks.positive("minimumComputePetaflopDays", minimumComputePetaflopDays);
    return OPTIMAL_TOKENS_COEFFICIENT * Math.pow(minimumComputePetaflopDays, OPTIMAL_TOKENS_EXPONENT);
  }

  /**
   * B = 2.0e6 x C_min^0.24 tokens (Table 6).
   *
   * @throws IllegalArgumentException if the argument is not finite and positive
   */
  public static double batchTokens(double minimumComputePetaflopDays) {
    Checks.positive("minimumComputePetaflopDays", minimumComputePetaflopDays);
    return BATCH_TOKENS_COEFFICIENT * Math.pow(minimumComputePetaflopDays, BATCH_TOKENS_EXPONENT);
  }

  /**
   * S_min = 5.4e3 x C_min^0.03 steps (Table 6).
   *
   * @throws IllegalArgumentException if the argument is not finite and positive
   */
  public static double minimumSteps(double minimumComputePetaflopDays) {
    Checks.positive("minimumComputePetaflopDays", minimumComputePetaflopDays);
    return MINIMUM_STEPS_COEFFICIENT * Math.pow(minimumComputePetaflopDays, MINIMUM_STEPS_EXPONENT);
  }

  /**
   * The data needed to avoid overfitting, D &gt;~ 5e3 x N^0.74 tokens (eq. 4.4).
   *
   * @param nonEmbeddingParameters N, must be finite and &gt; 0
   * @throws IllegalArgumentException if the argument is not finite and positive
   */
  public static double tokensToAvoidOverfitting(double nonEmbeddingParameters) {
    Checks.positive("nonEmbeddingParameters", nonEmbeddingParameters);
    return 5e3 * Math.pow(nonEmbeddingParameters, 0.74);
  }

  /**
   * alpha_C^min = 1 / (1/alpha_S + 1/alpha_B + 1/alpha_N), the identity of eq. (1.8)/(B.7). With Table 5's
   * exponents it gives 0.0520; the paper quotes 0.054 in eq. (6.4) and 0.052 in eq. (B.7), and fits 0.050.
   *
   * @throws IllegalArgumentException if an exponent is not finite and positive
   */
  public static double minimumComputeExponent(double alphaS, double alphaB, double alphaN) {
    Checks.positive("alphaS", alphaS);
    Checks.positive("alphaB", alphaB);
    Checks.positive("alphaN", alphaN);
    return 1 / (1 / alphaS + 1 / alphaB + 1 / alphaN);
  }
}
