package dev.persistence.scaling.data;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.data.MixtureAllocation;
import dev.persistence.core.data.SourceAllocation;
import dev.persistence.scaling.law.DataConstrainedLaw;
import java.util.ArrayList;
import java.util.List;

/**
 * The effective tokens of a mixture: each source's repetition discounted by the data-constrained law of
 * Muennighoff et al. 2023 ({@link DataConstrainedLaw#effectiveTokens}), then summed.
 *
 * <p>Applying the law per source (rather than to the mixture's totals) is our choice: the law was fitted on one
 * repeated dataset, and sources repeated unequally (a small source at 10 epochs beside a large one at 1) lose
 * value unequally. Because D' = U f(D/U) with f concave, the per-source sum never exceeds the law applied to the
 * totals.
 *
 * @param sources per source, in mixture order
 * @param tokens training tokens (the budget)
 * @param uniqueTokens unique tokens drawn
 * @param effectiveTokens the sum of the sources' effective tokens
 */
public record MixtureEffectiveTokens(
    List<SourceEffectiveTokens> sources, double tokens, double uniqueTokens, double effectiveTokens) {

  /** Copies the list. */
  public MixtureEffectiveTokens {
    sources = List.copyOf(sources);
  }

  /**
   * The effective tokens of an allocation under {@code law}.
   *
   * @param law the data-constrained law (usually {@link DataConstrainedLaw#MUENNIGHOFF_2023})
   * @param allocation the mixture spread over a budget
   */
  public static MixtureEffectiveTokens of(DataConstrainedLaw law, MixtureAllocation allocation) {
    checkArgument(law != null, "law must not be null");
    List<SourceEffectiveTokens> sources = new ArrayList<>(allocation.sources().size());
    double tokens = 0;
    double unique = 0;
    double effective = 0;
    for (SourceAllocation source : allocation.sources()) {
      double sourceEffective = source.tokens() == 0 ? 0 : law.effectiveTokens(source.tokens(), source.source().tokens());
      sources.add(
          new SourceEffectiveTokens(source.name(), source.tokens(), source.uniqueTokens(), source.epochs(), sourceEffective));
      tokens += source.tokens();
      unique += source.uniqueTokens();
      effective += sourceEffective;
    }
    return new MixtureEffectiveTokens(sources, tokens, unique, effective);
  }
}
