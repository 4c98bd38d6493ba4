package dev.persistence.scaling.fit;

import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/** The result of an Approach 3 fit: the fitted law, the minimum objective and how many observations it used. */
@Value.Immutable
public abstract class ParametricFit {
  /** Returns a new builder. */
  public static ImmutableParametricFit.Builder builder() {
    return ImmutableParametricFit.builder();
  }

  /** The fitted law (name {@code fitted}). */
  public abstract ChinchillaLaw law();

  /** The minimum of the sum of Huber losses. */
  public abstract double objective();

  /** The number of observations fitted. */
  public abstract int observations();

  /**
   * Checks the rules of a valid value when one is built (Immutables {@code @Value.Check}); callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.nonNegative("objective", objective());
    Checks.nonNegative("observations", observations());
  }
}
