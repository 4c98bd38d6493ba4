package dev.persistence.core.exact;

import dev.persistence.core.check.Checks;
import java.util.Locale;

/**
 * Upper bounds on the real-valued amounts a plan is made of, so that sums and products of them stay finite and
 * a result can never be {@code Infinity}. The bounds are far past anything real, and only there to keep the
 * arithmetic inside a double: a value that breaks one is a typing error, not a plan.
 *
 * <ul>
 *   <li>Money ({@value #MAX_USD} USD): about ten times a year of world GDP. Fields whose name holds {@code Usd}.
 *   <li>Other quantities ({@value #MAX_QUANTITY}): tokens, items, people, hours; 10^24 tokens is some ten
 *       billion times the text on the public web.
 *   <li>Fractions and multipliers ({@value #MAX_FRACTION}): contingency, overheads.
 * </ul>
 *
 * <p>Products of up to three bounded amounts stay below 1e63, well inside a double.
 */
public final class Amounts {

  /** The largest amount of money, in USD. */
  public static final double MAX_USD = 1e15;

  /** The largest count or quantity that is not money. */
  public static final double MAX_QUANTITY = 1e24;

  /** The largest fraction or multiplier ({@code 100} = 10,000%). */
  public static final double MAX_FRACTION = 100;

  private Amounts() {}

  /**
   * The bound of a field, chosen by its name: {@link #MAX_USD} when the name holds {@code Usd} or {@code usd},
   * {@link #MAX_QUANTITY} otherwise.
   *
   * @param field the field's name
   */
  public static double upperBound(String field) {
    return field.contains("Usd") || field.contains("usd") ? MAX_USD : MAX_QUANTITY;
  }

  /**
   * Whether {@code value} is a finite amount in [0, {@link #upperBound(String) upperBound(field)}].
   *
   * @param field the field's name
   * @param value the value
   */
  public static boolean admits(String field, double value) {
    return value >= 0 && value <= upperBound(field);
  }

  /**
   * Checks an amount and returns it with {@code -0.0} made {@code 0.0} (so that it never prints as
   * {@code -0.0}).
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return the value, {@code -0.0} normalised
   * @throws IllegalArgumentException {@code field (value) must be finite and >= 0} if {@code value} is NaN or
   *     negative, {@code field (value) must be <= bound} above the field's bound
   */
  public static double nonNegative(String field, double value) {
    Checks.nonNegative(field, value);
    Checks.check(value <= upperBound(field), field, value, "must be <= " + upperBound(field));
    return value + 0.0;
  }


  /**
   * Checks that a computed result is finite, naming the result and the inputs that produced it.
   *
   * @param result what was computed, for example {@code data cost of phase sft}
   * @param value the result
   * @param inputs the inputs, for example {@code annotatedItems 1e300, annotationPriceUsdPerItem 1e300}
   * @return the value
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public static double finite(String result, double value, String inputs) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s (%s) is not finite; from %s", result, value, inputs));
    }
    return value;
  }
}
