package dev.persistence.scaling.data;


/**
 * One source's share of the data budget, in USD.
 *
 * @param name the source
 * @param acquisitionUsd the acquisition cost of the unique tokens drawn (and any flat fee)
 * @param curationUsd the compute cost of curating the raw input those tokens came from
 * @param syntheticGenerationUsd the cost of generating a synthetic source (every generated token, accepted or not)
 */
public record SourceCost(String name, double acquisitionUsd, double curationUsd, double syntheticGenerationUsd) {

  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException if a figure is NaN or infinite
   */
  public SourceCost {
    dev.persistence.core.exact.Amounts.nonNegative("acquisitionUsd", acquisitionUsd);
    dev.persistence.core.exact.Amounts.nonNegative("curationUsd", curationUsd);
    dev.persistence.core.exact.Amounts.nonNegative("syntheticGenerationUsd", syntheticGenerationUsd);
  }

  /** The source's total in USD. */
  public double totalUsd() {
    return acquisitionUsd + curationUsd + syntheticGenerationUsd;
  }
}
