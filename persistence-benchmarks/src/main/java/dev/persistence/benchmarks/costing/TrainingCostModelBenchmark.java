package dev.persistence.benchmarks.costing;

import dev.persistence.costing.uncertainty.Constant;
import dev.persistence.costing.uncertainty.CostInput;
import dev.persistence.costing.uncertainty.CostOutput;
import dev.persistence.costing.uncertainty.Distribution;
import dev.persistence.costing.uncertainty.LogUniform;
import dev.persistence.costing.uncertainty.MonteCarlo;
import dev.persistence.costing.uncertainty.MonteCarloResult;
import dev.persistence.costing.uncertainty.Normal;
import dev.persistence.costing.uncertainty.Scenarios;
import dev.persistence.costing.uncertainty.TrainingAssumptions;
import dev.persistence.costing.uncertainty.TrainingCostModel;
import dev.persistence.costing.uncertainty.Triangular;
import dev.persistence.costing.uncertainty.Uniform;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The closed-form training cost model: evaluations per second of {@link TrainingCostModel#evaluate} over
 * pre-drawn columns (the target is at least 1,000,000 per second per core), and of a whole
 * {@link MonteCarlo#run} (draws, evaluation, sorting for percentiles) per sample.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TrainingCostModelBenchmark {

  private static final int SAMPLES = 10_000;

  private double[][] inputs;
  private double[][] outputs;
  private TrainingAssumptions assumptions;
  private long seed;

  static TrainingAssumptions assumptions() {
    Map<CostInput, Distribution> map = new EnumMap<>(CostInput.class);
    map.put(CostInput.PARAMETERS, new LogUniform(70e9, 400e9));
    map.put(CostInput.TOKENS, new Uniform(2e12, 5e12));
    map.put(CostInput.FLOPS_PER_PARAMETER_PER_TOKEN, new Constant(6));
    map.put(CostInput.ACCELERATOR_COUNT, Scenarios.equallyLikely(2048, 4096, 8192));
    map.put(CostInput.PEAK_FLOPS_PER_SECOND, new Constant(989e12));
    map.put(CostInput.MODEL_FLOPS_UTILIZATION, new Triangular(0.3, 0.4, 0.45));
    map.put(CostInput.GOODPUT, new Uniform(0.85, 0.95));
    map.put(CostInput.USD_PER_ACCELERATOR_HOUR, new LogUniform(1.5, 4));
    map.put(CostInput.ACCELERATOR_TDP_WATTS, new Constant(700));
    map.put(CostInput.TDP_FRACTION, new Uniform(0.7, 1));
    map.put(CostInput.SERVER_TO_CHIP_POWER_RATIO, new Constant(1.82));
    map.put(CostInput.POWER_USAGE_EFFECTIVENESS, new Uniform(1.1, 1.4));
    map.put(CostInput.GRID_KG_CO2E_PER_KWH, new Normal(0.4, 0.05, 0, 1));
    return new TrainingAssumptions(map);
  }

  @Setup
  public void setUp() {
    assumptions = assumptions();
    inputs = new double[CostInput.values().length][SAMPLES];
    outputs = new double[CostOutput.values().length][SAMPLES];
    SplittableRandom random = new SplittableRandom(1);
    for (CostInput input : CostInput.values()) {
      for (int i = 0; i < SAMPLES; i++) {
        inputs[input.ordinal()][i] = assumptions.get(input).sample(random);
      }
    }
  }

  /** One invocation evaluates {@value #SAMPLES} scenarios: the score is evaluations per second. */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public double evaluate() {
    TrainingCostModel.evaluate(inputs, outputs, 0, SAMPLES, null);
    return outputs[0][SAMPLES - 1];
  }

  /** A full Monte Carlo of {@value #SAMPLES} samples: the score is samples per second, draws and sorts included. */
  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public double monteCarlo() {
    MonteCarloResult result = MonteCarlo.run(assumptions, SAMPLES, seed++, null);
    return result.quantile(CostOutput.COST_USD, 0.5);
  }
}
