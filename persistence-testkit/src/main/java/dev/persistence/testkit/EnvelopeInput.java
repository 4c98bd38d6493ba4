package dev.persistence.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One named uncertain input of an {@link Envelope}: a range (uniform or log-uniform, real or integer) or a set
 * of discrete choices, with the nominal value that violations shrink toward.
 *
 * @param name the input's name, as reports print it
 * @param kind how values are drawn
 * @param min the smallest value of a range (unused for choices)
 * @param max the largest value of a range (unused for choices)
 * @param nominal the planned value: a {@link Double}, a {@link Long} or one of {@code choices}
 * @param choices the discrete values, empty for ranges
 */
public record EnvelopeInput(
    String name, Kind kind, double min, double max, Object nominal, List<Object> choices) {

  /** How an input's values are drawn. */
  public enum Kind {
    /** Real numbers uniform in the range. */
    UNIFORM,
    /** Real numbers whose logarithm is uniform in the range (each decade equally likely). */
    LOG_UNIFORM,
    /** Integers uniform in the range. */
    INTEGER,
    /** One of the discrete choices, each equally likely. */
    CHOICE
  }

  /**
   * Validates the input.
   *
   * @throws IllegalArgumentException if the name is blank, a range is not finite or inverted, a log-uniform
   *     range is not positive, the nominal value is outside the range or not among the choices
   */
  public EnvelopeInput {
    Ranges.checkArgument(name != null && !name.isBlank(), "name must not be blank");
    choices = List.copyOf(choices);
    if (kind == Kind.CHOICE) {
      Ranges.checkArgument(!choices.isEmpty(), "choices of '%s' must not be empty", name);
      Ranges.checkArgument(
          choices.contains(nominal), "nominal of '%s' (%s) must be one of %s", name, nominal, choices);
    } else {
      Ranges.checkRange(min, max);
      Ranges.checkArgument(
          kind != Kind.LOG_UNIFORM || min > 0, "min of '%s' (%s) must be > 0 for a log-uniform range", name, min);
      double nominalValue = ((Number) nominal).doubleValue();
      Ranges.checkArgument(
          nominalValue >= min && nominalValue <= max,
          "nominal of '%s' (%s) must be in [%s, %s]",
          name,
          nominal,
          min,
          max);
    }
  }

  /** The ends of the range, or the first and last choices. */
  List<Object> ends() {
    List<Object> ends = new ArrayList<>();
    switch (kind) {
      case CHOICE:
        ends.add(choices.get(0));
        ends.add(choices.get(choices.size() - 1));
        break;
      case INTEGER:
        ends.add((long) min);
        ends.add((long) max);
        break;
      default:
        ends.add(min);
        ends.add(max);
    }
    return ends.get(0).equals(ends.get(1)) ? ends.subList(0, 1) : ends;
  }

  /** Values to try with every other input nominal: the ends of a range, every choice. */
  List<Object> edges() {
    return kind == Kind.CHOICE ? choices : ends();
  }

  Object random(SplittableRandom random) {
    switch (kind) {
      case CHOICE:
        return choices.get(random.nextInt(choices.size()));
      case INTEGER:
        return Ranges.uniformLong(random, (long) min, (long) max);
      case LOG_UNIFORM:
        return Ranges.logUniformDouble(random, min, max);
      case UNIFORM:
      default:
        return Ranges.uniformDouble(random, min, max);
    }
  }

  /** A tree that shrinks {@code value} toward the nominal value. */
  Shrinkable<Object> shrinkable(Object value) {
    switch (kind) {
      case CHOICE:
        return value.equals(nominal)
            ? Shrinkable.unshrinkable(value)
            : Shrinkable.of(value, () -> java.util.stream.Stream.of(Shrinkable.unshrinkable(nominal)));
      case INTEGER:
        return NumberShrinking.integral((Long) value, (Long) nominal).map(v -> v);
      case LOG_UNIFORM:
        return NumberShrinking.real((Double) value, (Double) nominal, true).map(v -> v);
      case UNIFORM:
      default:
        return NumberShrinking.real((Double) value, (Double) nominal, false).map(v -> v);
    }
  }

  /** The input's domain, as reports print it. */
  String domain() {
    switch (kind) {
      case CHOICE:
        return "one of " + choices;
      case INTEGER:
        return String.format(Locale.ROOT, "integer in [%d, %d]", (long) min, (long) max);
      case LOG_UNIFORM:
        return String.format(Locale.ROOT, "log-uniform in [%s, %s]", format(min), format(max));
      case UNIFORM:
      default:
        return String.format(Locale.ROOT, "in [%s, %s]", format(min), format(max));
    }
  }

  static String format(Object value) {
    if (value instanceof Double) {
      double number = (Double) value;
      double magnitude = Math.abs(number);
      return magnitude != 0 && (magnitude >= 1e7 || magnitude < 1e-4)
          ? String.format(Locale.ROOT, "%.6g", number)
          : String.format(Locale.ROOT, "%.8g", number).replaceAll("\\.?0+$", "");
    }
    return String.valueOf(value);
  }
}
