package dev.persistence.benchmarks.costing;

import dev.persistence.costing.uncertainty.CostOutput;
import dev.persistence.costing.uncertainty.MonteCarlo;
import dev.persistence.costing.uncertainty.MonteCarloSummary;
import dev.persistence.costing.uncertainty.TrainingAssumptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The plan's Monte Carlo at the largest sample count a scenario may ask for: seconds per
 * {@link MonteCarlo#summarize} of {@code samples} draws, with a loss hook (the target: 10 million samples
 * in under 5 s and 500 MB). Run with {@code -jvmArgs -Xmx500m} to check the memory bound too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx500m")
public class MonteCarloSummaryBenchmark {

  @Param({"1000000", "10000000"})
  int samples;

  private TrainingAssumptions assumptions;
  private long seed;

  @Setup
  public void setUp() {
    assumptions = TrainingCostModelBenchmark.assumptions();
  }

  /** One summarize of {@code samples} draws: draws, evaluation, sketches and the sensitivity ranking. */
  @Benchmark
  public double summarize() {
    MonteCarloSummary summary =
        MonteCarlo.summarize(
            assumptions, samples, seed++, (n, d) -> 1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28));
    return summary.percentiles(CostOutput.COST_USD).p50() + summary.sensitivity(CostOutput.COST_USD).size();
  }
}
