package dev.persistence.testkit;

import java.util.List;

/**
 * A property over three generated values; made by {@link Property#forAll(Gen, Gen, Gen)}. Counterexamples are
 * reported (and returned by {@link PropertyFailure#shrunk()}) as the list of the three values.
 *
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 * @param <C> the type of the third value
 */
public final class ForAll3<A, B, C> extends ForAll<List<Object>, ForAll3<A, B, C>> {

  ForAll3(Gen<A> first, Gen<B> second, Gen<C> third) {
    super(Gen.combine(List.<Gen<?>>of(first, second, third)), ForAll2::describe);
  }

  /**
   * Names the three values in a failure report ({@code cluster = ...} instead of {@code #1 = ...}).
   *
   * @param first the name of the first value
   * @param second the name of the second value
   * @param third the name of the third value
   * @return this property
   * @throws IllegalArgumentException if a name is blank or two names are equal
   */
  public ForAll3<A, B, C> names(String first, String second, String third) {
    return argumentNames(first, second, third);
  }

  /**
   * Counts the values satisfying {@code condition} under {@code label}.
   *
   * @param label the label
   * @param condition when values carry the label
   * @return this property
   * @throws IllegalArgumentException if the label is already classified
   */
  @SuppressWarnings("unchecked")
  public ForAll3<A, B, C> classify(String label, Condition<? super A, ? super B, ? super C> condition) {
    return addLabel(
        label, values -> condition.test((A) values.get(0), (B) values.get(1), (C) values.get(2)));
  }

  /**
   * Checks that {@code property} holds for every tried triple.
   *
   * @param property the property
   * @return the report of the run
   * @throws PropertyFailure if a triple falsifies it or it throws
   * @throws CoverageFailure if a required label is too rare
   */
  @SuppressWarnings("unchecked")
  public PropertyReport check(Condition<? super A, ? super B, ? super C> property) {
    return run(
        fromPredicate(values -> property.test((A) values.get(0), (B) values.get(1), (C) values.get(2))));
  }

  /**
   * Checks that {@code assertions} pass for every tried triple; any throwable is a failure.
   *
   * @param assertions JUnit assertions on three values
   * @return the report of the run
   * @throws PropertyFailure if an assertion fails
   * @throws CoverageFailure if a required label is too rare
   */
  @SuppressWarnings("unchecked")
  public PropertyReport verify(Assertions<? super A, ? super B, ? super C> assertions) {
    return run(values -> assertions.verify((A) values.get(0), (B) values.get(1), (C) values.get(2)));
  }

  /**
   * A condition on three values.
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @param <C> the type of the third value
   */
  @FunctionalInterface
  public interface Condition<A, B, C> {
    /**
     * Tests the values.
     *
     * @param first the first value
     * @param second the second value
     * @param third the third value
     * @return whether the condition holds
     */
    boolean test(A first, B second, C third);
  }

  /**
   * Assertions on three values that may throw anything.
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   * @param <C> the type of the third value
   */
  @FunctionalInterface
  public interface Assertions<A, B, C> {
    /**
     * Runs the assertions.
     *
     * @param first the first value
     * @param second the second value
     * @param third the third value
     * @throws Throwable when an assertion fails
     */
    void verify(A first, B second, C third) throws Throwable;
  }
}
