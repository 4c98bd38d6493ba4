package dev.persistence.testkit;

import static java.util.Objects.requireNonNull;

import dev.persistence.core.check.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A generator of random values that shrink: ranges of numbers (uniform and log-uniform), choices, lists and
 * the combinators to build domain values from them.
 *
 * <p>A generator offers its {@linkplain #edgeCases() edge cases} (range ends, zero where allowed) before random
 * values; {@link Property} tries them first. Every value is a {@link Shrinkable}, so a failing value shrinks
 * through {@link #map}, {@link #filter}, {@link #flatMap} and the zips toward the simplest value the generator
 * can produce: numbers toward 0 (or the range end nearest 0), lists shorter and then element by element,
 * composites component by component, choices toward the first one.
 *
 * <pre>{@code
 * Gen<Integer> layers = Gen.integers(1, 128);
 * Gen<Integer> tensorParallel = Gen.powersOfTwo(1, 8);
 * Gen<Double> mfu = Gen.doubles(0.30, 0.50);
 * Gen<Double> flops = Gen.logUniform(1e21, 1e26);
 * Gen<Plan> plans = Gen.zip(layers, tensorParallel, mfu, Plan::new);
 * }</pre>
 *
 * <p>Generators are immutable and may be shared, for example in static fields.
 *
 * @param <T> the type of the generated values
 */
public interface Gen<T> {

  /** Most edge cases a generator offers; combinations beyond it are left to random generation. */
  int EDGE_CASE_LIMIT = 64;

  /**
   * Generates a random value with its shrink tree.
   *
   * @param random the source of randomness; the same state gives the same value
   * @return the value and its shrinks
   */
  Shrinkable<T> generate(SplittableRandom random);

  /** The edge cases tried before random values, at most {@link #EDGE_CASE_LIMIT}; none by default. */
  default List<Shrinkable<T>> edgeCases() {
    return List.of();
  }

  /**
   * A generator from a generating function and its edge cases.
   *
   * @param generator generates a value and its shrink tree from the random source
   * @param edgeCases supplies the edge cases (called once per property run)
   * @param <T> the type of the generated values
   * @return the generator
   * @throws NullPointerException if an argument is null
   */
  static <T> Gen<T> create(
      Function<SplittableRandom, Shrinkable<T>> generator, Supplier<List<Shrinkable<T>>> edgeCases) {
    requireNonNull(generator, "generator");
    requireNonNull(edgeCases, "edgeCases");
    return new Gen<>() {
      @Override
      public Shrinkable<T> generate(SplittableRandom random) {
        return generator.apply(random);
      }

      @Override
      public List<Shrinkable<T>> edgeCases() {
        List<Shrinkable<T>> cases = edgeCases.get();
        return cases.size() <= EDGE_CASE_LIMIT ? cases : cases.subList(0, EDGE_CASE_LIMIT);
      }
    };
  }

  // ---------------------------------------------------------------------------------------------- combinators

  /**
   * Applies {@code mapper} to every value; shrinking still happens on the underlying values.
   *
   * @param mapper the function, which should be pure
   * @param <U> the type of the result
   * @return the mapped generator
   */
  default <U> Gen<U> map(Function<? super T, ? extends U> mapper) {
    requireNonNull(mapper, "mapper");
    return create(
        random -> generate(random).map(mapper),
        () -> edgeCases().stream().map(edge -> edge.<U>map(mapper)).toList());
  }

  /**
   * Keeps the values that satisfy {@code predicate}, retrying a bounded number of times.
   *
   * <p>Prefer generating valid values by construction: a filter that rejects almost everything fails the
   * property with a {@link FilterTooStrictException} naming its rejection rate.
   *
   * @param predicate the condition values must satisfy
   * @return the filtered generator
   */
  default Gen<T> filter(Predicate<? super T> predicate) {
    return filter("filter", predicate);
  }

  /**
   * Keeps the values that satisfy {@code predicate}, retrying a bounded number of times, and names the filter
   * in errors.
   *
   * @param description what the filter requires, for error messages
   * @param predicate the condition values must satisfy
   * @return the filtered generator
   * @see #filter(Predicate)
   */
  default Gen<T> filter(String description, Predicate<? super T> predicate) {
    return new FilteredGen<>(this, description, predicate);
  }

  /**
   * Generates a value, then a second generator from it, and returns that generator's value. Shrinks the first
   * value first (regenerating the second from the same random state), then the second.
   *
   * @param next builds the dependent generator; must be deterministic
   * @param <U> the type of the result
   * @return the dependent generator
   */
  default <U> Gen<U> flatMap(Function<? super T, ? extends Gen<U>> next) {
    requireNonNull(next, "next");
    return create(
        random -> {
          Shrinkable<T> outer = generate(random);
          long innerSeed = random.nextLong();
          return outer.flatMap(value -> next.apply(value).generate(new SplittableRandom(innerSeed)));
        },
        () -> {
          // Each outer edge with each of its inner generator's edge cases; the inner edge cases are computed
          // once per outer edge, and only until the limit is reached, so that nested flatMaps stay cheap.
          List<Shrinkable<U>> cases = new ArrayList<>();
          for (Shrinkable<T> outer : edgeCases()) {
            if (cases.size() >= EDGE_CASE_LIMIT) {
              break;
            }
            List<Shrinkable<U>> innerEdges = next.apply(outer.value()).edgeCases();
            if (innerEdges.isEmpty()) {
              cases.add(outer.flatMap(value -> seeded(next.apply(value))));
            }
            for (Shrinkable<U> innerEdge : innerEdges) {
              if (cases.size() >= EDGE_CASE_LIMIT) {
                break;
              }
              cases.add(outer.flatMap(innerEdge, value -> seeded(next.apply(value))));
            }
          }
          return cases;
        });
  }

  /**
   * Lists of values of this generator.
   *
   * @param minSize the fewest elements
   * @param maxSize the most elements
   * @return the list generator
   * @throws IllegalArgumentException if {@code minSize < 0} or {@code maxSize < minSize}
   */
  default Gen<List<T>> list(int minSize, int maxSize) {
    return lists(this, minSize, maxSize);
  }

  // ---------------------------------------------------------------------------------------------- numbers

  /**
   * Integers uniform in {@code [min, max]}; edge cases {@code min}, {@code max} and 0 if in range; shrinks
   * toward 0, or the end nearest 0.
   *
   * @param min the smallest value
   * @param max the largest value
   * @return the generator
   * @throws IllegalArgumentException if {@code min > max}
   */
  static Gen<Integer> integers(int min, int max) {
    return longs(min, max).map(Math::toIntExact);
  }

  /**
   * Longs uniform in {@code [min, max]}; edge cases {@code min}, {@code max} and 0 if in range; shrinks toward
   * 0, or the end nearest 0.
   *
   * @param min the smallest value
   * @param max the largest value
   * @return the generator
   * @throws IllegalArgumentException if {@code min > max}
   */
  static Gen<Long> longs(long min, long max) {
    Ranges.checkRange(min, max);
    long target = NumberShrinking.simplest(min, max);
    return create(
        random -> NumberShrinking.integral(Ranges.uniformLong(random, min, max), target),
        () -> Ranges.integralEdges(min, max, target));
  }

  /**
   * Longs log-uniform in {@code [min, max]} (each decade equally likely), for counts that span orders of
   * magnitude such as parameters or tokens; edge cases the ends; shrinks toward {@code min}.
   *
   * @param min the smallest value, {@code >= 1}
   * @param max the largest value
   * @return the generator
   * @throws IllegalArgumentException if {@code min < 1} or {@code min > max}
   */
  static Gen<Long> logUniformLongs(long min, long max) {
    Ranges.checkRange(min, max);
    Ranges.checkArgument(min >= 1, "min (%s) must be >= 1 for a log-uniform range", min);
    return create(
        random -> NumberShrinking.integral(Ranges.logUniformLong(random, min, max), min),
        () -> Ranges.integralEdges(min, max, min));
  }

  /**
   * Doubles uniform in {@code [min, max]}; edge cases {@code min}, {@code max} and 0 if in range; shrinks toward
   * 0, or the end nearest 0, preferring values with few significant digits.
   *
   * @param min the smallest value, finite
   * @param max the largest value, finite
   * @return the generator
   * @throws IllegalArgumentException if a bound is not finite or {@code min > max}
   */
  static Gen<Double> doubles(double min, double max) {
    Ranges.checkRange(min, max);
    double target = NumberShrinking.simplest(min, max);
    return create(
        random -> NumberShrinking.real(Ranges.uniformDouble(random, min, max), target, false),
        () -> Ranges.realEdges(min, max, target, false));
  }

  /**
   * Doubles log-uniform in {@code [min, max]} (each decade equally likely), for quantities such as FLOPs,
   * dollars or tokens; edge cases the ends; shrinks toward {@code min} in log space.
   *
   * @param min the smallest value, finite and {@code > 0}
   * @param max the largest value, finite
   * @return the generator
   * @throws IllegalArgumentException if a bound is not finite, {@code min <= 0} or {@code min > max}
   */
  static Gen<Double> logUniform(double min, double max) {
    Ranges.checkRange(min, max);
    Ranges.checkArgument(min > 0, "min (%s) must be > 0 for a log-uniform range", min);
    return create(
        random -> NumberShrinking.real(Ranges.logUniformDouble(random, min, max), min, true),
        () -> Ranges.realEdges(min, max, min, true));
  }

  /**
   * The powers of two in {@code [min, max]}, each equally likely, as parallel degrees are
   * ({@code Gen.powersOfTwo(1, 1024)}); edge cases the smallest and the largest; shrinks toward the smallest.
   *
   * @param min the smallest value allowed, {@code >= 1}
   * @param max the largest value allowed, {@code <= 2^30}
   * @return the generator
   * @throws IllegalArgumentException if the range holds no power of two or leaves {@code [1, 2^30]}
   */
  static Gen<Integer> powersOfTwo(int min, int max) {
    Ranges.checkArgument(min >= 1, "min (%s) must be >= 1", min);
    Ranges.checkArgument(max <= (1 << 30), "max (%s) must be <= 2^30", max);
    int lowest = 32 - Integer.numberOfLeadingZeros(min - 1);
    int highest = 31 - Integer.numberOfLeadingZeros(Math.max(max, 1));
    Ranges.checkArgument(lowest <= highest, "[%s, %s] must hold a power of two", min, max);
    // The exponent's edge cases (its ends) map to the smallest and the largest power.
    return integers(lowest, highest).map(exponent -> 1 << exponent);
  }

  // ---------------------------------------------------------------------------------------------- choices

  /**
   * Always {@code value}.
   *
   * @param value the value
   * @param <T> the type of the value
   * @return the generator
   */
  static <T> Gen<T> constant(T value) {
    return create(random -> Shrinkable.unshrinkable(value), () -> List.of(Shrinkable.unshrinkable(value)));
  }

  /**
   * One of {@code values}, each equally likely; edge cases the first and the last; shrinks toward the first.
   *
   * @param values the choices, simplest first
   * @param <T> the type of the values
   * @return the generator
   * @throws IllegalArgumentException if {@code values} is empty
   */
  @SafeVarargs
  static <T> Gen<T> elements(T... values) {
    // Copied element by element: handing the varargs array itself on would let it escape (javac's varargs lint).
    List<T> list = new ArrayList<>(values.length);
    for (T value : values) {
      list.add(value);
    }
    return elements(list);
  }

  /**
   * One of {@code values}, each equally likely; edge cases the first and the last; shrinks toward the first.
   *
   * @param values the choices, simplest first
   * @param <T> the type of the values
   * @return the generator
   * @throws IllegalArgumentException if {@code values} is empty
   */
  static <T> Gen<T> elements(List<? extends T> values) {
    Ranges.checkArgument(!values.isEmpty(), "values must not be empty");
    List<T> fixed = new ArrayList<>(values);
    return integers(0, fixed.size() - 1).map(fixed::get);
  }

  /**
   * The constants of {@code type}, in declaration order; shrinks toward the first.
   *
   * @param type the enum class
   * @param <E> the enum type
   * @return the generator
   * @throws IllegalArgumentException if the enum has no constants
   */
  static <E extends Enum<E>> Gen<E> enumValues(Class<E> type) {
    return elements(type.getEnumConstants());
  }

  /** {@code false} or {@code true}, equally likely; shrinks toward {@code false}. */
  static Gen<Boolean> booleans() {
    return elements(false, true);
  }

  /**
   * A value of one of {@code generators}, each equally likely; shrinks toward the first generator.
   *
   * @param generators the alternatives, simplest first
   * @param <T> the type of the values
   * @return the generator
   * @throws IllegalArgumentException if no generator is given
   */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
    List<Weighted<T>> weighted = new ArrayList<>();
    for (Gen<? extends T> generator : generators) {
      weighted.add(weighted(1, generator));
    }
    return frequency(weighted);
  }

  /**
   * A generator with its weight, for {@link #frequency}.
   *
   * @param weight the relative weight, {@code > 0}
   * @param generator the generator
   * @param <T> the type of the values
   * @return the pair
   * @throws IllegalArgumentException if {@code weight <= 0}
   */
  static <T> Weighted<T> weighted(int weight, Gen<? extends T> generator) {
    return new Weighted<>(weight, generator);
  }

  /**
   * A value of one of the weighted generators, picked with probability proportional to its weight; edge cases
   * those of every alternative; shrinks toward the first alternative.
   *
   * @param alternatives the weighted generators, simplest first
   * @param <T> the type of the values
   * @return the generator
   * @throws IllegalArgumentException if no alternative is given
   */
  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<T>... alternatives) {
    List<Weighted<T>> list = new ArrayList<>(alternatives.length);
    for (Weighted<T> alternative : alternatives) {
      list.add(alternative);
    }
    return frequency(list);
  }

  /**
   * A value of one of the weighted generators, picked with probability proportional to its weight; edge cases
   * those of every alternative; shrinks toward the first alternative.
   *
   * @param alternatives the weighted generators, simplest first
   * @param <T> the type of the values
   * @return the generator
   * @throws IllegalArgumentException if no alternative is given
   */
  static <T> Gen<T> frequency(List<Weighted<T>> alternatives) {
    Ranges.checkArgument(!alternatives.isEmpty(), "alternatives must not be empty");
    List<Weighted<T>> fixed = List.copyOf(alternatives);
    long totalWeight = fixed.stream().mapToLong(Weighted::weight).sum();
    return create(
        random -> {
          long draw = random.nextLong(totalWeight);
          int index = 0;
          while (draw >= fixed.get(index).weight()) {
            draw -= fixed.get(index).weight();
            index++;
          }
          long innerSeed = random.nextLong();
          return NumberShrinking.integral(index, 0)
              .flatMap(
                  chosen -> {
                    @SuppressWarnings("unchecked")
                    Gen<T> generator = (Gen<T>) fixed.get(Math.toIntExact(chosen)).generator();
                    return generator.generate(new SplittableRandom(innerSeed));
                  });
        },
        () -> {
          List<Shrinkable<T>> cases = new ArrayList<>();
          for (Weighted<T> alternative : fixed) {
            for (Shrinkable<? extends T> edge : alternative.generator().edgeCases()) {
              cases.add(edge.map(value -> (T) value));
            }
          }
          return cases;
        });
  }

  /**
   * A generator and its relative weight, for {@link Gen#frequency}.
   *
   * @param weight the relative weight, {@code > 0}
   * @param generator the generator
   * @param <T> the type of the values
   */
  record Weighted<T>(int weight, Gen<? extends T> generator) {
    /**
     * Validates the pair.
     *
     * @throws IllegalArgumentException if {@code weight <= 0}
     * @throws NullPointerException if {@code generator} is null
     */
    public Weighted {
      Checks.positive("weight", weight);
      requireNonNull(generator, "generator");
    }
  }

  // ---------------------------------------------------------------------------------------------- structures

  /**
   * Lists of {@code element} values, of a size uniform in {@code [minSize, maxSize]}; edge cases the shortest
   * lists of element edge cases; shrinks shorter first (removing chunks, then single elements), then element by
   * element.
   *
   * @param element the element generator
   * @param minSize the fewest elements, {@code >= 0}
   * @param maxSize the most elements
   * @param <T> the type of an element
   * @return the generator
   * @throws IllegalArgumentException if {@code minSize < 0} or {@code maxSize < minSize}
   */
  static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
    Checks.nonNegative("minSize", minSize);
    Ranges.checkArgument(maxSize >= minSize, "maxSize (%s) must be >= minSize (%s)", maxSize, minSize);
    return create(
        random -> {
          int size = Math.toIntExact(Ranges.uniformLong(random, minSize, maxSize));
          List<Shrinkable<T>> elements = new ArrayList<>(size);
          for (int index = 0; index < size; index++) {
            elements.add(element.generate(random));
          }
          return Shrinkable.list(elements, minSize);
        },
        () -> {
          List<Shrinkable<T>> elementEdges = element.edgeCases();
          List<Shrinkable<List<T>>> cases = new ArrayList<>();
          int size = Math.max(minSize, 1);
          if (minSize == 0) {
            cases.add(Shrinkable.list(List.of(), 0));
          }
          if (size <= maxSize) {
            for (Shrinkable<T> edge : elementEdges) {
              cases.add(Shrinkable.list(java.util.Collections.nCopies(size, edge), minSize));
            }
          }
          return cases;
        });
  }

  /**
   * Lists of one value of each generator; shrinks component by component; edge cases the combinations of the
   * components' edge cases (up to {@link #EDGE_CASE_LIMIT}).
   *
   * @param components the generators, one per position
   * @param <T> the common type of the components
   * @return the generator of lists as long as {@code components}
   */
  static <T> Gen<List<T>> combine(List<? extends Gen<? extends T>> components) {
    List<Gen<? extends T>> fixed = List.copyOf(components);
    return create(
        random -> {
          List<Shrinkable<T>> values = new ArrayList<>(fixed.size());
          for (Gen<? extends T> component : fixed) {
            values.add(upcast(component.generate(random)));
          }
          return Shrinkable.combine(values);
        },
        () -> Combinations.edgeProducts(fixed));
  }

  /**
   * Combines a value of each generator with {@code combiner}; shrinks component by component.
   *
   * @param first the first component
   * @param second the second component
   * @param combiner builds the result
   * @param <A> the type of the first component
   * @param <B> the type of the second component
   * @param <R> the type of the result
   * @return the generator
   */
  @SuppressWarnings("unchecked")
  static <A, B, R> Gen<R> zip(Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> combiner) {
    return combine(List.<Gen<?>>of(first, second))
        .map(values -> combiner.apply((A) values.get(0), (B) values.get(1)));
  }

  /**
   * Combines a value of each generator with {@code combiner}; shrinks component by component.
   *
   * @param first the first component
   * @param second the second component
   * @param third the third component
   * @param combiner builds the result
   * @param <A> the type of the first component
   * @param <B> the type of the second component
   * @param <C> the type of the third component
   * @param <R> the type of the result
   * @return the generator
   */
  @SuppressWarnings("unchecked")
  static <A, B, C, R> Gen<R> zip(
      Gen<A> first, Gen<B> second, Gen<C> third, Function3<? super A, ? super B, ? super C, ? extends R> combiner) {
    return combine(List.<Gen<?>>of(first, second, third))
        .map(values -> combiner.apply((A) values.get(0), (B) values.get(1), (C) values.get(2)));
  }

  /**
   * Combines a value of each generator with {@code combiner}; shrinks component by component.
   *
   * @param first the first component
   * @param second the second component
   * @param third the third component
   * @param fourth the fourth component
   * @param combiner builds the result
   * @param <A> the type of the first component
   * @param <B> the type of the second component
   * @param <C> the type of the third component
   * @param <D> the type of the fourth component
   * @param <R> the type of the result
   * @return the generator
   */
  @SuppressWarnings("unchecked")
  static <A, B, C, D, R> Gen<R> zip(
      Gen<A> first,
      Gen<B> second,
      Gen<C> third,
      Gen<D> fourth,
      Function4<? super A, ? super B, ? super C, ? super D, ? extends R> combiner) {
    return combine(List.<Gen<?>>of(first, second, third, fourth))
        .map(
            values ->
                combiner.apply((A) values.get(0), (B) values.get(1), (C) values.get(2), (D) values.get(3)));
  }

  /**
   * A function of three arguments, for {@link Gen#zip(Gen, Gen, Gen, Function3)}.
   *
   * @param <A> the first argument
   * @param <B> the second argument
   * @param <C> the third argument
   * @param <R> the result
   */
  @FunctionalInterface
  interface Function3<A, B, C, R> {
    /**
     * Applies the function.
     *
     * @param a the first argument
     * @param b the second argument
     * @param c the third argument
     * @return the result
     */
    R apply(A a, B b, C c);
  }

  /**
   * A function of four arguments, for {@link Gen#zip(Gen, Gen, Gen, Gen, Function4)}.
   *
   * @param <A> the first argument
   * @param <B> the second argument
   * @param <C> the third argument
   * @param <D> the fourth argument
   * @param <R> the result
   */
  @FunctionalInterface
  interface Function4<A, B, C, D, R> {
    /**
     * Applies the function.
     *
     * @param a the first argument
     * @param b the second argument
     * @param c the third argument
     * @param d the fourth argument
     * @return the result
     */
    R apply(A a, B b, C c, D d);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static <T> Shrinkable<T> upcast(Shrinkable<? extends T> tree) {
    return tree.map(value -> (T) value);
  }

  /** A value of {@code generator} from a fixed seed: how an edge case's dependent part is rebuilt on shrinking. */
  private static <U> Shrinkable<U> seeded(Gen<U> generator) {
    return generator.generate(new SplittableRandom(0));
  }
}
