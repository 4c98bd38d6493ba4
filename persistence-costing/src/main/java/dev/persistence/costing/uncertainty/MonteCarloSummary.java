package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.List;

/**
 * What a plan reads from a Monte Carlo run, in memory that does not grow with the sample count
 * ({@link MonteCarlo#summarize}).
 *
 * <p>Up to {@value MonteCarlo#EXACT_SAMPLES} samples every value is kept and quantiles are exact order statistics,
 * as {@link MonteCarloResult} gives them. Beyond that, quantiles and means come from a streaming sketch
 * ({@link QuantileSketch}: each quantile within a relative 0.1% of the sample quantile), and the sensitivity
 * ranking is that of the first {@value MonteCarlo#EXACT_SAMPLES} draws (every input has its own seeded stream,
 * so these are the same draws a smaller run would make; the rank correlation's standard error there is below
 * 0.003).
 */
public final class MonteCarloSummary {

  private final int samples;
  private final MonteCarloResult kept;
  private final QuantileSketch[] sketches;
  private final boolean hasLoss;

  MonteCarloSummary(int samples, MonteCarloResult kept, QuantileSketch[] sketches, boolean hasLoss) {
    this.samples = samples;
    this.kept = kept;
    this.sketches = sketches;
    this.hasLoss = hasLoss;
  }

  /** Scenarios drawn. */
  public int samples() {
    return samples;
  }

  /** Whether quantiles are exact order statistics (every sample was kept). */
  public boolean exact() {
    return sketches == null;
  }

  /** Whether a loss function was supplied, so that {@link CostOutput#LOSS} has values. */
  public boolean hasLoss() {
    return hasLoss;
  }

  /**
   * The {@code p}-quantile of a result (Hyndman and Fan 1996 definition 7).
   *
   * @param output the result
   * @param p the probability, in [0, 1]
   * @throws IllegalArgumentException if {@code p} is outside [0, 1] or LOSS is asked without a loss function
   */
  public double quantile(CostOutput output, double p) {
    if (exact()) {
      return kept.quantile(output, p);
    }
    Checks.fraction("quantile probability", p);
    checkArgument(output != CostOutput.LOSS || hasLoss, "output (LOSS) needs a loss function; none was supplied");
    return sketches[output.ordinal()].quantile(p);
  }

  /**
   * P10, P50 and P90 of a result.
   *
   * @param output the result
   * @throws IllegalArgumentException if LOSS is asked without a loss function
   */
  public Percentiles percentiles(CostOutput output) {
    return new Percentiles(quantile(output, 0.1), quantile(output, 0.5), quantile(output, 0.9));
  }

  /**
   * The mean of a result.
   *
   * @param output the result
   * @throws IllegalArgumentException if LOSS is asked without a loss function
   */
  public double mean(CostOutput output) {
    if (exact()) {
      return kept.mean(output);
    }
    checkArgument(output != CostOutput.LOSS || hasLoss, "output (LOSS) needs a loss function; none was supplied");
    return sketches[output.ordinal()].mean();
  }

  /**
   * The assumptions ranked by how much they move {@code output}, largest absolute swing first (see the class
   * notes for which draws it is computed on).
   *
   * @param output the result
   * @throws IllegalArgumentException if LOSS is asked without a loss function
   */
  public List<Sensitivity> sensitivity(CostOutput output) {
    return kept.sensitivity(output);
  }

  /**
   * A result's samples counted into {@code bins} equal bins between its smallest and largest value: of every
   * sample up to {@value MonteCarlo#EXACT_SAMPLES}, and beyond that of the first {@value MonteCarlo#EXACT_SAMPLES}
   * draws (the same draws the sensitivity ranking reads), so the counts add up to
   * {@code min(samples(), EXACT_SAMPLES)}.
   *
   * @param output the result
   * @param bins how many bins, at least 1
   * @throws IllegalArgumentException if LOSS is asked without a loss function or {@code bins} is below 1
   */
  public Histogram histogram(CostOutput output, int bins) {
    return kept.histogram(output, bins);
  }
}
