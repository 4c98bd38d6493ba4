package dev.persistence.costing.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.costing.ReferenceRuns;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonteCarloTest {

  /** A Llama-3-405B-like plan with uncertain MFU, goodput, price and grid, everything else fixed. */
  static TrainingAssumptions assumptions() {
    Map<CostInput, Distribution> map = new EnumMap<>(CostInput.class);
    map.put(CostInput.PARAMETERS, new Constant(405e9));
    map.put(CostInput.TOKENS, new Constant(15.6e12));
    map.put(CostInput.FLOPS_PER_PARAMETER_PER_TOKEN, new Constant(6));
    map.put(CostInput.ACCELERATOR_COUNT, new Constant(16_384));
    map.put(CostInput.PEAK_FLOPS_PER_SECOND, new Constant(989e12));
    map.put(CostInput.MODEL_FLOPS_UTILIZATION, new Triangular(0.30, 0.40, 0.43));
    map.put(CostInput.GOODPUT, new Uniform(0.85, 0.95));
    map.put(CostInput.USD_PER_ACCELERATOR_HOUR, new LogUniform(1.5, 4.0));
    map.put(CostInput.ACCELERATOR_TDP_WATTS, new Constant(700));
    map.put(CostInput.TDP_FRACTION, new Uniform(0.7, 1.0));
    map.put(CostInput.SERVER_TO_CHIP_POWER_RATIO, new Constant(1.82));
    map.put(CostInput.POWER_USAGE_EFFECTIVENESS, Scenarios.equallyLikely(1.1, 1.2, 1.4));
    map.put(CostInput.GRID_KG_CO2E_PER_KWH, new Normal(0.4, 0.05, 0, 1));
    return new TrainingAssumptions(map);
  }

  @Test
  void pointAssumptionsReproduceDeepSeekV3() {
    // With every input a constant, the model is the deterministic calculator: DeepSeek-V3's 2.788M H800-hours
    // (DeepSeek-V3 report Table 1) at $2/h is $5.576M. The hours are produced by choosing N D k / (peak MFU) so
    // that the accelerator-hours are exactly 2.788e6 with 2048 GPUs at peak 1 and MFU 1.
    JsonNode deepSeek = ReferenceRuns.run("deepseek-v3");
    double hours = deepSeek.get("gpu_hours").get("total").asDouble();
    TrainingAssumptions point =
        assumptions()
            .with(CostInput.PARAMETERS, new Constant(hours * 3600))
            .with(CostInput.TOKENS, new Constant(1))
            .with(CostInput.FLOPS_PER_PARAMETER_PER_TOKEN, new Constant(1))
            .with(CostInput.ACCELERATOR_COUNT, new Constant(2048))
            .with(CostInput.PEAK_FLOPS_PER_SECOND, new Constant(1))
            .with(CostInput.MODEL_FLOPS_UTILIZATION, new Constant(1))
            .with(CostInput.GOODPUT, new Constant(1))
            .with(CostInput.USD_PER_ACCELERATOR_HOUR, new Constant(2));
    MonteCarloResult result = MonteCarlo.run(point, 10, 1, null);
    Percentiles cost = result.percentiles(CostOutput.COST_USD);
    assertEquals(deepSeek.get("cost_usd").get("total").asDouble(), cost.p50(), 1e-3);
    assertEquals(cost.p10(), cost.p90(), 0.0);
  }

  @Test
  void percentilesAndSensitivity() {
    MonteCarloResult result = MonteCarlo.run(assumptions(), 20_000, 7, null);
    Percentiles days = result.percentiles(CostOutput.WALL_CLOCK_DAYS);
    // 6 x 405e9 x 15.6e12 / (16,384 x 989e12 x MFU) / goodput: at MFU 0.43 and goodput 0.95 about 63 days, at
    // 0.30 and 0.85 about 100 days.
    assertTrue(days.p10() > 60 && days.p90() < 102, days.toString());
    List<Sensitivity> cost = result.sensitivity(CostOutput.COST_USD);
    // The log-uniform price spans a factor 2.7, more than MFU (1.4) or goodput (1.1): it leads the ranking.
    assertEquals(CostInput.USD_PER_ACCELERATOR_HOUR, cost.get(0).input());
    assertTrue(cost.get(0).rankCorrelation() > 0.7);
    // Inputs that do not enter the cost have no swing; constants are left out.
    for (Sensitivity s : cost) {
      if (s.input() == CostInput.GRID_KG_CO2E_PER_KWH || s.input() == CostInput.TDP_FRACTION) {
        assertEquals(0, s.swing(), 0.0);
      }
      assertTrue(s.input() != CostInput.PARAMETERS);
    }
    // MFU lowers days: negative swing and correlation.
    Sensitivity mfu =
        result.sensitivity(CostOutput.WALL_CLOCK_DAYS).stream()
            .filter(s -> s.input() == CostInput.MODEL_FLOPS_UTILIZATION)
            .findFirst()
            .orElseThrow();
    assertTrue(mfu.swing() < 0 && mfu.rankCorrelation() < -0.5);
  }

  @Test
  void lossHook() {
    // Chinchilla's fitted law (Hoffmann et al. 2022, eq. 10): E 1.69, A 406.4, B 410.7, alpha 0.34, beta 0.28.
    LossFunction chinchilla =
        (n, d) -> 1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28);
    TrainingAssumptions varied =
        assumptions().with(CostInput.PARAMETERS, new Uniform(300e9, 500e9));
    MonteCarloResult result = MonteCarlo.run(varied, 5_000, 3, chinchilla);
    Percentiles loss = result.percentiles(CostOutput.LOSS);
    assertEquals(chinchilla.loss(500e9, 15.6e12), result.quantile(CostOutput.LOSS, 0.0), 1e-3);
    assertTrue(loss.p10() < loss.p90());
    assertTrue(result.hasLoss());
  }

  @Test
  void rejections() {
    MonteCarloResult result = MonteCarlo.run(assumptions(), 100, 1, null);
    assertEquals(
        "output (LOSS) needs a loss function; none was supplied",
        assertThrows(IllegalArgumentException.class, () -> result.percentiles(CostOutput.LOSS)).getMessage());
    assertEquals(
        "quantile probability (1.5) must be in [0, 1]",
        assertThrows(IllegalArgumentException.class, () -> result.quantile(CostOutput.COST_USD, 1.5))
            .getMessage());
    assertEquals(
        "samples (5) must be in [10, 10000000]",
        assertThrows(IllegalArgumentException.class, () -> MonteCarlo.run(assumptions(), 5, 1, null))
            .getMessage());
    // Checked before anything is allocated: 2^31 - 1 samples would otherwise be an OutOfMemoryError.
    assertEquals(
        "samples (2147483647) must be in [10, 10000000]",
        assertThrows(
                IllegalArgumentException.class, () -> MonteCarlo.run(assumptions(), Integer.MAX_VALUE, 1, null))
            .getMessage());
    assertEquals(
        "uncertainty.assumptions.modelFlopsUtilization: distribution support [-Infinity, Infinity] must lie within (0.0,"
            + " 1.0]",
        assertThrows(
                IllegalArgumentException.class,
                () -> assumptions().with(CostInput.MODEL_FLOPS_UTILIZATION, Normal.of(0.4, 0.1)))
            .getMessage());
    assertEquals(
        "uncertainty.assumptions.powerUsageEffectiveness: distribution support [0.9, 1.3] must lie within [1.0, inf)",
        assertThrows(
                IllegalArgumentException.class,
                () -> assumptions().with(CostInput.POWER_USAGE_EFFECTIVENESS, new Uniform(0.9, 1.3)))
            .getMessage());
    Map<CostInput, Distribution> partial = new EnumMap<>(assumptions().distributions());
    partial.remove(CostInput.GOODPUT);
    assertEquals(
        "uncertainty.assumptions.goodput must have a distribution",
        assertThrows(IllegalArgumentException.class, () -> new TrainingAssumptions(partial)).getMessage());
    assertEquals(
        "p10 (2.0) must be <= p50 (1.0)",
        assertThrows(IllegalArgumentException.class, () -> new Percentiles(2, 1, 3)).getMessage());
    assertEquals(
        "inputs (1 columns) must have one column per CostInput (13)",
        assertThrows(
                IllegalArgumentException.class,
                () -> TrainingCostModel.evaluate(new double[1][1], new double[6][1], 0, 1, null))
            .getMessage());
  }
}
