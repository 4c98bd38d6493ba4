package dev.persistence.core.check;

import java.util.Locale;

/**
 * Role-based argument checks: {@code Checks.positive("gpuCount", gpuCount)}. Each method returns its value, so a
 * check can sit inside an expression, and throws {@link IllegalArgumentException} whose message names the field,
 * the value and the rule ({@code gpuCount (0) must be > 0}). The double checks are NaN-safe: they test
 * {@code !(x > 0)}, which is true for NaN, and reject infinities wherever the rule says "finite".
 *
 * <p>This is the only place that writes these messages; the extreme-value sweep and the bad-input corpus read
 * them, so a rule's wording changes here or nowhere.
 */
public final class Checks {
  private Checks() {}

  /**
   * A finite value &gt; 0 (a rate, a duration, a price, a size in bytes or FLOPs).
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be finite and > 0} otherwise
   */
  public static double positive(String field, double value) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw fail(field, value, "must be finite and > 0");
    }
    return value;
  }

  /**
   * An integer count &gt; 0 (GPUs, layers, heads, a batch).
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be > 0} otherwise
   */
  public static long positive(String field, long value) {
    if (value <= 0) {
      throw fail(field, value, "must be > 0");
    }
    return value;
  }

  /**
   * An integer count &gt; 0, as an {@code int}.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be > 0} otherwise
   */
  public static int positive(String field, int value) {
    if (value <= 0) {
      throw fail(field, value, "must be > 0");
    }
    return value;
  }

  /**
   * A finite value &gt;= 0 (an overhead, a fee, a count of something that may be absent).
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be finite and >= 0} otherwise
   */
  public static double nonNegative(String field, double value) {
    if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
      throw fail(field, value, "must be finite and >= 0");
    }
    return value;
  }

  /**
   * An integer &gt;= 0.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be >= 0} otherwise
   */
  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw fail(field, value, "must be >= 0");
    }
    return value;
  }

  /**
   * An integer &gt;= 0, as an {@code int}.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be >= 0} otherwise
   */
  public static int nonNegative(String field, int value) {
    if (value < 0) {
      throw fail(field, value, "must be >= 0");
    }
    return value;
  }

  /**
   * A finite value (a coefficient, an exponent, a result that must not be NaN or infinite).
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be finite} otherwise
   */
  public static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw fail(field, value, "must be finite");
    }
    return value;
  }

  /**
   * A fraction in [0, 1] (a share, an efficiency that may be zero, a probability).
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be in [0, 1]} otherwise
   */
  public static double fraction(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw fail(field, value, "must be in [0, 1]");
    }
    return value;
  }

  /**
   * A fraction in (0, 1] (an efficiency, a utilisation, a goodput: zero would divide by zero downstream).
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be in (0, 1]} otherwise
   */
  public static double positiveFraction(String field, double value) {
    if (!(value > 0 && value <= 1)) {
      throw fail(field, value, "must be in (0, 1]");
    }
    return value;
  }

  /**
   * A count carried as a double (tokens, parameters): finite and at least one, since a token or a parameter is
   * indivisible and a positive count below one, such as a subnormal, sends losses and repetitions to Infinity.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be finite and >= 1} otherwise
   */
  public static double count(String field, double value) {
    if (!(value >= 1) || value == Double.POSITIVE_INFINITY) {
      throw fail(field, value, "must be finite and >= 1");
    }
    return value;
  }

  /**
   * A finite value in [{@code min}, {@code max}].
   *
   * @param field the field's name, for the message
   * @param value the value
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be in [min, max]} otherwise
   */
  public static double inRange(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw fail(field, value, String.format(Locale.ROOT, "must be in [%s, %s]", min, max));
    }
    return value;
  }

  /**
   * An integer in [{@code min}, {@code max}].
   *
   * @param field the field's name, for the message
   * @param value the value
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be in [min, max]} otherwise
   */
  public static long inRange(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw fail(field, value, String.format(Locale.ROOT, "must be in [%d, %d]", min, max));
    }
    return value;
  }

  /**
   * A value at least {@code min} (finite).
   *
   * @param field the field's name, for the message
   * @param value the value
   * @param min the least value allowed
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be finite and >= min} otherwise
   */
  public static double atLeast(String field, double value, double min) {
    if (!(value >= min) || value == Double.POSITIVE_INFINITY) {
      throw fail(field, value, String.format(Locale.ROOT, "must be finite and >= %s", min));
    }
    return value;
  }

  /**
   * An integer at least {@code min}.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @param min the least value allowed
   * @return the value
   * @throws IllegalArgumentException {@code field (value) must be >= min} otherwise
   */
  public static long atLeast(String field, long value, long min) {
    if (value < min) {
      throw fail(field, value, String.format(Locale.ROOT, "must be >= %d", min));
    }
    return value;
  }

  /**
   * A string with at least one non-blank character.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException {@code field ("value") must not be blank} otherwise
   */
  public static String notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s (%s) must not be blank", field, value == null ? "null" : "\"" + value + "\""));
    }
    return value;
  }

  /**
   * A rule that the other methods do not name: {@code check(tp <= heads, "tensorParallel", tp, "must be <= heads (8)")}.
   *
   * @param holds whether the rule holds
   * @param field the field's name, for the message
   * @param value the value, as the message prints it
   * @param rule the rule, starting with "must"
   * @throws IllegalArgumentException {@code field (value) rule} when {@code holds} is false
   */
  public static void check(boolean holds, String field, Object value, String rule) {
    if (!holds) {
      throw fail(field, value, rule);
    }
  }

  private static IllegalArgumentException fail(String field, Object value, String rule) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "%s (%s) %s", field, value, rule));
  }
}
