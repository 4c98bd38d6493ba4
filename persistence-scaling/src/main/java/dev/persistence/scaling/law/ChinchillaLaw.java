package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * The parametric loss of Hoffmann et al. 2022 (arXiv:2203.15556, eq. 2): L(N, D) = E + A / N^alpha + B / D^beta,
 * with N parameters and D training tokens, and its compute-efficient frontier (eq. 4) under C = 6ND.
 *
 * <p>The named constant sets (each registered in {@link ScalingLaws} under a shorter name: {@code chinchilla},
 * {@code chinchilla-unrounded}, {@code epoch}, {@code muennighoff-c4}) are {@link #HOFFMANN_2022} (as printed,
 * rounded), {@link #HOFFMANN_2022_UNROUNDED}
 * (the only set that reproduces the paper's "40B at Gopher's budget"), {@link #BESIROGLU_2024} (Epoch's refit)
 * and {@link #MUENNIGHOFF_2023} (the datablations fit on Chinchilla's C4 isoFLOP points). Any constant can be
 * overridden with {@link #overriding} or the generated {@code ImmutableChinchillaLaw.copyOf(law).with*} methods,
 * since papers often use their own.
 */
@Value.Immutable
public abstract class ChinchillaLaw implements LossLaw {

  /**
   * Hoffmann et al. 2022, arXiv:2203.15556, eq. (10) (App. D.2), as printed: E = 1.69, A = 406.4, B = 410.7,
   * alpha = 0.34, beta = 0.28. Registry name {@code chinchilla} ({@link ScalingLaws#named}).
   */
  public static final ChinchillaLaw HOFFMANN_2022 =
      builder()
          .name("chinchilla")
          .description("Chinchilla parametric loss, constants as printed (rounded)")
          .source("Hoffmann et al. 2022, arXiv:2203.15556, eq. (2) and (10), App. D.2")
          .irreducibleLoss(1.69)
          .parameterCoefficient(406.4)
          .tokenCoefficient(410.7)
          .parameterExponent(0.34)
          .tokenExponent(0.28)
          .build();

  /**
   * The unrounded Chinchilla constants: log A = 6.0073404, log B = 6.0179186, log E = 0.5267228, alpha =
   * 0.33917084, beta = 0.2849083, as used by Besiroglu et al. 2024 (epoch-research/analyzing-chinchilla
   * data_analysis.ipynb cell 16) and others. Only they reproduce the paper's 40B-parameter optimum at Gopher's
   * budget (Hoffmann et al. 2022 Fig. 4 caption); the rounded set gives 32B. Registry name
   * {@code chinchilla-unrounded}.
   */
  public static final ChinchillaLaw HOFFMANN_2022_UNROUNDED =
      builder()
          .name("chinchilla-unrounded")
          .description("Chinchilla parametric loss, unrounded constants (reproduce 40B at Gopher's budget)")
          .source(
              "Hoffmann et al. 2022, arXiv:2203.15556, eq. (2); unrounded values from"
                  + " epoch-research/analyzing-chinchilla data_analysis.ipynb cell 16")
          .irreducibleLoss(1.6933736809989528)
          .parameterCoefficient(406.4010175194737)
          .tokenCoefficient(410.7228269450398)
          .parameterExponent(0.33917084)
          .tokenExponent(0.2849083)
          .build();

  /**
   * Besiroglu et al. 2024, "Chinchilla Scaling: A replication attempt", arXiv:2404.10102, Table 1 estimates: E =
   * 1.8172, A = 482.01, B = 2085.43, alpha = 0.3478, beta = 0.3658. Registry name {@code epoch}.
   */
  public static final ChinchillaLaw BESIROGLU_2024 =
      builder()
          .name("epoch")
          .description("Epoch AI's refit of the Chinchilla form to the data extracted from Hoffmann et al.")
          .source("Besiroglu et al. 2024, arXiv:2404.10102, Table 1")
          .irreducibleLoss(1.8172)
          .parameterCoefficient(482.01)
          .tokenCoefficient(2085.43)
          .parameterExponent(0.3478)
          .tokenExponent(0.3658)
          .build();

  /**
   * Muennighoff et al. 2023, arXiv:2305.16264: the Chinchilla form fitted to Chinchilla's C4 isoFLOP points,
   * a = 6.255414, b = 7.3049974, e = 0.6254804, alpha = beta = 0.3526596 (huggingface/datablations README,
   * "Parametric Fit", commit 13701315). The base of {@link DataConstrainedLaw#MUENNIGHOFF_2023}. Registry name
   * {@code muennighoff-c4}.
   */
  public static final ChinchillaLaw MUENNIGHOFF_2023 =
      builder()
          .name("muennighoff-c4")
          .description("Chinchilla form fitted to C4 isoFLOP points (base of the data-constrained law)")
          .source("Muennighoff et al. 2023, arXiv:2305.16264; huggingface/datablations README 'Parametric Fit'")
          .irreducibleLoss(1.8691436784054858)
          .parameterCoefficient(520.8249516599187)
          .tokenCoefficient(1487.716093782861)
          .parameterExponent(0.3526596)
          .tokenExponent(0.3526596)
          .build();

  /** Returns a new builder. */
  public static ImmutableChinchillaLaw.Builder builder() {
    return ImmutableChinchillaLaw.builder();
  }

  /** E: the irreducible loss in nats per token. */
  public abstract double irreducibleLoss();

  /** A: the coefficient of the parameter term. */
  public abstract double parameterCoefficient();

  /** B: the coefficient of the token term. */
  public abstract double tokenCoefficient();

  /** alpha: the exponent of the parameter term. */
  public abstract double parameterExponent();

  /** beta: the exponent of the token term. */
  public abstract double tokenExponent();

  /**
   * This law with some constants replaced (for papers that use their own); absent values keep this law's.
   *
   * @throws IllegalArgumentException if a replacement is not finite and positive
   */
  public ChinchillaLaw overriding(
      OptionalDouble irreducibleLoss,
      OptionalDouble parameterCoefficient,
      OptionalDouble tokenCoefficient,
      OptionalDouble parameterExponent,
      OptionalDouble tokenExponent) {
    boolean any = irreducibleLoss.isPresent() || parameterCoefficient.isPresent() || tokenCoefficient.isPresent()
        || parameterExponent.isPresent() || tokenExponent.isPresent();
    if (!any) {
      return this;
    }
    return builder()
        .name(name())
        .description(description() + " (constants overridden)")
        .source(source())
        .irreducibleLoss(irreducibleLoss.orElse(irreducibleLoss()))
        .parameterCoefficient(parameterCoefficient.orElse(parameterCoefficient()))
        .tokenCoefficient(tokenCoefficient.orElse(tokenCoefficient()))
        .parameterExponent(parameterExponent.orElse(parameterExponent()))
        .tokenExponent(tokenExponent.orElse(tokenExponent()))
        .build();
  }

  /**
   * Checks the rules of a valid {@code ChinchillaLaw} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("irreducibleLoss (E)", irreducibleLoss());
    Checks.positive("parameterCoefficient (A)", parameterCoefficient());
    Checks.positive("tokenCoefficient (B)", tokenCoefficient());
    Checks.positive("parameterExponent (alpha)", parameterExponent());
    Checks.positive("tokenExponent (beta)", tokenExponent());
    double g = frontierCoefficient();
    Checks.check(
        g > 0 && Double.isFinite(g),
        "parameterCoefficient, tokenCoefficient, parameterExponent and tokenExponent",
        parameterCoefficient() + ", " + tokenCoefficient() + ", " + parameterExponent() + ", " + tokenExponent(),
        "must give a finite frontier coefficient G = (alpha A / (beta B))^(1 / (alpha + beta)) > 0 (Hoffmann et al."
            + " 2022 eq. 4), not " + g);
  }

  /**
   * L(N, D) = E + A / N^alpha + B / D^beta (Hoffmann et al. 2022 eq. 2).
   *
   * @param parameters N, must be finite and &gt; 0
   * @param tokens D, must be finite and &gt; 0
   * @throws IllegalArgumentException if an argument is not finite and positive
   */
  @Override
  public double loss(double parameters, double tokens) {
    Checks.positive("parameters", parameters);
    Checks.positive("tokens", tokens);
    double loss = irreducibleLoss() + parameterTerm(parameters) + tokenTerm(tokens);
    if (!Double.isFinite(loss)) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "loss at parameters (%s) and tokens (%s) is not finite; counts below 1 are not meaningful",
              parameters,
              tokens));
    }
    return loss;
  }

  /** A / N^alpha, the reducible loss due to finite model size. */
  public double parameterTerm(double parameters) {
    return parameterCoefficient() / Math.pow(Checks.positive("parameters", parameters), parameterExponent());
  }

  /** B / D^beta, the reducible loss due to finite data. */
  public double tokenTerm(double tokens) {
    return tokenCoefficient() / Math.pow(Checks.positive("tokens", tokens), tokenExponent());
  }

  /** a = beta / (alpha + beta): N_opt grows as C^a (Hoffmann et al. 2022 eq. 4). */
  public double frontierParameterExponent() {
    return tokenExponent() / (parameterExponent() + tokenExponent());
  }

  /** b = alpha / (alpha + beta): D_opt grows as C^b (Hoffmann et al. 2022 eq. 4). */
  public double frontierTokenExponent() {
    return parameterExponent() / (parameterExponent() + tokenExponent());
  }

  /** G = (alpha A / (beta B))^(1 / (alpha + beta)) of Hoffmann et al. 2022 eq. 4. */
  public double frontierCoefficient() {
    return Math.pow(
        parameterExponent() * parameterCoefficient() / (tokenExponent() * tokenCoefficient()),
        1 / (parameterExponent() + tokenExponent()));
  }

  /**
   * N_opt(C) = G (C / 6)^a, the loss-minimising model size at training compute C = 6ND (Hoffmann et al. 2022
   * eq. 4).
   *
   * @param trainingFlops C, must be finite and &gt; 0
   * @throws IllegalArgumentException if {@code trainingFlops} is not finite and positive
   */
  public double optimalParameters(double trainingFlops) {
    Checks.positive("trainingFlops", trainingFlops);
    return frontierCoefficient() * Math.pow(trainingFlops / 6, frontierParameterExponent());
  }

  /**
   * D_opt(C) = G^-1 (C / 6)^b (Hoffmann et al. 2022 eq. 4).
   *
   * @param trainingFlops C, must be finite and &gt; 0
   * @throws IllegalArgumentException if {@code trainingFlops} is not finite and positive
   */
  public double optimalTokens(double trainingFlops) {
    Checks.positive("trainingFlops", trainingFlops);
    return Math.pow(trainingFlops / 6, frontierTokenExponent()) / frontierCoefficient();
  }

  /**
   * The model size that is compute-optimal for {@code tokens} training tokens: the N on the eq. 4 frontier
   * whose D_opt equals {@code tokens}, N = G (G D)^(a / b). Muennighoff et al. 2023 use it to cap the useful
   * model size for a number of unique tokens.
   *
   * @throws IllegalArgumentException if {@code tokens} is not finite and positive
   */
  public double optimalParametersForTokens(double tokens) {
    Checks.positive("tokens", tokens);
    double g = frontierCoefficient();
    double parameters = g * Math.pow(g * tokens, frontierParameterExponent() / frontierTokenExponent());
    Checks.check(
        parameters > 0 && Double.isFinite(parameters), "tokens", tokens, "must give a finite model size > 0");
    return parameters;
  }
}
