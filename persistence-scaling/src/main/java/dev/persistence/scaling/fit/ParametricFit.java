package dev.persistence.scaling.fit;

import dev.persistence.scaling.law.ChinchillaLaw;
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
}
