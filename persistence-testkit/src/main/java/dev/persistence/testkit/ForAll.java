package dev.persistence.testkit;

import static java.util.Objects.requireNonNull;

import dev.persistence.core.check.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.opentest4j.TestAbortedException;

/**
 * The settings shared by every property ({@link ForAll1}, {@link ForAll2}, {@link ForAll3}): tries, seed,
 * shrinking budget, classification labels and coverage requirements.
 *
 * <p>A property is configured fluently and then checked once; it is not thread-safe.
 *
 * @param <T> the type of the generated value (a list of the arguments for several generators)
 * @param <S> the concrete property type, returned by the fluent setters
 */
public abstract class ForAll<T, S extends ForAll<T, S>> {

  /** Shrink steps (accepted simpler counterexamples) after which shrinking stops by default. */
  public static final int DEFAULT_MAX_SHRINK_STEPS = 1_000;

  private final Gen<T> generator;
  private final BiFunction<T, List<String>, String> describer;
  private List<String> argumentNames = List.of();
  private final Map<String, Predicate<T>> labels = new LinkedHashMap<>();
  private final Map<String, Double> requiredCoverage = new LinkedHashMap<>();
  private OptionalInt tries = OptionalInt.empty();
  private OptionalLong seed = OptionalLong.empty();
  private int maxShrinkSteps = DEFAULT_MAX_SHRINK_STEPS;

  ForAll(Gen<T> generator, BiFunction<T, List<String>, String> describer) {
    this.generator = requireNonNull(generator, "generator");
    this.describer = describer;
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /**
   * Sets the number of tries of this property, overriding {@code persistence.tries}.
   *
   * @param count tries, edge cases included
   * @return this property
   * @throws IllegalArgumentException if {@code count <= 0}
   */
  public S tries(int count) {
    Checks.positive("tries", count);
    this.tries = OptionalInt.of(count);
    return self();
  }

  /**
   * Fixes the seed of this property, overriding {@code persistence.seed}; a failure reports the seed that
   * reproduces it.
   *
   * @param value the seed
   * @return this property
   */
  public S seed(long value) {
    this.seed = OptionalLong.of(value);
    return self();
  }

  /**
   * Sets how many simpler counterexamples shrinking may step through; 0 turns shrinking off.
   *
   * @param steps the most shrink steps
   * @return this property
   * @throws IllegalArgumentException if {@code steps < 0}
   */
  public S maxShrinkSteps(int steps) {
    Checks.nonNegative("maxShrinkSteps", steps);
    this.maxShrinkSteps = steps;
    return self();
  }

  /**
   * Requires that at least {@code minFraction} of the generated values carry {@code label}, so that a
   * generator that misses the interesting region fails the property instead of passing vacuously.
   *
   * @param label a label declared with {@code classify}
   * @param minFraction the smallest share of tries, in {@code [0, 1]}
   * @return this property
   * @throws IllegalArgumentException if {@code minFraction} is outside {@code [0, 1]}
   */
  public S requireCoverage(String label, double minFraction) {
    requireNonNull(label, "label");
    Checks.fraction("minFraction", minFraction);
    requiredCoverage.put(label, minFraction);
    return self();
  }

  /** Names the arguments in reports, in generator order; checked to be non-blank and distinct. */
  final S argumentNames(String... names) {
    Set<String> distinct = new HashSet<>();
    for (String name : names) {
      requireNonNull(name, "argument name");
      Ranges.checkArgument(!name.isBlank(), "argument names must not be blank");
      Ranges.checkArgument(distinct.add(name), "argument name '%s' is given twice", name);
    }
    this.argumentNames = List.of(names);
    return self();
  }

  final S addLabel(String label, Predicate<T> condition) {
    requireNonNull(label, "label");
    requireNonNull(condition, "condition");
    Ranges.checkArgument(!labels.containsKey(label), "label '%s' is already classified", label);
    labels.put(label, condition);
    return self();
  }

  /** A test of one value: null when it holds, else why it failed. */
  @FunctionalInterface
  interface Test<T> {
    Throwable failure(T value);
  }

  /** A property check that throws: any throwable but an aborted test is a failure. */
  @FunctionalInterface
  interface Check<T> {
    void run(T value) throws Throwable;
  }

  static <T> Test<T> asTest(Check<T> check) {
    return value -> {
      try {
        check.run(value);
        return null;
      } catch (TestAbortedException | VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        return e;
      }
    };
  }

  static <T> Check<T> fromPredicate(Predicate<T> predicate) {
    return value -> {
      if (!predicate.test(value)) {
        throw new ReturnedFalse();
      }
    };
  }

  /** The failure of a predicate that returned false: nothing to add to the report, so it is not printed. */
  static final class ReturnedFalse extends AssertionError {
    private static final long serialVersionUID = 1L;

    ReturnedFalse() {
      super("property returned false");
    }
  }

  /**
   * Runs the property.
   *
   * @throws PropertyFailure if a value falsifies the property
   * @throws CoverageFailure if a required label is too rare
   */
  final PropertyReport run(Check<T> check) {
    for (String label : requiredCoverage.keySet()) {
      Ranges.checkArgument(
          labels.containsKey(label), "requireCoverage label '%s' has no classify(...) condition", label);
    }
    Test<T> test = asTest(check);
    long runSeed = seed.isPresent() ? seed.getAsLong() : Settings.defaultSeed();
    int runTries = tries.isPresent() ? tries.getAsInt() : Settings.defaultTries();
    List<Shrinkable<T>> edges = generator.edgeCases();
    int edgeCount = Math.min(edges.size(), Math.max(1, runTries / 2));
    SplittableRandom random = new SplittableRandom(runSeed);
    Map<String, Integer> counts = new LinkedHashMap<>();
    labels.keySet().forEach(label -> counts.put(label, 0));

    for (int index = 0; index < runTries; index++) {
      Shrinkable<T> candidate = index < edgeCount ? edges.get(index) : generator.generate(random);
      T value = candidate.value();
      for (Map.Entry<String, Predicate<T>> label : labels.entrySet()) {
        if (label.getValue().test(value)) {
          counts.merge(label.getKey(), 1, Integer::sum);
        }
      }
      Throwable failure = test.failure(value);
      if (failure != null) {
        PropertyReport report = new PropertyReport(runSeed, index + 1, Math.min(edgeCount, index + 1), counts);
        throw shrink(candidate, failure, test, report, runTries);
      }
    }
    PropertyReport report = new PropertyReport(runSeed, runTries, edgeCount, counts);
    List<String> missed = new ArrayList<>();
    for (Map.Entry<String, Double> required : requiredCoverage.entrySet()) {
      if (report.fraction(required.getKey()) < required.getValue()) {
        missed.add(required.getKey());
      }
    }
    if (!missed.isEmpty()) {
      throw new CoverageFailure(report, requiredCoverage, missed, runTries);
    }
    return report;
  }

  private PropertyFailure shrink(
      Shrinkable<T> original, Throwable originalFailure, Test<T> test, PropertyReport report, int runTries) {
    Shrinker.Result<T> result = Shrinker.shrink(original, originalFailure, test::failure, maxShrinkSteps);
    Shrinkable<T> current = result.shrunk();
    Throwable currentFailure = result.failure();
    int steps = result.steps();
    return new PropertyFailure(
        describer.apply(current.value(), argumentNames),
        describer.apply(original.value(), argumentNames),
        current.value(),
        original.value(),
        steps,
        report,
        runTries,
        seed.isPresent(),
        currentFailure instanceof ReturnedFalse ? null : currentFailure);
  }
}
