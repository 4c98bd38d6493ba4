package dev.persistence.testkit;

import static java.util.Objects.requireNonNull;

import dev.persistence.core.check.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * An envelope of planning assumptions: named uncertain inputs (ranges with a nominal value, discrete choices)
 * and checks that a property holds everywhere inside it.
 *
 * <p>A check explores the nominal point, every input at its ends (and every choice) with the others nominal,
 * the corners (every combination of ends, for up to {@value #MAX_CORNER_INPUTS} inputs; at most
 * {@value #MAX_CORNERS} corners), then random points ({@code persistence.tries} of them unless
 * {@link #randomPoints(int)} says otherwise, seeded by {@code persistence.seed} unless {@link #seed(long)} does).
 * It returns a report ("holds over N points") or throws an {@link EnvelopeViolation} naming the first violating
 * point (the worst one for a limit check) and that point shrunk toward the nominal values, input by input: the
 * violation nearest to the plan.
 *
 * <pre>{@code
 * // For every MFU in 30-50% and cluster of 8k-16k H100s, a run of 3.8e25 FLOPs ends within 120 days.
 * // days = FLOPs / (gpus x peak x MFU) / 86400; H100 SXM dense BF16 peak 989e12 FLOP/s (NVIDIA H100 datasheet).
 * Envelope.builder()
 *     .uniform("mfu", 0.30, 0.50, 0.40)
 *     .integers("gpus", 8_192, 16_384, 12_288)
 *     .build()
 *     .checkAtMost("training days", p -> 3.8e25 / (p.longValue("gpus") * 989e12 * p.value("mfu")) / 86_400, 120);
 * }</pre>
 *
 * <p>Envelopes are immutable; the settings methods return modified copies.
 */
public final class Envelope {

  /** Inputs beyond which corners are no longer enumerated in full. */
  public static final int MAX_CORNER_INPUTS = 10;

  /** Most corners checked. */
  public static final int MAX_CORNERS = 1 << MAX_CORNER_INPUTS;

  private final List<EnvelopeInput> inputs;
  private final OptionalInt randomPoints;
  private final OptionalLong seed;
  private final int maxShrinkSteps;

  private Envelope(List<EnvelopeInput> inputs, OptionalInt randomPoints, OptionalLong seed, int maxShrinkSteps) {
    this.inputs = List.copyOf(inputs);
    this.randomPoints = randomPoints;
    this.seed = seed;
    this.maxShrinkSteps = maxShrinkSteps;
  }

  /** Returns a builder of an envelope. */
  public static Builder builder() {
    return new Builder();
  }

  /** The inputs, in declaration order. */
  public List<EnvelopeInput> inputs() {
    return inputs;
  }

  /** The point where every input has its nominal value. */
  public EnvelopePoint nominal() {
    return point(nominalValues());
  }

  /**
   * This envelope with another number of random points (instead of {@code persistence.tries}).
   *
   * @param count random points, {@code >= 0}
   * @return the modified envelope
   * @throws IllegalArgumentException if {@code count < 0}
   */
  public Envelope randomPoints(int count) {
    Checks.nonNegative("randomPoints", count);
    return new Envelope(inputs, OptionalInt.of(count), seed, maxShrinkSteps);
  }

  /**
   * This envelope with a fixed seed for its random points (instead of {@code persistence.seed}).
   *
   * @param value the seed
   * @return the modified envelope
   */
  public Envelope seed(long value) {
    return new Envelope(inputs, randomPoints, OptionalLong.of(value), maxShrinkSteps);
  }

  /**
   * Checks that {@code property} holds at every explored point; an exception thrown by it is a violation.
   *
   * @param description what the property states, for reports
   * @param property the property
   * @return the report: "holds over N points"
   * @throws EnvelopeViolation if a point violates it, with the first violating point shrunk toward nominal
   */
  public EnvelopeReport check(String description, Predicate<EnvelopePoint> property) {
    requireNonNull(property, "property");
    return explore(
        description,
        point -> {
          try {
            return property.test(point) ? Outcome.HOLDS : new Outcome(true, Double.NaN, null);
          } catch (RuntimeException | AssertionError e) {
            return new Outcome(true, Double.NaN, e);
          }
        },
        false,
        false);
  }

  /**
   * Checks that {@code metric} stays at most {@code limit} at every explored point (NaN violates).
   *
   * @param metricName the metric's name and unit, for reports (e.g. {@code "training days"})
   * @param metric the metric at a point
   * @param limit the largest acceptable value
   * @return the report, with the point of the largest metric
   * @throws EnvelopeViolation if a point exceeds the limit, with the worst point found and the violating point
   *     nearest the nominal values
   */
  public EnvelopeReport checkAtMost(String metricName, ToDoubleFunction<EnvelopePoint> metric, double limit) {
    requireNonNull(metric, "metric");
    return explore(
        String.format(Locale.ROOT, "%s <= %s", metricName, EnvelopeInput.format(limit)),
        point -> {
          double value = metric.applyAsDouble(point);
          return new Outcome(!(value <= limit), Double.isNaN(value) ? Double.POSITIVE_INFINITY : value, null);
        },
        true,
        false);
  }

  /**
   * Checks that {@code metric} stays at least {@code limit} at every explored point (NaN violates).
   *
   * @param metricName the metric's name and unit, for reports
   * @param metric the metric at a point
   * @param limit the smallest acceptable value
   * @return the report, with the point of the smallest metric
   * @throws EnvelopeViolation if a point falls below the limit, with the worst point found and the violating
   *     point nearest the nominal values
   */
  public EnvelopeReport checkAtLeast(String metricName, ToDoubleFunction<EnvelopePoint> metric, double limit) {
    requireNonNull(metric, "metric");
    return explore(
        String.format(Locale.ROOT, "%s >= %s", metricName, EnvelopeInput.format(limit)),
        point -> {
          double value = metric.applyAsDouble(point);
          // Negated so that larger is worse, as for checkAtMost.
          return new Outcome(!(value >= limit), Double.isNaN(value) ? Double.POSITIVE_INFINITY : -value, null);
        },
        true,
        true);
  }

  /** Whether a point violates the property, its badness (larger is worse; NaN for plain properties), why. */
  private record Outcome(boolean violated, double badness, Throwable cause) {
    static final Outcome HOLDS = new Outcome(false, Double.NaN, null);
  }

  private EnvelopeReport explore(
      String description,
      java.util.function.Function<EnvelopePoint, Outcome> evaluate,
      boolean limitCheck,
      boolean negated) {
    long runSeed = seed.isPresent() ? seed.getAsLong() : Settings.defaultSeed();
    int randomCount = randomPoints.isPresent() ? randomPoints.getAsInt() : Settings.defaultTries();
    Set<List<Object>> seen = new HashSet<>();
    List<List<Object>> points = new ArrayList<>();
    int nominalCount = addNew(points, seen, List.of(nominalValues()));
    int edgeCount = addNew(points, seen, edgeValues());
    int cornerCount = addNew(points, seen, cornerValues());
    SplittableRandom random = new SplittableRandom(runSeed);
    List<List<Object>> randoms = new ArrayList<>(randomCount);
    for (int index = 0; index < randomCount; index++) {
      List<Object> values = new ArrayList<>(inputs.size());
      for (EnvelopeInput input : inputs) {
        values.add(input.random(random));
      }
      randoms.add(values);
    }
    points.addAll(randoms);

    int violations = 0;
    List<Object> firstViolation = null;
    Outcome firstOutcome = null;
    List<Object> worst = null;
    Outcome worstOutcome = null;
    for (List<Object> values : points) {
      Outcome outcome = evaluate.apply(point(values));
      if (limitCheck && (worstOutcome == null || outcome.badness() > worstOutcome.badness())) {
        worst = values;
        worstOutcome = outcome;
      }
      if (outcome.violated()) {
        violations++;
        if (firstViolation == null) {
          firstViolation = values;
          firstOutcome = outcome;
        }
      }
    }
    Optional<EnvelopePoint> worstPoint = Optional.ofNullable(worst).map(this::point);
    OptionalDouble worstValue =
        worstOutcome == null ? OptionalDouble.empty() : OptionalDouble.of(metricValue(worstOutcome, negated));
    EnvelopeReport report =
        EnvelopeReport.builder()
            .description(description)
            .nominalPoints(nominalCount)
            .edgePoints(edgeCount)
            .cornerPoints(cornerCount)
            .randomPoints(randomCount)
            .seed(runSeed)
            .worstPoint(worstPoint)
            .worstValue(worstValue)
            .build();
    if (violations == 0) {
      return report;
    }
    List<Object> original = limitCheck ? worst : firstViolation;
    Outcome originalOutcome = limitCheck ? worstOutcome : firstOutcome;
    List<Shrinkable<Object>> components = new ArrayList<>(inputs.size());
    for (int index = 0; index < inputs.size(); index++) {
      components.add(inputs.get(index).shrinkable(original.get(index)));
    }
    Throwable originalFailure = failureOf(originalOutcome);
    Shrinker.Result<List<Object>> shrunk =
        Shrinker.shrink(
            Shrinkable.combine(components),
            originalFailure,
            values -> {
              Outcome outcome = evaluate.apply(point(values));
              return outcome.violated() ? failureOf(outcome) : null;
            },
            maxShrinkSteps);
    Outcome finalOutcome = evaluate.apply(point(shrunk.shrunk().value()));
    throw new EnvelopeViolation(
        report,
        violations,
        point(original),
        limitCheck ? OptionalDouble.of(metricValue(originalOutcome, negated)) : OptionalDouble.empty(),
        point(shrunk.shrunk().value()),
        limitCheck ? OptionalDouble.of(metricValue(finalOutcome, negated)) : OptionalDouble.empty(),
        shrunk.steps(),
        seed.isPresent(),
        finalOutcome.cause());
  }

  private static double metricValue(Outcome outcome, boolean negated) {
    return negated ? -outcome.badness() : outcome.badness();
  }

  private static Throwable failureOf(Outcome outcome) {
    return outcome.cause() != null ? outcome.cause() : new AssertionError("violated");
  }

  private static int addNew(List<List<Object>> points, Set<List<Object>> seen, List<List<Object>> candidates) {
    int added = 0;
    for (List<Object> candidate : candidates) {
      if (seen.add(candidate)) {
        points.add(candidate);
        added++;
      }
    }
    return added;
  }

  private List<Object> nominalValues() {
    List<Object> values = new ArrayList<>(inputs.size());
    for (EnvelopeInput input : inputs) {
      values.add(input.nominal());
    }
    return values;
  }

  private List<List<Object>> edgeValues() {
    List<List<Object>> points = new ArrayList<>();
    for (int index = 0; index < inputs.size(); index++) {
      for (Object edge : inputs.get(index).edges()) {
        List<Object> values = nominalValues();
        values.set(index, edge);
        points.add(values);
      }
    }
    return points;
  }

  private List<List<Object>> cornerValues() {
    List<List<Object>> ends = new ArrayList<>();
    for (EnvelopeInput input : inputs) {
      ends.add(input.ends());
    }
    List<List<Object>> corners = new ArrayList<>();
    int[] indices = new int[inputs.size()];
    while (corners.size() < MAX_CORNERS) {
      List<Object> values = new ArrayList<>(inputs.size());
      for (int position = 0; position < inputs.size(); position++) {
        values.add(ends.get(position).get(indices[position]));
      }
      corners.add(values);
      int position = inputs.size() - 1;
      while (position >= 0 && ++indices[position] == ends.get(position).size()) {
        indices[position] = 0;
        position--;
      }
      if (position < 0) {
        break;
      }
    }
    return corners;
  }

  private EnvelopePoint point(List<Object> values) {
    return new EnvelopePoint(inputs, values);
  }

  /** Builds an {@link Envelope} input by input. */
  public static final class Builder {

    private final List<EnvelopeInput> inputs = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();

    private Builder() {}

    private Builder add(EnvelopeInput input) {
      Ranges.checkArgument(names.add(input.name()), "input '%s' is already declared", input.name());
      inputs.add(input);
      return this;
    }

    /**
     * Adds a real input uniform in {@code [min, max]}.
     *
     * @param name the input's name
     * @param min the smallest value
     * @param max the largest value
     * @param nominal the planned value, in the range
     * @return this builder
     * @throws IllegalArgumentException if the name is taken or blank, the range is not finite or inverted, or
     *     the nominal value is outside it
     */
    public Builder uniform(String name, double min, double max, double nominal) {
      return add(new EnvelopeInput(name, EnvelopeInput.Kind.UNIFORM, min, max, nominal, List.of()));
    }

    /**
     * Adds a real input log-uniform in {@code [min, max]} (each decade equally likely).
     *
     * @param name the input's name
     * @param min the smallest value, {@code > 0}
     * @param max the largest value
     * @param nominal the planned value, in the range
     * @return this builder
     * @throws IllegalArgumentException if the name is taken or blank, the range is not finite, positive and
     *     ordered, or the nominal value is outside it
     */
    public Builder logUniform(String name, double min, double max, double nominal) {
      return add(new EnvelopeInput(name, EnvelopeInput.Kind.LOG_UNIFORM, min, max, nominal, List.of()));
    }

    /**
     * Adds an integer input uniform in {@code [min, max]}, such as a GPU count.
     *
     * @param name the input's name
     * @param min the smallest value, {@code >= -2^53}
     * @param max the largest value, {@code <= 2^53}
     * @param nominal the planned value, in the range
     * @return this builder
     * @throws IllegalArgumentException if the name is taken or blank, the range is inverted or leaves
     *     {@code [-2^53, 2^53]}, or the nominal value is outside it
     */
    public Builder integers(String name, long min, long max, long nominal) {
      long exact = 1L << 53;
      Ranges.checkArgument(
          min >= -exact && max <= exact, "range of '%s' [%s, %s] must lie in [-2^53, 2^53]", name, min, max);
      return add(new EnvelopeInput(name, EnvelopeInput.Kind.INTEGER, min, max, nominal, List.of()));
    }

    /**
     * Adds a discrete input, such as an accelerator or a precision.
     *
     * @param name the input's name
     * @param choices the values, each equally likely
     * @param nominal the planned value, one of {@code choices}
     * @param <T> the type of the values
     * @return this builder
     * @throws IllegalArgumentException if the name is taken or blank, there is no choice, or the nominal value
     *     is not one of them
     */
    public <T> Builder choice(String name, List<T> choices, T nominal) {
      return add(
          new EnvelopeInput(name, EnvelopeInput.Kind.CHOICE, 0, 0, nominal, new ArrayList<Object>(choices)));
    }

    /**
     * Builds the envelope.
     *
     * @return the envelope
     * @throws IllegalArgumentException if no input was declared
     */
    public Envelope build() {
      Ranges.checkArgument(!inputs.isEmpty(), "an envelope needs at least one input");
      return new Envelope(inputs, OptionalInt.empty(), OptionalLong.empty(), ForAll.DEFAULT_MAX_SHRINK_STEPS);
    }
  }
}
