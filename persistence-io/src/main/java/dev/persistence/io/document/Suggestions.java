package dev.persistence.io.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions: the known names closest to a misspelling by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * Known names within a small edit distance of {@code name} (case-insensitive), closest first, at most three;
   * names that contain the misspelling or are contained in it count as close.
   *
   * @param name what the user wrote
   * @param known the names that exist
   */
  public static List<String> closest(String name, Collection<String> known) {
    String lower = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, lower.length() / 3);
    List<String> close = new ArrayList<>();
    for (String candidate : known) {
      String other = candidate.toLowerCase(Locale.ROOT);
      if (editDistance(lower, other) <= limit
          || (lower.length() >= 2 && (other.contains(lower) || lower.contains(other)))) {
        close.add(candidate);
      }
    }
    close.sort(Comparator.comparingInt(c -> editDistance(lower, c.toLowerCase(Locale.ROOT))));
    return close.size() > 3 ? close.subList(0, 3) : close;
  }

  /**
   * {@code "; did you mean X?"} or {@code "; did you mean X, Y or Z?"}, or the empty string.
   *
   * @param name what the user wrote
   * @param known the names that exist
   */
  public static String didYouMean(String name, Collection<String> known) {
    List<String> close = closest(name, known);
    if (close.isEmpty()) {
      return "";
    }
    if (close.size() == 1) {
      return "; did you mean " + close.get(0) + "?";
    }
    return "; did you mean "
        + String.join(", ", close.subList(0, close.size() - 1))
        + " or "
        + close.get(close.size() - 1)
        + "?";
  }

  /**
   * Levenshtein distance: the fewest insertions, deletions and substitutions (each 1) that turn {@code a} into
   * {@code b} (Levenshtein 1966, Soviet Physics Doklady 10(8)).
   *
   * @param a one string
   * @param b the other
   */
  public static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
