package dev.persistence.scaling.allocation;

import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.core.check.Checks;
import java.util.Locale;

/** Solves an {@link AllocationProblem}; see its Javadoc for the constraints, closed forms and tolerances. */
final class ComputeOptimalAllocator {
  /** Search range for log D when inverting a loss numerically: 1 to e^100 tokens. */
  private static final double MAX_LOG_TOKENS = 100;
  /** How far above the smallest feasible model size the target-loss search looks (in ln units, ~1e13x). */
  private static final double LOG_PARAMETER_SPAN = 30;

  private ComputeOptimalAllocator() {}

  /**
   * The allocation with the lowest loss whose compute (training 6ND, plus 2N per inference token when an
   * inference demand is given) equals {@code flops}.
   *
   * @throws IllegalArgumentException if {@code flops} is not finite and positive, or no allocation satisfies the
   *     constraints
   */
  static Allocation forCompute(AllocationProblem problem, double flops) {
    Checks.positive("compute", flops);
    double inference = problem.inferenceTokens();
    double maxParameters = problem.maxParameters().orElse(Double.POSITIVE_INFINITY);
    if (problem.fixedTokens().isPresent()) {
      double tokens = problem.fixedTokens().getAsDouble();
      double parameters = flops / (6 * tokens + 2 * inference);
      if (parameters > maxParameters) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "compute (%s) with fixedTokens (%s) needs %s parameters, above maxParameters (%s)",
            flops, tokens, parameters, maxParameters));
      }
      return allocation(problem, parameters, tokens, BindingConstraint.FIXED_TOKENS);
    }
    // Feasible model sizes: D = (C - 2 N I) / (6 N) must be >= 1 token and <= the token cap.
    double upper = Math.min(maxParameters, flops / (6 + 2 * inference));
    double cap = problem.tokenCap();
    double lower = Double.isInfinite(cap) ? Math.min(1.0, upper) : flops / (6 * cap + 2 * inference);
    if (lower > upper) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "compute (%s) cannot be spent: with uniqueTokens (%s) it needs at least %s parameters, above"
              + " maxParameters (%s)", flops, cap, lower, maxParameters));
    }
    double parameters;
    if (problem.law() instanceof ChinchillaLaw && inference == 0) {
      // Hoffmann et al. 2022 eq. 4; the loss along C = 6ND is convex in log N, so clamping is exact.
      parameters = clamp(((ChinchillaLaw) problem.law()).optimalParameters(flops), lower, upper);
    } else {
      double logN = OneDimensionalSearch.minimize(
          x -> {
            double n = Math.exp(x);
            double d = (flops - 2 * n * inference) / (6 * n);
            return d > 0 ? problem.loss(n, d) : Double.POSITIVE_INFINITY;
          },
          Math.log(lower),
          Math.log(upper));
      parameters = Math.exp(logN);
    }
    double tokens = (flops - 2 * parameters * inference) / (6 * parameters);
    BindingConstraint binding = BindingConstraint.NONE;
    if (atBound(parameters, upper) && upper == maxParameters) {
      binding = BindingConstraint.MAX_PARAMETERS;
    } else if (!Double.isInfinite(cap) && atBound(parameters, lower)) {
      binding = BindingConstraint.UNIQUE_TOKENS;
      tokens = Math.min(tokens, cap);
    }
    return allocation(problem, parameters, tokens, binding);
  }

  /**
   * The allocation that reaches {@code targetLoss} with the least total compute (training plus inference),
   * following Sardana et al. 2024 (arXiv:2401.00448, eq. 3): minimise 6 N D + 2 N D_inference subject to
   * L(N, D) = targetLoss.
   *
   * @throws IllegalArgumentException if {@code targetLoss} is not finite, is at or below the law's irreducible
   *     loss, or cannot be reached under the constraints
   */
  static Allocation forTargetLoss(AllocationProblem problem, double targetLoss) {
    double irreducible = problem.irreducibleLoss();
    if (!(targetLoss > irreducible) || Double.isInfinite(targetLoss)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "targetLoss (%s) must be finite and > the irreducible loss E (%s) of law %s",
          targetLoss, irreducible, problem.law().name()));
    }
    double maxParameters = problem.maxParameters().orElse(Double.POSITIVE_INFINITY);
    double cap = problem.tokenCap();
    if (problem.fixedTokens().isPresent()) {
      double tokens = problem.fixedTokens().getAsDouble();
      double logN = solveLogParameters(problem, tokens, targetLoss);
      double parameters = Math.exp(logN);
      if (Double.isNaN(logN) || parameters > maxParameters) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "targetLoss (%s) cannot be reached with fixedTokens (%s) within maxParameters (%s)",
            targetLoss, tokens, maxParameters));
      }
      return allocation(problem, parameters, tokens, BindingConstraint.FIXED_TOKENS);
    }
    // Smallest model that can reach the loss with unlimited (or capped) data.
    double probeTokens = Double.isInfinite(cap) ? Math.exp(MAX_LOG_TOKENS) : cap;
    double logLower = solveLogParameters(problem, probeTokens, targetLoss);
    if (Double.isNaN(logLower)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "targetLoss (%s) cannot be reached by law %s%s", targetLoss, problem.law().name(),
          Double.isInfinite(cap) ? "" : String.format(Locale.ROOT, " with uniqueTokens (%s)", cap)));
    }
    double logUpper = Math.min(logLower + LOG_PARAMETER_SPAN, Math.log(maxParameters));
    if (logLower > logUpper) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "targetLoss (%s) needs more than maxParameters (%s) parameters", targetLoss, maxParameters));
    }
    double inference = problem.inferenceTokens();
    double logN = OneDimensionalSearch.minimize(
        x -> {
          double n = Math.exp(x);
          double d = tokensForLoss(problem, n, targetLoss);
          return Double.isNaN(d) || d > cap ? Double.POSITIVE_INFINITY : Math.log(6 * n * d + 2 * n * inference);
        },
        logLower,
        logUpper);
    if (Double.isNaN(logN)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "targetLoss (%s) cannot be reached under the constraints", targetLoss));
    }
    double parameters = Math.exp(logN);
    double tokens = tokensForLoss(problem, parameters, targetLoss);
    if (Double.isNaN(tokens)) {
      // At the lower edge the required data is the cap itself (or unbounded); use the edge exactly.
      parameters = Math.exp(logLower);
      tokens = probeTokens;
    }
    BindingConstraint binding = BindingConstraint.NONE;
    if (logUpper == Math.log(maxParameters) && atBound(logN, logUpper)) {
      binding = BindingConstraint.MAX_PARAMETERS;
    } else if (!Double.isInfinite(cap) && (atBound(tokens, cap) || atBound(logN, logLower))) {
      binding = BindingConstraint.UNIQUE_TOKENS;
    }
    return allocation(problem, parameters, Math.min(tokens, cap), binding);
  }

  /** The D at which L(N, D) = target, or NaN if no D reaches it. */
  private static double tokensForLoss(AllocationProblem problem, double parameters, double target) {
    if (problem.law() instanceof ChinchillaLaw) {
      ChinchillaLaw law = (ChinchillaLaw) problem.law();
      double room = target - law.irreducibleLoss() - law.parameterTerm(parameters);
      return room > 0 ? Math.pow(law.tokenCoefficient() / room, 1 / law.tokenExponent()) : Double.NaN;
    }
    double logD = solveMonotone(x -> problem.loss(parameters, Math.exp(x)) - target);
    return Double.isNaN(logD) ? Double.NaN : Math.exp(logD);
  }

  /** The log N at which L(N, tokens) = target, or NaN if none. */
  private static double solveLogParameters(AllocationProblem problem, double tokens, double target) {
    return solveMonotone(x -> problem.loss(Math.exp(x), tokens) - target);
  }

  /** A root of a decreasing function on [0, MAX_LOG_TOKENS], or NaN if it does not change sign there. */
  private static double solveMonotone(java.util.function.DoubleUnaryOperator f) {
    double atLow = f.applyAsDouble(0);
    double atHigh = f.applyAsDouble(MAX_LOG_TOKENS);
    if (!(atLow >= 0) || !(atHigh <= 0)) {
      return Double.NaN;
    }
    return OneDimensionalSearch.root(f, 0, MAX_LOG_TOKENS);
  }

  private static Allocation allocation(
      AllocationProblem problem, double parameters, double tokens, BindingConstraint binding) {
    double training = 6 * parameters * tokens;
    return Allocation.builder()
        .parameters(parameters)
        .tokens(tokens)
        .trainingFlops(training)
        .inferenceTokens(problem.inferenceTokens())
        .totalFlops(training + 2 * parameters * problem.inferenceTokens())
        .loss(problem.loss(parameters, tokens))
        .bindingConstraint(binding)
        .build();
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  private static boolean atBound(double x, double bound) {
    return Math.abs(x - bound) <= 1e-9 * Math.max(Math.abs(bound), 1e-300);
  }
}
