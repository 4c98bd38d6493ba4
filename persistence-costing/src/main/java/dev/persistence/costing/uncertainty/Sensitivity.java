package dev.persistence.costing.uncertainty;

/**
 * How much one assumption moves a result.
 *
 * @param input the assumption
 * @param swing the result with this input at its sampled P90 minus the result at its P10, every other input at its
 *     sampled median (one-at-a-time, the bars of a tornado chart)
 * @param rankCorrelation Spearman's rank correlation between the input's draws and the result over all samples
 */
public record Sensitivity(CostInput input, double swing, double rankCorrelation) {

  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException if the swing is not finite or the correlation is outside [-1, 1]
   */
  public Sensitivity {
    if (!Double.isFinite(swing)) {
      throw new IllegalArgumentException("swing (" + swing + ") must be finite");
    }
    if (!(rankCorrelation >= -1 && rankCorrelation <= 1)) {
      throw new IllegalArgumentException("rankCorrelation (" + rankCorrelation + ") must be in [-1, 1]");
    }
  }
}
