package dev.persistence.testkit;

import dev.persistence.core.check.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a property run did: its seed, its tries and how often each classification label was seen.
 *
 * @param seed the seed of the random values
 * @param tries values tried, edge cases included
 * @param edgeCasesTried edge cases among the tries
 * @param labelCounts per label, the tries whose value carried it, in declaration order
 */
public record PropertyReport(long seed, int tries, int edgeCasesTried, Map<String, Integer> labelCounts) {

  /**
   * Validates and copies the counts.
   *
   * @throws IllegalArgumentException if {@code tries} is negative or {@code edgeCasesTried} is outside
   *     {@code [0, tries]}
   */
  public PropertyReport {
    Checks.nonNegative("tries", tries);
    Ranges.checkArgument(
        edgeCasesTried >= 0 && edgeCasesTried <= tries,
        "edgeCasesTried (%s) must be in [0, tries (%s)]",
        edgeCasesTried,
        tries);
    labelCounts = Collections.unmodifiableMap(new LinkedHashMap<>(labelCounts));
  }

  /**
   * The share of tries whose value carried {@code label}.
   *
   * @param label a classified label
   * @return the fraction in {@code [0, 1]}, 0 when nothing was tried
   * @throws IllegalArgumentException if the label was not classified
   */
  public double fraction(String label) {
    Integer count = labelCounts.get(label);
    Ranges.checkArgument(count != null, "label '%s' was not classified", label);
    return tries == 0 ? 0 : (double) count / tries;
  }

  /** The label frequencies as a table, one line per label, or a one-line summary without labels. */
  public String summary() {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%d tries (%d edge cases), seed %d", tries, edgeCasesTried, seed));
    int width = labelCounts.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, Integer> label : labelCounts.entrySet()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%n  %-" + width + "s %6d  %5.1f%%",
              label.getKey(),
              label.getValue(),
              100 * fraction(label.getKey())));
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
