package dev.persistence.testkit;

/**
 * Entry point of property checks: {@code forAll(generators...)} then {@code check(predicate)} or
 * {@code verify(assertions)}, in any JUnit 5 test.
 *
 * <pre>{@code
 * @Test
 * void activeParametersNeverExceedTotal() {
 *   Property.forAll(ArchitectureGen.architectures())
 *       .classify("mixture-of-experts", Architecture::isMixtureOfExperts)
 *       .requireCoverage("mixture-of-experts", 0.20)
 *       .check(a -> a.parameters().activeParameters() <= a.parameters().totalParameters());
 * }
 * }</pre>
 *
 * <p>A run tries each generator's edge cases first, then random values from a {@link java.util.SplittableRandom}
 * seeded with {@link #SEED_PROPERTY} ({@code persistence.seed}: a long, or {@code random} for a fresh seed each
 * run) unless the property sets {@link ForAll#seed(long)}. It makes {@link #TRIES_PROPERTY}
 * ({@code persistence.tries}, default {@value #DEFAULT_TRIES}) tries unless the property sets
 * {@link ForAll#tries(int)}. A failure is shrunk and reported as a {@link PropertyFailure} that names the seed
 * reproducing it.
 */
public final class Property {

  /** System property holding the seed of every property run: a long, or {@code random}. */
  public static final String SEED_PROPERTY = "persistence.seed";

  /** System property holding the default number of tries of a property. */
  public static final String TRIES_PROPERTY = "persistence.tries";

  /** Tries of a property when neither the property nor {@link #TRIES_PROPERTY} sets them. */
  public static final int DEFAULT_TRIES = 200;

  private Property() {}

  /**
   * A property over one generated value.
   *
   * @param first the generator
   * @param <A> the type of the value
   * @return the property, to configure and check
   */
  public static <A> ForAll1<A> forAll(Gen<A> first) {
    return new ForAll1<>(first);
  }

  /**
   * A property over two generated values.
   *
   * @param first the first generator
   * @param second the second generator
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @return the property, to configure and check
   */
  public static <A, B> ForAll2<A, B> forAll(Gen<A> first, Gen<B> second) {
    return new ForAll2<>(first, second);
  }

  /**
   * A property over three generated values.
   *
   * @param first the first generator
   * @param second the second generator
   * @param third the third generator
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @param <C> the type of the third value
   * @return the property, to configure and check
   */
  public static <A, B, C> ForAll3<A, B, C> forAll(Gen<A> first, Gen<B> second, Gen<C> third) {
    return new ForAll3<>(first, second, third);
  }
}
