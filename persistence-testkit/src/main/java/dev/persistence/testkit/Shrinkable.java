package dev.persistence.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A generated value together with the lazily computed, simpler values it can shrink to (an integrated shrink
 * tree).
 *
 * <p>Shrinks are ordered simplest first. Because a tree is mapped rather than rebuilt, shrinking goes through
 * {@link Gen#map}, {@link Gen#flatMap}, {@link Gen#filter} and the zips without losing the generator's
 * invariants: every shrink is a value the generator itself could have produced.
 *
 * @param <T> the type of the value
 */
public final class Shrinkable<T> {

  private final T value;
  private final Supplier<Stream<Shrinkable<T>>> shrinks;

  private Shrinkable(T value, Supplier<Stream<Shrinkable<T>>> shrinks) {
    this.value = value;
    this.shrinks = shrinks;
  }

  /**
   * A value with the given shrinks.
   *
   * @param value the value
   * @param shrinks supplies the simpler candidates, simplest first; called each time they are needed
   * @param <T> the type of the value
   * @return the shrinkable value
   * @throws NullPointerException if {@code shrinks} is null
   */
  public static <T> Shrinkable<T> of(T value, Supplier<Stream<Shrinkable<T>>> shrinks) {
    return new Shrinkable<>(value, requireNonNull(shrinks, "shrinks"));
  }

  /**
   * A value that does not shrink.
   *
   * @param value the value
   * @param <T> the type of the value
   * @return the shrinkable value, without shrinks
   */
  public static <T> Shrinkable<T> unshrinkable(T value) {
    return new Shrinkable<>(value, Stream::empty);
  }

  /** The value. */
  public T value() {
    return value;
  }

  /** The simpler candidates this value shrinks to, simplest first (a fresh, lazy stream each call). */
  public Stream<Shrinkable<T>> shrinks() {
    return shrinks.get();
  }

  /**
   * Applies {@code mapper} to this value and to every value of its shrink tree.
   *
   * @param mapper the function
   * @param <U> the type of the result
   * @return the mapped tree
   */
  public <U> Shrinkable<U> map(Function<? super T, ? extends U> mapper) {
    return new Shrinkable<>(mapper.apply(value), () -> shrinks().map(child -> child.map(mapper)));
  }

  /**
   * Keeps only the shrinks whose values satisfy {@code predicate} (this value is assumed to satisfy it).
   *
   * @param predicate the filter
   * @return the filtered tree
   */
  public Shrinkable<T> filter(Predicate<? super T> predicate) {
    // A rejected shrink is replaced by its own accepted shrinks (one level deep): otherwise a filter such as
    // "even" would hide 58 behind the rejected 59 when shrinking 60 toward 0.
    return new Shrinkable<>(
        value,
        () ->
            shrinks()
                .flatMap(
                    child ->
                        predicate.test(child.value)
                            ? Stream.of(child)
                            : child.shrinks().filter(grandchild -> predicate.test(grandchild.value)))
                .map(child -> child.filter(predicate)));
  }

  /**
   * Builds a dependent tree: shrinks the outer value first, rebuilding the inner value for each outer shrink,
   * then shrinks the inner value with the outer one fixed.
   *
   * @param inner builds the inner tree from an outer value; must be deterministic
   * @param <U> the type of the inner value
   * @return the combined tree
   */
  public <U> Shrinkable<U> flatMap(Function<? super T, Shrinkable<U>> inner) {
    return bind(inner.apply(value), inner);
  }

  /** Like {@link #flatMap}, with the inner tree of this value already built (it is not rebuilt). */
  <U> Shrinkable<U> flatMap(Shrinkable<U> innerOfThisValue, Function<? super T, Shrinkable<U>> inner) {
    return bind(innerOfThisValue, inner);
  }

  private <U> Shrinkable<U> bind(Shrinkable<U> innerTree, Function<? super T, Shrinkable<U>> inner) {
    return new Shrinkable<>(
        innerTree.value,
        () ->
            Stream.concat(
                shrinks().map(outerChild -> outerChild.flatMap(inner)),
                innerTree.shrinks().map(innerChild -> bind(innerChild, inner))));
  }

  /**
   * Combines component trees into a tree of lists that shrinks one component at a time, first to last.
   *
   * @param components the component trees
   * @param <T> the type of a component
   * @return the tree of the list of component values
   */
  public static <T> Shrinkable<List<T>> combine(List<Shrinkable<T>> components) {
    List<Shrinkable<T>> fixed = List.copyOf(components);
    return new Shrinkable<>(
        values(fixed),
        () ->
            IntStream.range(0, fixed.size())
                .boxed()
                .flatMap(
                    index ->
                        fixed.get(index).shrinks().map(child -> combine(replaced(fixed, index, child)))));
  }

  /**
   * Combines element trees into a tree of lists that shrinks shorter first (never below {@code minSize}), then
   * element by element.
   *
   * @param elements the element trees
   * @param minSize the smallest size a shrink may have
   * @param <T> the type of an element
   * @return the tree of the list
   */
  static <T> Shrinkable<List<T>> list(List<Shrinkable<T>> elements, int minSize) {
    List<Shrinkable<T>> fixed = List.copyOf(elements);
    return new Shrinkable<>(values(fixed), () -> removals(fixed, minSize));
  }

  private static <T> Stream<Shrinkable<List<T>>> removals(List<Shrinkable<T>> elements, int minSize) {
    int size = elements.size();
    int removable = size - minSize;
    if (removable <= 0) {
      return listElementShrinks(elements, minSize);
    }
    // Chunks of halving length: drop to the minimum size first, then halves, quarters, ..., single elements.
    Stream<Integer> chunkLengths = Stream.iterate(removable, length -> length > 0, length -> length / 2);
    Stream<Shrinkable<List<T>>> shorter =
        chunkLengths.flatMap(
            length ->
                IntStream.iterate(0, start -> start + length <= size, start -> start + length)
                    .mapToObj(start -> list(withoutRange(elements, start, start + length), minSize)));
    return Stream.concat(shorter, listElementShrinks(elements, minSize));
  }

  private static <T> Stream<Shrinkable<List<T>>> listElementShrinks(List<Shrinkable<T>> elements, int minSize) {
    return IntStream.range(0, elements.size())
        .boxed()
        .flatMap(
            index ->
                elements.get(index).shrinks().map(child -> list(replaced(elements, index, child), minSize)));
  }

  private static <T> List<T> values(List<Shrinkable<T>> trees) {
    List<T> values = new ArrayList<>(trees.size());
    for (Shrinkable<T> tree : trees) {
      values.add(tree.value);
    }
    return Collections.unmodifiableList(values);
  }

  private static <T> List<Shrinkable<T>> replaced(List<Shrinkable<T>> list, int index, Shrinkable<T> element) {
    List<Shrinkable<T>> copy = new ArrayList<>(list);
    copy.set(index, element);
    return copy;
  }

  private static <T> List<Shrinkable<T>> withoutRange(List<Shrinkable<T>> list, int from, int to) {
    List<Shrinkable<T>> copy = new ArrayList<>(list.subList(0, from));
    copy.addAll(list.subList(to, list.size()));
    return copy;
  }

  @Override
  public String toString() {
    return "Shrinkable[" + value + "]";
  }
}
