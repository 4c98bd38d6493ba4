package dev.persistence.core.exact;

import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The one place where counts are multiplied and added exactly.
 *
 * <p>The primitive operations ({@link #times}, {@link #plus}, {@link #product}, {@link #sum}) throw a
 * {@link CountOverflowException} instead of wrapping. A caller that knows which user inputs fed the arithmetic
 * wraps it in {@link #of(String, String, LongSupplier)}, which rethrows the overflow with the quantity and those
 * inputs named. Conversions from {@code double} ({@link #ceilToLong}) and narrowing to {@code int}
 * ({@link #toInt}) refuse out-of-range values the same way rather than saturating or truncating.
 */
public final class ExactCounts {

  private ExactCounts() {}

  /**
   * {@code a x b}, exactly.
   *
   * @param a a factor
   * @param b a factor
   * @throws CountOverflowException if the product does not fit a {@code long}
   */
  public static long times(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return low;
    }
    throw new CountOverflowException(
        String.format(Locale.ROOT, "count (%d x %d) overflows a long", a, b));
  }

  /**
   * {@code a + b}, exactly.
   *
   * @param a a term
   * @param b a term
   * @throws CountOverflowException if the sum does not fit a {@code long}
   */
  public static long plus(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      throw new CountOverflowException(
          String.format(Locale.ROOT, "count (%d + %d) overflows a long", a, b));
    }
    return sum;
  }

  /**
   * The product of {@code factors}, exactly (1 for none).
   *
   * @param factors the factors
   * @throws CountOverflowException if the product does not fit a {@code long}
   */
  public static long product(long... factors) {
    long result = 1;
    for (long factor : factors) {
      result = times(result, factor);
    }
    return result;
  }

  /**
   * The sum of {@code terms}, exactly (0 for none).
   *
   * @param terms the terms
   * @throws CountOverflowException if the sum does not fit a {@code long}
   */
  public static long sum(long... terms) {
    long result = 0;
    for (long term : terms) {
      result = plus(result, term);
    }
    return result;
  }

  /**
   * Runs {@code computation} and, if any exact step in it overflows, rethrows the overflow as
   * {@code <quantity> (<inputs>) overflow a long}.
   *
   * @param quantity what is being counted, for example {@code parameters of llama config}
   * @param inputs the inputs that fed it, for example {@code numLayers 1073741824, hiddenSize 65536}
   * @param computation the arithmetic, built from this class's operations or {@link Math}'s exact ones
   * @return the count
   * @throws CountOverflowException if the computation overflows
   */
  public static long of(String quantity, String inputs, LongSupplier computation) {
    try {
      return computation.getAsLong();
    } catch (ArithmeticException | CountOverflowException e) {
      throw overflow(quantity, inputs);
    }
  }

  /**
   * Like {@link #of(String, String, LongSupplier)} for a computation whose result is not itself a count (a FLOP
   * estimate built from parameter counts).
   *
   * @param <T> the result type
   * @param quantity what is being computed
   * @param inputs the inputs that fed it
   * @param computation the computation
   * @return its result
   * @throws CountOverflowException if a count inside the computation overflows
   */
  public static <T> T within(String quantity, String inputs, Supplier<T> computation) {
    try {
      return computation.get();
    } catch (ArithmeticException | CountOverflowException e) {
      throw overflow(quantity, inputs);
    }
  }

  /**
   * The exception for {@code quantity} computed from {@code inputs} not fitting a {@code long}.
   *
   * @param quantity what is being counted
   * @param inputs the inputs that fed it
   * @return the exception, to throw
   */
  public static CountOverflowException overflow(String quantity, String inputs) {
    return new CountOverflowException(quantity + " (" + inputs + ") overflow a long");
  }

  /**
   * Names inputs for a message: {@code inputs("numLayers", 32, "hiddenSize", 4096)} is
   * {@code "numLayers 32, hiddenSize 4096"}.
   *
   * @param namesAndValues alternating names and values
   * @return the description
   */
  public static String inputs(Object... namesAndValues) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(namesAndValues[i]).append(' ').append(namesAndValues[i + 1]);
    }
    return text.toString();
  }

  /**
   * Narrows a count to an {@code int}.
   *
   * @param name the count's name, for the message
   * @param value the count
   * @throws CountOverflowException if {@code value} is outside the {@code int} range
   */
  public static int toInt(String name, long value) {
    if (value != (int) value) {
      throw new CountOverflowException(
          String.format(Locale.ROOT, "%s (%d) overflows an int (max %d)", name, value, Integer.MAX_VALUE));
    }
    return (int) value;
  }

  /**
   * Rounds a non-negative real count up to a {@code long}, refusing values a {@code long} cannot hold instead of
   * saturating at {@link Long#MAX_VALUE} as {@code (long) Math.ceil(x)} does.
   *
   * @param name the count's name, for the message
   * @param value the real count; finite and {@code >= 0}
   * @throws CountOverflowException if {@code value} is not finite, negative, or at least 2^63
   */
  public static long ceilToLong(String name, double value) {
    double up = Math.ceil(value);
    // 2^63 is exactly representable; every double below it converts without saturation.
    if (!(up >= 0 && up < 0x1p63)) {
      throw new CountOverflowException(
          String.format(Locale.ROOT, "%s (%s) must be finite, >= 0 and below 2^63", name, value));
    }
    return (long) up;
  }
}
