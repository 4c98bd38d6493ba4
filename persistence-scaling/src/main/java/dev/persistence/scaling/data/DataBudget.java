package dev.persistence.scaling.data;

import dev.persistence.core.data.CurationCostModel;
import dev.persistence.core.data.MixtureAllocation;
import dev.persistence.core.data.SourceAllocation;
import java.util.ArrayList;
import java.util.List;

/**
 * What a mixture's data costs for a token budget, in USD: acquisition (per unique token drawn and flat fees),
 * curation compute (each source's pipeline, run on the raw input that yields the unique tokens drawn, priced by a
 * {@link CurationCostModel} whose default figures are labelled assumptions), and synthetic generation (every
 * generated token of a synthetic source that is used at all).
 *
 * @param sources per source, in mixture order
 * @param costModel the curation prices used
 */
public record DataBudget(List<SourceCost> sources, CurationCostModel costModel) {

  /** Copies the list. */
  public DataBudget {
    sources = List.copyOf(sources);
  }

  /**
   * The budget of an allocation.
   *
   * @param allocation the mixture spread over a token budget
   * @param costModel curation prices ({@link CurationCostModel#ASSUMED} unless you have your own)
   */
  public static DataBudget of(MixtureAllocation allocation, CurationCostModel costModel) {
    List<SourceCost> sources = new ArrayList<>(allocation.sources().size());
    for (SourceAllocation source : allocation.sources()) {
      double unique = source.uniqueTokens();
      double acquisition = source.source().acquisitionCost().costUsd(unique);
      double curation =
          source.source().curation().map(pipeline -> costModel.costUsd(pipeline, unique)).orElse(0.0);
      double synthetic =
          unique == 0 ? 0 : source.source().synthetic().map(g -> g.generationCostUsd()).orElse(0.0);
      sources.add(new SourceCost(source.name(), acquisition, curation, synthetic));
    }
    return new DataBudget(sources, costModel);
  }

  /** Acquisition, summed over sources, in USD. */
  public double acquisitionUsd() {
    return sources.stream().mapToDouble(SourceCost::acquisitionUsd).sum();
  }

  /** Curation compute, summed over sources, in USD. */
  public double curationUsd() {
    return sources.stream().mapToDouble(SourceCost::curationUsd).sum();
  }

  /** Synthetic generation, summed over sources, in USD. */
  public double syntheticGenerationUsd() {
    return sources.stream().mapToDouble(SourceCost::syntheticGenerationUsd).sum();
  }

  /** The whole data budget in USD. */
  public double totalUsd() {
    return acquisitionUsd() + curationUsd() + syntheticGenerationUsd();
  }
}
