package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The samples of a {@link MonteCarlo} run: percentiles and a sensitivity ranking of each result. */
public final class MonteCarloResult {

  private final double[][] inputs;
  private final double[][] outputs;
  private final double[][] sortedOutputs;
  private final LossFunction loss;

  MonteCarloResult(double[][] inputs, double[][] outputs, LossFunction loss) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.loss = loss;
    this.sortedOutputs = new double[outputs.length][];
  }

  /** The sorted copy of one result, made on first use (most callers read a few results only). */
  private synchronized double[] sorted(CostOutput output) {
    double[] sorted = sortedOutputs[output.ordinal()];
    if (sorted == null) {
      sorted = outputs[output.ordinal()].clone();
      Arrays.sort(sorted);
      sortedOutputs[output.ordinal()] = sorted;
    }
    return sorted;
  }

  /** Scenarios drawn. */
  public int samples() {
    return outputs[0].length;
  }

  /** Whether a loss function was supplied, so that {@link CostOutput#LOSS} has values. */
  public boolean hasLoss() {
    return loss != null;
  }

  private void checkAvailable(CostOutput output) {
    checkArgument(output != CostOutput.LOSS || loss != null, "output (LOSS) needs a loss function; none was supplied");
  }

  /**
   * The {@code p}-quantile of a result, interpolating linearly between order statistics (Hyndman and Fan 1996,
   * definition 7, the default of R and NumPy).
   *
   * @param output the result
   * @param p the probability, in [0, 1]
   * @throws IllegalArgumentException if {@code p} is outside [0, 1] or LOSS is asked without a loss function
   */
  public double quantile(CostOutput output, double p) {
    Checks.fraction("quantile probability", p);
    checkAvailable(output);
    return quantileOfSorted(sorted(output), p);
  }

  static double quantileOfSorted(double[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
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
    checkAvailable(output);
    double sum = 0;
    for (double value : outputs[output.ordinal()]) {
      sum += value;
    }
    return sum / samples();
  }

  /**
   * The sampled values of one result (a copy), in draw order.
   *
   * @param output the result
   * @throws IllegalArgumentException if LOSS is asked without a loss function
   */
  public double[] values(CostOutput output) {
    checkAvailable(output);
    return outputs[output.ordinal()].clone();
  }

  /**
   * The samples of one result counted into {@code bins} equal-width bins (see {@link Histogram#of}).
   *
   * @param output the result
   * @param bins the number of bins, {@code >= 1}
   * @throws IllegalArgumentException if {@code bins < 1} or LOSS is asked without a loss function
   */
  public Histogram histogram(CostOutput output, int bins) {
    checkAvailable(output);
    return Histogram.of(outputs[output.ordinal()], bins);
  }

  /**
   * The assumptions ranked by how much they move {@code output}, largest absolute swing first; inputs that did
   * not vary are left out.
   *
   * @param output the result
   * @throws IllegalArgumentException if LOSS is asked without a loss function
   */
  public List<Sensitivity> sensitivity(CostOutput output) {
    checkAvailable(output);
    CostInput[] all = CostInput.values();
    double[][] sortedInputs = new double[all.length][];
    double[][] point = new double[all.length][1];
    for (CostInput input : all) {
      double[] sorted = inputs[input.ordinal()].clone();
      Arrays.sort(sorted);
      sortedInputs[input.ordinal()] = sorted;
      point[input.ordinal()][0] = quantileOfSorted(sorted, 0.5);
    }
    double[] outputRanks = ranks(outputs[output.ordinal()]);
    double[][] result = new double[CostOutput.values().length][1];
    List<Sensitivity> ranking = new ArrayList<>();
    for (CostInput input : all) {
      double[] sorted = sortedInputs[input.ordinal()];
      if (sorted[0] == sorted[sorted.length - 1]) {
        continue;
      }
      double median = point[input.ordinal()][0];
      point[input.ordinal()][0] = quantileOfSorted(sorted, 0.1);
      TrainingCostModel.evaluate(point, result, 0, 1, loss);
      double low = result[output.ordinal()][0];
      point[input.ordinal()][0] = quantileOfSorted(sorted, 0.9);
      TrainingCostModel.evaluate(point, result, 0, 1, loss);
      double high = result[output.ordinal()][0];
      point[input.ordinal()][0] = median;
      double rho = pearson(ranks(inputs[input.ordinal()]), outputRanks);
      ranking.add(new Sensitivity(input, high - low, rho));
    }
    ranking.sort(Comparator.comparingDouble((Sensitivity s) -> -Math.abs(s.swing())));
    return List.copyOf(ranking);
  }

  /** Ranks from 1, ties sharing their mean rank. */
  static double[] ranks(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] ranks = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      int first = lowerBound(sorted, values[i]);
      int last = upperBound(sorted, values[i]) - 1;
      ranks[i] = (first + last) / 2.0 + 1;
    }
    return ranks;
  }

  private static int lowerBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static int upperBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] <= value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** Pearson correlation; 0 when either side is constant. */
  static double pearson(double[] x, double[] y) {
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < x.length; i++) {
      meanX += x[i];
      meanY += y[i];
    }
    meanX /= x.length;
    meanY /= y.length;
    double covariance = 0;
    double varianceX = 0;
    double varianceY = 0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      covariance += dx * dy;
      varianceX += dx * dx;
      varianceY += dy * dy;
    }
    if (varianceX == 0 || varianceY == 0) {
      return 0;
    }
    return covariance / Math.sqrt(varianceX * varianceY);
  }
}
