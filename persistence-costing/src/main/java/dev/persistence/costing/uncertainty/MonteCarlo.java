package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A seeded Monte Carlo of the closed-form training cost model: the same assumptions, sample count and seed give
 * the same result, bit for bit.
 */
public final class MonteCarlo {

  /** The fewest samples a run takes: fewer cannot place a P10 and a P90 apart. */
  public static final int MIN_SAMPLES = 10;

  /**
   * The most samples a run takes, 10 million. {@link #summarize} streams them in constant memory; {@link #run}
   * keeps every input and output of every sample (about 20 doubles, 1.6 GB at this bound) and refuses a count
   * whose values would not fit a quarter of the heap.
   */
  public static final int MAX_SAMPLES = 10_000_000;

  /**
   * Up to this many samples {@link #summarize} keeps every value (exact quantiles); beyond it, it streams
   * (see {@link MonteCarloSummary}). At about 20 doubles a sample, 200,000 samples keep 32 MB.
   */
  public static final int EXACT_SAMPLES = 200_000;

  /** Samples drawn and evaluated at a time by {@link #summarize}. */
  private static final int CHUNK = 1 << 16;

  private MonteCarlo() {}

  /**
   * Draws {@code samples} scenarios and summarises them in memory that does not grow with {@code samples}: the
   * same draws as {@link #run}, evaluated a chunk at a time (see {@link MonteCarloSummary}).
   *
   * @param assumptions a distribution per input
   * @param samples scenarios, in [{@value #MIN_SAMPLES}, {@value #MAX_SAMPLES}]
   * @param seed the generator's seed
   * @param loss a loss hook (a scaling law), or {@code null} for none
   * @throws IllegalArgumentException if {@code samples} is outside its range, or a sampled result is not finite
   *     (named by its output)
   */
  public static MonteCarloSummary summarize(
      TrainingAssumptions assumptions, int samples, long seed, LossFunction loss) {
    checkSamples(samples);
    if (samples <= EXACT_SAMPLES) {
      MonteCarloResult result = run(assumptions, samples, seed, loss);
      for (CostOutput output : CostOutput.values()) {
        if (output != CostOutput.LOSS || loss != null) {
          double[] values = result.values(output);
          checkFinite(output, values, 0, values.length, 0);
        }
      }
      return new MonteCarloSummary(samples, result, null, loss != null);
    }
    CostInput[] inputs = CostInput.values();
    CostOutput[] outputs = CostOutput.values();
    SplittableRandom random = new SplittableRandom(seed);
    SplittableRandom[] streams = new SplittableRandom[inputs.length];
    for (CostInput input : inputs) {
      streams[input.ordinal()] = random.split();
    }
    double[][] keptInputs = new double[inputs.length][EXACT_SAMPLES];
    double[][] keptOutputs = new double[outputs.length][EXACT_SAMPLES];
    QuantileSketch[] sketches = new QuantileSketch[outputs.length];
    for (CostOutput output : outputs) {
      sketches[output.ordinal()] = new QuantileSketch();
    }
    double[][] drawn = new double[inputs.length][CHUNK];
    double[][] evaluated = new double[outputs.length][CHUNK];
    for (int start = 0; start < samples; start += CHUNK) {
      int size = Math.min(CHUNK, samples - start);
      // Each input's stream and each output's sketch is touched by one task only, in sample order, so the
      // result does not depend on how many threads run.
      IntStream.range(0, inputs.length)
          .parallel()
          .forEach(
              j -> {
                Distribution distribution = assumptions.get(inputs[j]);
                SplittableRandom stream = streams[j];
                double[] column = drawn[j];
                for (int i = 0; i < size; i++) {
                  column[i] = distribution.sample(stream);
                }
              });
      TrainingCostModel.evaluate(drawn, evaluated, 0, size, loss);
      int offset = start;
      IntStream.range(0, outputs.length)
          .parallel()
          .filter(j -> outputs[j] != CostOutput.LOSS || loss != null)
          .forEach(
              j -> {
                double[] column = evaluated[j];
                checkFinite(outputs[j], column, 0, size, offset);
                QuantileSketch sketch = sketches[j];
                for (int i = 0; i < size; i++) {
                  sketch.add(column[i]);
                }
              });
      if (start < EXACT_SAMPLES) {
        int keep = Math.min(size, EXACT_SAMPLES - start);
        for (int j = 0; j < inputs.length; j++) {
          System.arraycopy(drawn[j], 0, keptInputs[j], start, keep);
        }
        for (int j = 0; j < outputs.length; j++) {
          System.arraycopy(evaluated[j], 0, keptOutputs[j], start, keep);
        }
      }
    }
    return new MonteCarloSummary(
        samples, new MonteCarloResult(keptInputs, keptOutputs, loss), sketches, loss != null);
  }

  private static void checkFinite(CostOutput output, double[] values, int from, int to, int firstSample) {
    for (int i = from; i < to; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            String.format(
                java.util.Locale.ROOT,
                "Monte Carlo %s (%s at sample %d) is not finite: the uncertainty assumptions reach beyond the range"
                    + " of a double; narrow them",
                camelCase(output.name()),
                values[i],
                firstSample + i));
      }
    }
  }

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
    long bytesNeeded = 24L * Double.BYTES * samples;
    checkArgument(
        bytesNeeded <= Runtime.getRuntime().maxMemory() / 4,
        "samples (%s) need about %s bytes kept, more than a quarter of the heap; use MonteCarlo.summarize",
        samples,
        bytesNeeded);
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

  /** {@code COST_USD} as {@code costUsd}, the way documents and JSON output spell it. */
  static String camelCase(String enumName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : enumName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? c : Character.toLowerCase(c));
        upper = false;
      }
    }
    return out.toString();
  }
}
