package dev.persistence.testkit;

import java.util.function.Predicate;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * A property over one generated value; made by {@link Property#forAll(Gen)}.
 *
 * @param <A> the type of the value
 */
public final class ForAll1<A> extends ForAll<A, ForAll1<A>> {

  ForAll1(Gen<A> generator) {
    super(generator, (value, names) -> names.isEmpty() ? String.valueOf(value) : names.get(0) + " = " + value);
  }

  /**
   * Names the value in a failure report ({@code architecture = ...}).
   *
   * @param name the name
   * @return this property
   * @throws IllegalArgumentException if the name is blank
   */
  public ForAll1<A> name(String name) {
    return argumentNames(name);
  }

  /**
   * Counts the values satisfying {@code condition} under {@code label}, for the report and
   * {@link #requireCoverage}.
   *
   * @param label the label
   * @param condition when a value carries the label
   * @return this property
   * @throws IllegalArgumentException if the label is already classified
   */
  public ForAll1<A> classify(String label, Predicate<? super A> condition) {
    return addLabel(label, condition::test);
  }

  /**
   * Checks that {@code property} holds for every tried value.
   *
   * @param property the property
   * @return the report of the run (label frequencies)
   * @throws PropertyFailure if a value falsifies it or it throws
   * @throws CoverageFailure if a required label is too rare
   */
  public PropertyReport check(Predicate<? super A> property) {
    return run(fromPredicate(property::test));
  }

  /**
   * Checks that {@code assertions} pass for every tried value; any throwable is a failure.
   *
   * @param assertions JUnit assertions on one value
   * @return the report of the run (label frequencies)
   * @throws PropertyFailure if an assertion fails for a value
   * @throws CoverageFailure if a required label is too rare
   */
  public PropertyReport verify(ThrowingConsumer<? super A> assertions) {
    return run(assertions::accept);
  }
}
