package dev.persistence.core.data;

import dev.persistence.core.check.Checks;

/**
 * What a mixture draws from one source for a token budget.
 *
 * @param source the source
 * @param weight its sampling weight
 * @param tokens training tokens drawn from it: weight times the budget
 * @param epochs passes over the source: tokens / source tokens (0 when nothing is drawn)
 * @param overRepeated whether {@code epochs} exceeds the mixture's epoch cap
 */
public record SourceAllocation(DataSource source, double weight, double tokens, double epochs, boolean overRepeated) {

  /**
   * Validates the allocation.
   *
   * @throws IllegalArgumentException if the weight is not in [0, 1] or the tokens or epochs are negative or not
   *     finite
   */
  public SourceAllocation {
    Checks.fraction("weight", weight);
    Checks.nonNegative("tokens", tokens);
    Checks.nonNegative("epochs", epochs);
  }

  /** Unique tokens drawn: the lesser of the tokens drawn and the source's size. */
  public double uniqueTokens() {
    return Math.min(tokens, source.tokens());
  }

  /** The source's name. */
  public String name() {
    return source.name();
  }
}
