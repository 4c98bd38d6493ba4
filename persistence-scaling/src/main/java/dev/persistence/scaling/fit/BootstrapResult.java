package dev.persistence.scaling.fit;

import org.immutables.value.Value;

/**
 * Bootstrap intervals for every fitted constant of an Approach 3 fit and for the compute-optimal allocation it
 * predicts at a target budget.
 */
@Value.Immutable
public abstract class BootstrapResult {
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

  public abstract Interval irreducibleLoss();

  public abstract Interval parameterCoefficient();

  public abstract Interval tokenCoefficient();

  public abstract Interval parameterExponent();

  public abstract Interval tokenExponent();

  /** N_opt at {@link #targetFlops()} (Hoffmann et al. 2022 eq. 4 under each resampled fit). */
  public abstract Interval optimalParameters();

  /** D_opt at {@link #targetFlops()}. */
  public abstract Interval optimalTokens();
}
