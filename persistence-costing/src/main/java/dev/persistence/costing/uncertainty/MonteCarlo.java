package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.SplittableRandom;

/**
 * A seeded Monte Carlo of the closed-form training cost model: the same assumptions, sample count and seed give
 * the same result, bit for bit.
 */
public final class MonteCarlo {

  private MonteCarlo() {}

  /**
   * Draws {@code samples} scenarios and evaluates each.
   *
   * @param assumptions a distribution per input
   * @param samples scenarios, {@code >= 10}
   * @param seed the generator's seed
   * @param loss a loss hook (a scaling law), or {@code null} for none
   * @throws IllegalArgumentException if {@code samples < 10}
   */
  public static MonteCarloResult run(
      TrainingAssumptions assumptions, int samples, long seed, LossFunction loss) {
    checkArgument(samples >= 10, "samples (%s) must be >= 10", samples);
    CostInput[] inputs = CostInput.values();
    double[][] drawn = new double[inputs.length][samples];
    SplittableRandom random = new SplittableRandom(seed);
    // Each input gets its own stream, split in a fixed order: adding samples never changes earlier draws.
    for (CostInput input : inputs) {
      SplittableRandom stream = random.split();
      Distribution distribution = assumptions.get(input);
      double[] column = drawn[input.ordinal()];
      for (int i = 0; i < samples; i++) {
        column[i] = distribution.sample(stream);
      }
    }
    double[][] outputs = new double[CostOutput.values().length][samples];
    TrainingCostModel.evaluate(drawn, outputs, 0, samples, loss);
    return new MonteCarloResult(drawn, outputs, loss);
  }
}
