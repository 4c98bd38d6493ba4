package dev.persistence.io.document;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How enum constants are spelled in documents and on the command line: kebab-case ({@code rms-norm}). */
public final class EnumNames {
  private EnumNames() {}

  /**
   * {@code KAPLAN_6N} to {@code kaplan-6n}.
   *
   * @param constant the constant
   */
  public static String kebabCase(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * {@code ROUTED_EXPERTS} to {@code routedExperts}.
   *
   * @param constant the constant
   */
  public static String camelCase(Enum<?> constant) {
    String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder result = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      result.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return result.toString();
  }

  /**
   * A map keyed by enum constants as a document writes it, each key {@link #camelCase}, in the map's order.
   *
   * @param map the map (an {@code EnumMap}: in the constants' order)
   */
  public static <E extends Enum<E>, V> Map<String, V> camelCaseKeys(Map<E, V> map) {
    Map<String, V> out = new LinkedHashMap<>();
    map.forEach((key, value) -> out.put(camelCase(key), value));
    return out;
  }

  /**
   * The constant spelled {@code text} in kebab-case, upper snake case or lower snake case.
   *
   * @param type the enum
   * @param text the spelling
   */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    String normalized = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(normalized)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /**
   * The constant spelled {@code text}, read as {@link #parse}; an unknown spelling is an error naming where it was
   * given and listing the accepted ones ({@code --objective: unknown value "fast"; expected one of time, cost}).
   *
   * @param type the enum
   * @param where the option or field the text was given for
   * @param text the spelling
   * @throws IllegalArgumentException if no constant is spelled {@code text}
   */
  public static <E extends Enum<E>> E valueOf(Class<E> type, String where, String text) {
    return parse(type, text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    String.format(
                        Locale.ROOT, "%s: unknown value \"%s\"; expected one of %s", where, text, accepted(type))));
  }

  /**
   * The accepted spellings, comma-separated, for error messages.
   *
   * @param type the enum
   */
  public static String accepted(Class<? extends Enum<?>> type) {
    StringBuilder accepted = new StringBuilder();
    for (Enum<?> constant : type.getEnumConstants()) {
      accepted.append(accepted.length() == 0 ? "" : ", ").append(kebabCase(constant));
    }
    return accepted.toString();
  }
}
