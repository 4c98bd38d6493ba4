package dev.persistence.testkit.parallelism;

import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.testkit.Gen;

/** Generators of parallelism settings: activation recomputation and parallel degrees. */
public final class ParallelismGen {

  private ParallelismGen() {}

  /** Every {@link ActivationRecomputation}, shrinking toward {@code NONE}. */
  public static Gen<ActivationRecomputation> activationRecomputations() {
    return Gen.enumValues(ActivationRecomputation.class);
  }

  /**
   * Parallel degrees: powers of two from 1 to {@code max}, shrinking toward 1.
   *
   * @param max the largest degree, {@code >= 1}
   * @return the generator
   * @throws IllegalArgumentException if {@code max < 1}
   */
  public static Gen<Integer> degrees(int max) {
    return Gen.powersOfTwo(1, max);
  }
}
