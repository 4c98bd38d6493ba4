package dev.persistence.scaling.data;

import dev.persistence.core.check.Checks;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.TokensPerParameter;
import java.util.Locale;

/**
 * How many training tokens a model of a given size should see, and why.
 *
 * @param parameters the model's parameters
 * @param tokens the training tokens wanted
 * @param rationale where the target comes from, for reports
 */
public record TokenTarget(double parameters, double tokens, String rationale) {

  /** @throws IllegalArgumentException if a count is not finite and positive */
  public TokenTarget {
    Checks.positive("parameters", parameters);
    Checks.positive("tokens", tokens);
  }

  /**
   * The compute-optimal tokens for a model of {@code parameters} under {@code law}'s frontier (Hoffmann et al.
   * 2022 eq. 4): the compute C whose N_opt(C) is this size, C = 6 (N / G)^(1/a), then D_opt(C).
   *
   * @param law the Chinchilla-form law
   * @param parameters N, finite and &gt; 0
   */
  public static TokenTarget computeOptimal(ChinchillaLaw law, double parameters) {
    Checks.positive("parameters", parameters);
    double compute = 6 * Math.pow(parameters / law.frontierCoefficient(), 1 / law.frontierParameterExponent());
    dev.persistence.core.check.Checks.check(
        compute > 0 && Double.isFinite(compute),
        "parameters",
        parameters,
        "must have a finite compute-optimal budget under " + law.name() + " (it is " + compute + " FLOPs)");
    return new TokenTarget(
        parameters,
        law.optimalTokens(compute),
        String.format(Locale.ROOT, "compute-optimal under %s (%s)", law.name(), law.source()));
  }

  /**
   * An over-trained (or any) target of {@code ratio} tokens per parameter.
   *
   * @param ratio tokens per parameter, finite and &gt; 0
   * @param parameters N, finite and &gt; 0
   */
  public static TokenTarget tokensPerParameter(double ratio, double parameters) {
    Checks.positive("tokens per parameter", ratio);
    return new TokenTarget(parameters, ratio * parameters, String.format(Locale.ROOT, "%.4g tokens per parameter", ratio));
  }

  /** A named rule of thumb ({@link TokensPerParameter#CHINCHILLA}, {@link TokensPerParameter#LLAMA_3_8B}). */
  public static TokenTarget of(TokensPerParameter rule, double parameters) {
    return new TokenTarget(
        parameters,
        rule.tokensForParameters(parameters),
        String.format(Locale.ROOT, "%s: %.4g tokens per parameter (%s)", rule.name(), rule.ratio(), rule.source()));
  }
}
