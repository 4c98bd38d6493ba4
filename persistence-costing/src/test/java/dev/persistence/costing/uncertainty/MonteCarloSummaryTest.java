package dev.persistence.costing.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MonteCarloSummaryTest {

  @Test
  void theSketchIsWithinItsRelativeAccuracyOfTheSampleQuantile() {
    SplittableRandom random = new SplittableRandom(14);
    for (double sigma : new double[] {0.01, 1, 20}) {
      QuantileSketch sketch = new QuantileSketch();
      double[] values = new double[50_001];
      for (int i = 0; i < values.length; i++) {
        values[i] = Math.exp(sigma * random.nextGaussian());
        sketch.add(values[i]);
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      for (double p : new double[] {0, 0.01, 0.1, 0.5, 0.9, 0.99, 1}) {
        double exact = MonteCarloResult.quantileOfSorted(sorted, p);
        double approximate = sketch.quantile(p);
        assertEquals(exact, approximate, exact * QuantileSketch.RELATIVE_ACCURACY * 1.0001, "sigma " + sigma + " p " + p);
      }
    }
  }

  @Test
  void theSketchHandlesZerosNegativesAndConstants() {
    QuantileSketch sketch = new QuantileSketch();
    for (int i = 0; i < 1000; i++) {
      sketch.add(i % 3 == 0 ? 0 : (i % 3 == 1 ? -5 : 7));
    }
    assertEquals(-5, sketch.quantile(0));
    assertEquals(0, sketch.quantile(0.5), 1e-12);
    assertEquals(7, sketch.quantile(1));
    assertEquals(7, sketch.quantile(0.9), 7 * QuantileSketch.RELATIVE_ACCURACY);
    assertEquals(-5, sketch.quantile(0.1), 5 * QuantileSketch.RELATIVE_ACCURACY);
  }

  @Test
  void upToTheExactLimitTheSummaryIsTheFullRun() {
    TrainingAssumptions assumptions = MonteCarloTest.assumptions();
    MonteCarloSummary summary = MonteCarlo.summarize(assumptions, 5000, 3, null);
    MonteCarloResult run = MonteCarlo.run(assumptions, 5000, 3, null);
    assertTrue(summary.exact());
    for (CostOutput output : new CostOutput[] {CostOutput.COST_USD, CostOutput.ENERGY_KWH}) {
      assertEquals(run.percentiles(output), summary.percentiles(output));
      assertEquals(run.mean(output), summary.mean(output));
    }
    assertEquals(run.sensitivity(CostOutput.COST_USD), summary.sensitivity(CostOutput.COST_USD));
  }

  @Test
  void beyondItTheSummaryStreamsTheSameDraws() {
    TrainingAssumptions assumptions = MonteCarloTest.assumptions();
    int samples = MonteCarlo.EXACT_SAMPLES + 70_000;
    MonteCarloSummary summary = MonteCarlo.summarize(assumptions, samples, 3, null);
    assertFalse(summary.exact());
    assertEquals(samples, summary.samples());
    MonteCarloResult run = MonteCarlo.run(assumptions, samples, 3, null);
    for (CostOutput output : new CostOutput[] {CostOutput.COST_USD, CostOutput.WALL_CLOCK_DAYS}) {
      for (double p : new double[] {0.1, 0.5, 0.9}) {
        double exact = run.quantile(output, p);
        assertEquals(exact, summary.quantile(output, p), exact * QuantileSketch.RELATIVE_ACCURACY * 1.0001);
      }
      assertEquals(run.mean(output), summary.mean(output), Math.abs(run.mean(output)) * 1e-9);
    }
    // The ranking is that of the first EXACT_SAMPLES draws, which a run of that size makes too.
    assertEquals(
        MonteCarlo.run(assumptions, MonteCarlo.EXACT_SAMPLES, 3, null).sensitivity(CostOutput.COST_USD),
        summary.sensitivity(CostOutput.COST_USD));
    assertEquals(
        summary.percentiles(CostOutput.COST_USD),
        MonteCarlo.summarize(assumptions, samples, 3, null).percentiles(CostOutput.COST_USD));
  }

  @Test
  void aResultBeyondTheRangeOfADoubleIsNamed() {
    TrainingAssumptions assumptions =
        MonteCarloTest.assumptions().with(CostInput.PARAMETERS, new Constant(1e300));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MonteCarlo.summarize(assumptions, 100, 3, null));
    assertTrue(e.getMessage().startsWith("Monte Carlo costUsd (Infinity at sample 0) is not finite"), e.getMessage());
  }
}
