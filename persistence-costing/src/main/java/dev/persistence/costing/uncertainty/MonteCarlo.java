package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.SplittableRandom;

/**
 * A seeded Monte Carlo of the closed-form training cost model: the same assumptions, sample count and seed give
 * the same result, bit for bit.
 */
public final class MonteCarlo {

  /** The fewest samples a run takes: fewer cannot place a P10 and a P90 apart. */
  public static final int MIN_SAMPLES = 10;

  /**
   * The most samples a run takes, 10 million: a run keeps every input and output of every sample (about 20
   * doubles, 1.6 GB at this bound), and more would fail with an OutOfMemoryError, not a message.
   */
  public static final int MAX_SAMPLES = 10_000_000;

  private MonteCarlo() {}

  /**
   * Checks a sample count: the one rule for {@link #run} and for anything that stores a count for it.
   *
   * @param samples scenarios to draw
   * @throws IllegalArgumentException if {@code samples} is outside [{@value #MIN_SAMPLES}, {@value #MAX_SAMPLES}]
   */
  public static void checkSamples(int samples) {
    checkArgument(
        samples >= MIN_SAMPLES && samples <= MAX_SAMPLES,
        "samples (%s) must be in [%s, %s]",
        samples,
        MIN_SAMPLES,
        MAX_SAMPLES);
  }

  /**
   * Draws {@code samples} scenarios and evaluates each.
   *
   * @param assumptions a distribution per input
   * @param samples scenarios, in [{@value #MIN_SAMPLES}, {@value #MAX_SAMPLES}]
   * @param seed the generator's seed
   * @param loss a loss hook (a scaling law), or {@code null} for none
   * @throws IllegalArgumentException if {@code samples} is outside [{@value #MIN_SAMPLES}, {@value #MAX_SAMPLES}]
   */
  public static MonteCarloResult run(
      TrainingAssumptions assumptions, int samples, long seed, LossFunction loss) {
    checkSamples(samples);
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
