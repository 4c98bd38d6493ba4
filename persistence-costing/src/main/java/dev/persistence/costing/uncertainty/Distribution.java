package dev.persistence.costing.uncertainty;

import java.util.SplittableRandom;

/**
 * An uncertain number: one of the immutable, validated shapes below. Sampling takes the generator so that a seeded
 * run is reproducible and allocation-free.
 */
public sealed interface Distribution
    permits Constant, Uniform, LogUniform, Triangular, Normal, LogNormal, Scenarios {

  /**
   * Draws one value.
   *
   * @param random the generator
   */
  double sample(SplittableRandom random);

  /** The smallest value a draw can take ({@code -Infinity} when unbounded). */
  double lowerSupport();

  /** The largest value a draw can take ({@code +Infinity} when unbounded). */
  double upperSupport();
}
