package dev.persistence.costing.uncertainty;

/**
 * How much one assumption moves a result.
 *
 * @param input the assumption
 * @param swing the result with this input at its sampled P90 minus the result at its P10, every other input at its
 *     sampled median (one-at-a-time, the bars of a tornado chart)
 * @param rankCorrelation Spearman's rank correlation between the input's draws and the result over all samples
 */
public record Sensitivity(CostInput input, double swing, double rankCorrelation) {}
