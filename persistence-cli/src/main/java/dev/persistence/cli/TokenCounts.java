package dev.persistence.cli;

import java.util.Locale;

/** Token counts on the command line: a number ({@code 1.5e13}) or a number with K, M, B or T ({@code 15T}). */
final class TokenCounts {
  private TokenCounts() {}

  /**
   * Parses a count.
   *
   * @param option the option's name, for the error
   * @param text what the user wrote
   * @param counted what is counted, for the error ({@code "tokens"}, {@code "parameters"})
   * @throws IllegalArgumentException naming the option and the value if it is not a finite positive count
   */
  static double parse(String option, String text, String counted) {
    String trimmed = text.strip();
    double scale = 1;
    if (!trimmed.isEmpty()) {
      switch (Character.toUpperCase(trimmed.charAt(trimmed.length() - 1))) {
        case 'K' -> scale = 1e3;
        case 'M' -> scale = 1e6;
        case 'B', 'G' -> scale = 1e9;
        case 'T' -> scale = 1e12;
        default -> scale = 1;
      }
      if (scale != 1) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
    }
    double value;
    try {
      value = Double.parseDouble(trimmed) * scale;
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s (%s) must be a finite positive number of %s, such as 1.5e13 or 15T",
              option,
              text,
              counted));
    }
    return value;
  }

  /** {@code 1.50T}, {@code 207B}, {@code 3.20M}: three significant figures with a suffix. */
  static String format(double tokens) {
    double magnitude = Math.abs(tokens);
    if (magnitude >= 1e12) {
      return String.format(Locale.ROOT, "%.3gT", tokens / 1e12);
    }
    if (magnitude >= 1e9) {
      return String.format(Locale.ROOT, "%.3gB", tokens / 1e9);
    }
    if (magnitude >= 1e6) {
      return String.format(Locale.ROOT, "%.3gM", tokens / 1e6);
    }
    return String.format(Locale.ROOT, "%.3g", tokens);
  }
}
