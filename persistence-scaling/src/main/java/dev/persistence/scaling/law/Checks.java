package dev.persistence.scaling.law;

import java.util.Locale;

/**
 * Argument checks shared by the scaling packages. They are NaN-safe: {@code !(x > 0)} is true for NaN, so a NaN
 * is rejected with the same message as a negative value.
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns {@code value} if it is finite and &gt; 0.
   *
   * @throws IllegalArgumentException naming {@code name} and the value otherwise
   */
  public static double positive(String name, double value) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s (%s) must be finite and > 0", name, value));
    }
    return value;
  }

  /**
   * Checks that a constant or a result is finite (NaN and infinities are errors).
   *
   * @param name the field's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  public static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s (%s) must be finite", name, value));
    }
    return value;
  }

  /**
   * Checks a count of tokens or parameters: finite and at least one (a token or a parameter is indivisible, and
   * a positive count below one, such as a subnormal, would send losses and repetitions to Infinity).
   *
   * @param name the argument's name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException if the value is NaN, infinite or below 1
   */
  public static double count(String name, double value) {
    if (!(value >= 1) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s (%s) must be finite and >= 1", name, value));
    }
    return value;
  }

  /**
   * Returns {@code value} if it is finite and &gt;= 0.
   *
   * @throws IllegalArgumentException naming {@code name} and the value otherwise
   */
  public static double nonNegative(String name, double value) {
    if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s (%s) must be finite and >= 0", name, value));
    }
    return value;
  }
}
