package dev.persistence.testkit;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * A property over two generated values; made by {@link Property#forAll(Gen, Gen)}. Counterexamples are
 * reported (and returned by {@link PropertyFailure#shrunk()}) as the list of the two values.
 *
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 */
public final class ForAll2<A, B> extends ForAll<List<Object>, ForAll2<A, B>> {

  ForAll2(Gen<A> first, Gen<B> second) {
    super(Gen.combine(List.<Gen<?>>of(first, second)), ForAll2::describe);
  }

  /** One line per argument: its name ({@code #1}, {@code #2}, ... unless named) and its value. */
  static String describe(List<Object> values, List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int index = 0; index < values.size(); index++) {
      text.append(index == 0 ? "" : "\n")
          .append(names.isEmpty() ? "#" + (index + 1) : names.get(index))
          .append(" = ")
          .append(values.get(index));
    }
    return text.toString();
  }

  /**
   * Names the two values in a failure report ({@code cluster = ...} instead of {@code #1 = ...}).
   *
   * @param first the name of the first value
   * @param second the name of the second value
   * @return this property
   * @throws IllegalArgumentException if a name is blank or the names are equal
   */
  public ForAll2<A, B> names(String first, String second) {
    return argumentNames(first, second);
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
  public ForAll2<A, B> classify(String label, BiPredicate<? super A, ? super B> condition) {
    return addLabel(label, values -> condition.test((A) values.get(0), (B) values.get(1)));
  }

  /**
   * Checks that {@code property} holds for every tried pair.
   *
   * @param property the property
   * @return the report of the run
   * @throws PropertyFailure if a pair falsifies it or it throws
   * @throws CoverageFailure if a required label is too rare
   */
  @SuppressWarnings("unchecked")
  public PropertyReport check(BiPredicate<? super A, ? super B> property) {
    return run(fromPredicate(values -> property.test((A) values.get(0), (B) values.get(1))));
  }

  /**
   * Checks that {@code assertions} pass for every tried pair; any throwable is a failure.
   *
   * @param assertions JUnit assertions on two values
   * @return the report of the run
   * @throws PropertyFailure if an assertion fails
   * @throws CoverageFailure if a required label is too rare
   */
  @SuppressWarnings("unchecked")
  public PropertyReport verify(Assertions<? super A, ? super B> assertions) {
    return run(values -> assertions.verify((A) values.get(0), (B) values.get(1)));
  }

  /**
   * Assertions on two values that may throw anything.
   *
   * @param <A> the type of the first value
   * @param <B> the type of the second value
   */
  @FunctionalInterface
  public interface Assertions<A, B> {
    /**
     * Runs the assertions.
     *
     * @param first the first value
     * @param second the second value
     * @throws Throwable when an assertion fails
     */
    void verify(A first, B second) throws Throwable;
  }
}
