package dev.persistence.scaling.fit;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/**
 * Bootstrap intervals for every fitted constant of an Approach 3 fit and for the compute-optimal allocation it
 * predicts at a target budget.
 */
@Value.Immutable
public abstract class BootstrapResult {
  /** Returns a new builder. */
  public static ImmutableBootstrapResult.Builder builder() {
    return ImmutableBootstrapResult.builder();
  }

  /** The fit to all observations. */
  public abstract ParametricFit fit();

  /** Number of bootstrap resamples. */
  public abstract int samples();

  /** Seed of the SplittableRandom that drew the resamples. */
  public abstract long seed();

  /** Confidence level of the intervals (for example 0.95). */
  public abstract double confidence();

  /** The budget in FLOPs at which the allocation intervals are taken. */
  public abstract double targetFlops();

  /** The interval of E, the irreducible loss (Hoffmann et al. 2022 eq. 2) over the resamples. */
  public abstract Interval irreducibleLoss();

  /** The interval of A, the coefficient of the parameter term (Hoffmann et al. 2022 eq. 2) over the resamples. */
  public abstract Interval parameterCoefficient();

  /** The interval of B, the coefficient of the token term (Hoffmann et al. 2022 eq. 2) over the resamples. */
  public abstract Interval tokenCoefficient();

  /** The interval of alpha, the exponent of the parameter term (Hoffmann et al. 2022 eq. 2) over the resamples. */
  public abstract Interval parameterExponent();

  /** The interval of beta, the exponent of the token term (Hoffmann et al. 2022 eq. 2) over the resamples. */
  public abstract Interval tokenExponent();

  /** N_opt at {@link #targetFlops()} (Hoffmann et al. 2022 eq. 4 under each resampled fit). */
  public abstract Interval optimalParameters();

  /** D_opt at {@link #targetFlops()}. */
  public abstract Interval optimalTokens();

  /**
   * Checks the rules of a valid value when one is built (Immutables {@code @Value.Check}); callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("samples", samples());
    Checks.check(confidence() > 0 && confidence() < 1, "confidence", confidence(), "must be in (0, 1)");
    Checks.positive("targetFlops", targetFlops());
  }
}
