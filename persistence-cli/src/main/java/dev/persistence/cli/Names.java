package dev.persistence.cli;

import java.util.Locale;

/** Spellings of enum constants on the command line and in JSON. */
final class Names {
  private Names() {}

  /** {@code ROUTED_EXPERTS} to {@code routedExperts}. */
  static String camelCase(Enum<?> constant) {
    String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder result = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      result.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return result.toString();
  }

  /** {@code KAPLAN_6N} to {@code kaplan-6n}. */
  static String kebabCase(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@code kaplan-6n}, {@code KAPLAN_6N} or {@code kaplan_6n}; the error lists the accepted names. */
  static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
    String normalized = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(normalized)) {
        return constant;
      }
    }
    StringBuilder accepted = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      accepted.append(accepted.length() == 0 ? "" : ", ").append(kebabCase(constant));
    }
    throw new IllegalArgumentException(
        String.format(Locale.ROOT, "%s: unknown value \"%s\"; expected one of %s", option, text, accepted));
  }
}
