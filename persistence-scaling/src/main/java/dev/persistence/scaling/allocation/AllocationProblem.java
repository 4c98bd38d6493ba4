package dev.persistence.scaling.allocation;

import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.core.check.Checks;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.LossLaw;
import java.util.Locale;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * What to allocate: a loss law and the constraints that apply. Solve it with {@link #forCompute(double)} (the
 * lowest loss a compute budget buys) or {@link #forTargetLoss(double)} (the least compute that reaches a loss,
 * Sardana et al. 2024).
 *
 * <p>Constraints:
 *
 * <ul>
 *   <li>{@code uniqueTokens}: with a {@link DataConstrainedLaw}, tokens may exceed it and repeated epochs are
 *       discounted (Muennighoff et al. 2023); with any other law it is a hard cap on training tokens;
 *   <li>{@code maxParameters}: a cap on model size;
 *   <li>{@code fixedTokens}: the number of training tokens is given;
 *   <li>{@code inferenceTokens}: lifetime inference demand, costing 2N FLOPs per token (Sardana et al. 2024,
 *       arXiv:2401.00448, eq. 2). With it, {@link #forCompute} treats the budget as training plus inference.
 * </ul>
 *
 * <p>Closed forms (Hoffmann et al. 2022 eq. 4, clamped to the feasible interval, which is exact because the
 * Chinchilla loss along a compute line is convex in log N) are used for a {@link ChinchillaLaw} without
 * inference demand; every other case is solved numerically by {@link OneDimensionalSearch} over log N (Hipparchus
 * Brent optimizer after a grid scan): the optimal N is accurate to a relative 1e-7, the loss or compute at it to
 * about 1e-14.
 */
@Value.Immutable
public abstract class AllocationProblem {
  /** Returns a new builder. */
  public static ImmutableAllocationProblem.Builder builder() {
    return ImmutableAllocationProblem.builder();
  }

  /** The loss law. */
  public abstract LossLaw law();

  /** Unique tokens available, if capped. */
  public abstract OptionalDouble uniqueTokens();

  /** The largest allowed model size, if capped. */
  public abstract OptionalDouble maxParameters();

  /** A fixed number of training tokens, if given. */
  public abstract OptionalDouble fixedTokens();

  /** Lifetime inference tokens; 0 for none. */
  @Value.Default
  public double inferenceTokens() {
    return 0;
  }

  /**
   * Checks the rules of a valid {@code AllocationProblem} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    uniqueTokens().ifPresent(u -> Checks.positive("uniqueTokens", u));
    maxParameters().ifPresent(n -> Checks.positive("maxParameters", n));
    fixedTokens().ifPresent(d -> Checks.positive("fixedTokens", d));
    Checks.nonNegative("inferenceTokens", inferenceTokens());
    // Past this, 2N FLOPs per inference token overflow a double and the optimum collapses to N = 0.
    if (inferenceTokens() > dev.persistence.core.exact.Amounts.MAX_QUANTITY) {
      throw new IllegalArgumentException(
          "inferenceTokens (" + inferenceTokens() + ") must be <= " + dev.persistence.core.exact.Amounts.MAX_QUANTITY);
    }
    uniqueTokens().ifPresent(u -> Checks.count("uniqueTokens", u));
    fixedTokens().ifPresent(d -> Checks.count("fixedTokens", d));
    if (fixedTokens().isPresent() && uniqueTokens().isPresent() && !repetitionModelled()
        && fixedTokens().getAsDouble() > uniqueTokens().getAsDouble()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "fixedTokens (%s) must be <= uniqueTokens (%s) when the law does not model repetition",
          fixedTokens().getAsDouble(), uniqueTokens().getAsDouble()));
    }
  }

  /** The lowest loss a compute budget buys; see {@link ComputeOptimalAllocator#forCompute}. */
  public Allocation forCompute(double compute) {
    return ComputeOptimalAllocator.forCompute(this, compute);
  }

  /** The least total compute that reaches a loss; see {@link ComputeOptimalAllocator#forTargetLoss}. */
  public Allocation forTargetLoss(double targetLoss) {
    return ComputeOptimalAllocator.forTargetLoss(this, targetLoss);
  }

  boolean repetitionModelled() {
    return law() instanceof DataConstrainedLaw && uniqueTokens().isPresent();
  }

  /** The hard cap on training tokens: unique tokens when repetition is not modelled. */
  double tokenCap() {
    return uniqueTokens().isPresent() && !repetitionModelled()
        ? uniqueTokens().getAsDouble()
        : Double.POSITIVE_INFINITY;
  }

  double loss(double parameters, double tokens) {
    if (repetitionModelled()) {
      return ((DataConstrainedLaw) law()).loss(parameters, tokens, uniqueTokens().getAsDouble());
    }
    return law().loss(parameters, tokens);
  }

  /** The loss no allocation can reach: E for Chinchilla-form laws, 0 for laws without an irreducible term. */
  double irreducibleLoss() {
    if (law() instanceof ChinchillaLaw) {
      return ((ChinchillaLaw) law()).irreducibleLoss();
    }
    if (law() instanceof DataConstrainedLaw) {
      return ((DataConstrainedLaw) law()).base().irreducibleLoss();
    }
    return 0;
  }
}
