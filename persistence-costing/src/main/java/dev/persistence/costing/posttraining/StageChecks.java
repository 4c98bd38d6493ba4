package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

/** The validation rules the stages share, each naming the field, the value and the rule. */
final class StageChecks {
  private StageChecks() {}

  static void positive(String field, double value) {
    checkArgument(value > 0 && Double.isFinite(value), "%s (%s) must be finite and > 0", field, value);
  }

  static void nonNegative(String field, double value) {
    checkArgument(value >= 0 && Double.isFinite(value), "%s (%s) must be finite and >= 0", field, value);
  }

  static void positiveCount(String field, long value) {
    checkArgument(value > 0, "%s (%s) must be > 0", field, value);
  }

  /** A response's longest length bounds its mean. */
  static void responseLengths(String prefix, double meanResponseTokens, int maxResponseTokens) {
    checkArgument(
        maxResponseTokens >= meanResponseTokens,
        "%s.maxResponseTokens (%s) must be >= meanResponseTokens (%s)",
        prefix,
        maxResponseTokens,
        meanResponseTokens);
  }

  static void fraction(String field, double value) {
    checkArgument(value > 0 && value <= 1, "%s (%s) must be in (0, 1]", field, value);
  }

  /** Only packed sequences take a packing efficiency; the other packings derive theirs. */
  static void derivedPacking(String prefix, Packing packing, double packingEfficiency) {
    checkArgument(
        packing == Packing.PACKED || packingEfficiency == 1,
        "%s.packingEfficiency (%s) must be 1 when packing is %s, which derives it",
        prefix,
        packingEfficiency,
        packing);
  }
}
