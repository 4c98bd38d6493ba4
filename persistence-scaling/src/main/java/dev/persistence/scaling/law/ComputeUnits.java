package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;

/** Conversions between the compute units used by the scaling-law papers. */
public final class ComputeUnits {
  /**
   * FLOPs in one petaflop/s-day: 1e15 FLOP/s x 86,400 s = 8.64e19 FLOPs (Kaplan et al. 2020, arXiv:2001.08361,
   * Sec. 1.3: "PF-days, where 1 PF-day = 10^15 x 24 x 3600 = 8.64 x 10^19 floating point operations").
   */
  public static final double FLOPS_PER_PETAFLOP_DAY = 1e15 * 24 * 3600;

  /**
   * Training FLOPs per parameter per token of the 6ND approximation (Kaplan et al. 2020 eq. 2.2 and Sec. 2.1;
   * Hoffmann et al. 2022 Sec. 3.3 "C = FLOPs(N, D) ~ 6ND").
   */
  public static final double TRAINING_FLOPS_PER_PARAMETER_TOKEN = 6;

  /** Inference (forward-only) FLOPs per parameter per token, 2N (Kaplan et al. 2020 eq. 2.2; Sardana et al. 2024 eq. 2). */
  public static final double INFERENCE_FLOPS_PER_PARAMETER_TOKEN = 2;

  private ComputeUnits() {}

  /**
   * Converts FLOPs to PF-days.
   *
   * @param flops floating point operations, must be finite and &gt; 0
   * @throws IllegalArgumentException if {@code flops} is not finite and positive
   */
  public static double petaflopDays(double flops) {
    return Checks.positive("flops", flops) / FLOPS_PER_PETAFLOP_DAY;
  }

  /**
   * Converts PF-days to FLOPs.
   *
   * @param petaflopDays compute in PF-days, must be finite and &gt; 0
   * @throws IllegalArgumentException if {@code petaflopDays} is not finite and positive
   */
  public static double flops(double petaflopDays) {
    return Checks.finite("flops of petaflopDays " + petaflopDays, Checks.positive("petaflopDays", petaflopDays) * FLOPS_PER_PETAFLOP_DAY);
  }

  /**
   * Training compute by the 6ND rule.
   *
   * @param parameters model parameters, must be finite and &gt; 0
   * @param tokens training tokens, must be finite and &gt; 0
   * @return FLOPs
   * @throws IllegalArgumentException if an argument is not finite and positive
   */
  public static double trainingFlops(double parameters, double tokens) {
    double flops =
        TRAINING_FLOPS_PER_PARAMETER_TOKEN
            * Checks.positive("parameters", parameters)
            * Checks.positive("tokens", tokens);
    if (!Double.isFinite(flops)) {
      throw new IllegalArgumentException(
          "training FLOPs of parameters (" + parameters + ") and tokens (" + tokens + ") are not finite");
    }
    return flops;
  }
}
