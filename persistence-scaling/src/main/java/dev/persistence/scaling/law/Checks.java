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
