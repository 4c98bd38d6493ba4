package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

/** The rules the stages share beyond {@link dev.persistence.core.check.Checks}, each naming the field, the value and the rule. */
final class StageChecks {
  private StageChecks() {}

  /** A response's longest length bounds its mean. */
  static void responseLengths(String prefix, double meanResponseTokens, int maxResponseTokens) {
    checkArgument(
        maxResponseTokens >= meanResponseTokens,
        "%s.maxResponseTokens (%s) must be >= meanResponseTokens (%s)",
        prefix,
        maxResponseTokens,
        meanResponseTokens);
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
