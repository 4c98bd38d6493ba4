package dev.persistence.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A mixture spread over a token budget: each source's tokens and epochs, which sources exceed the epoch cap.
 * Effective tokens (repetition discounted) need a scaling law: {@code dev.persistence.scaling.data}.
 *
 * @param budgetTokens the training tokens
 * @param epochCap the epoch count above which a source is flagged
 * @param sources one allocation per mixture component, in mixture order
 */
public record MixtureAllocation(double budgetTokens, double epochCap, List<SourceAllocation> sources) {

  /** Copies the list. */
  public MixtureAllocation {
    sources = List.copyOf(sources);
  }

  /** The sum of the tokens drawn from every source (the budget, up to rounding). */
  public double totalTokens() {
    double total = 0;
    for (SourceAllocation source : sources) {
      total += source.tokens();
    }
    return total;
  }

  /** The unique tokens drawn, summed over sources. */
  public double uniqueTokens() {
    double total = 0;
    for (SourceAllocation source : sources) {
      total += source.uniqueTokens();
    }
    return total;
  }

  /** The sources repeated beyond the epoch cap, in mixture order. */
  public List<SourceAllocation> overRepeated() {
    List<SourceAllocation> over = new ArrayList<>();
    for (SourceAllocation source : sources) {
      if (source.overRepeated()) {
        over.add(source);
      }
    }
    return over;
  }
}
