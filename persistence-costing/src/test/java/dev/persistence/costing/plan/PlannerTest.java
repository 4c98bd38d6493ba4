package dev.persistence.costing.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.costing.energy.GridIntensity;
import dev.persistence.costing.money.CloudPrice;
import dev.persistence.costing.money.PricingTerm;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.costing.training.Goodput;
import dev.persistence.costing.uncertainty.CostOutput;
import dev.persistence.costing.uncertainty.Percentiles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PlannerTest {

  /** The Llama 3 405B shape: Dubey et al. 2024 (arXiv:2407.21783) Table 3. */
  static Architecture llama405b() {
    return Architecture.builder()
        .vocabSize(128256)
        .hiddenSize(16384)
        .numLayers(126)
        .contextLength(8192)
        .attention(GroupedQueryAttention.builder().numAttentionHeads(128).numKeyValueHeads(8).headDim(128).build())
        .feedForward(DenseFeedForward.of(53248, true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false)
        .build();
  }

  /** The H100 SXM's dense BF16 peak, 989 TFLOP/s, and TDP, 700 W (NVIDIA H100 datasheet; accelerators.json). */
  static Accelerator h100() {
    return Accelerator.builder()
        .name("H100-SXM5-80GB")
        .putDensePeakFlopsPerSecond(NumericFormat.BF16, 989e12)
        .memoryBytes(80_000_000_000L)
        .memoryBandwidthBytesPerSecond(3.35e12)
        .thermalDesignPowerWatts(700)
        .scaleUpBandwidthBytesPerSecondPerDirection(450e9)
        .source("NVIDIA H100 datasheet")
        .build();
  }

  static ImmutableScenario.Builder llamaScenario(double mfu) {
    return Scenario.builder()
        .name("Llama 3 405B")
        .architecture(llama405b())
        .cluster(
            Cluster.builder()
                .accelerator(h100())
                .acceleratorsPerNode(8)
                .nodeCount(2048)
                .scaleOutBandwidthBytesPerSecondPerAccelerator(50e9)
                .scaleOutLatencySeconds(5e-6)
                .build())
        .trainingTokens(15.6e12)
        .sequenceLength(8192)
        .globalBatchSize(2048)
        .modelFlopsUtilization(mfu)
        .goodput(Goodput.NONE)
        .price(CloudPrice.of("H100-SXM5-80GB", 2.0, PricingTerm.ASSUMED_RENTAL, LocalDate.of(2025, 1, 1), "test"))
        .locationGrid(GridIntensity.FRANCE_BLOOM)
        .samples(100);
  }

  /**
   * Llama 3 405B: 15.6T tokens on 16,384 H100s at a BF16 MFU of 38% to 43% (Dubey et al. 2024 section 3.3 and
   * Table 4; training-runs.json). The model card's 30.84M GPU-hours include the long-context stage and downtime,
   * so they must lie above the hours at 43% MFU without interruptions and below the hours at 38% MFU with the
   * paper's 90% effective training time.
   */
  @Test
  void llama3HoursBracketThePublishedFigure() {
    double atHighMfu = Planner.plan(llamaScenario(0.43).build()).run().acceleratorHours();
    double atLowMfu = Planner.plan(llamaScenario(0.38).build()).run().acceleratorHours();
    double published = 30.84e6;
    assertTrue(atHighMfu < published, "at 43% MFU: " + atHighMfu);
    assertTrue(published < atLowMfu / 0.9, "at 38% MFU with 90% goodput: " + atLowMfu / 0.9);
  }

  /** With every assumption fixed, the Monte Carlo bands collapse onto the plan's own figures. */
  @Test
  void pointAssumptionsGiveThePlansFigures() {
    PlanReport report = Planner.plan(llamaScenario(0.4).goodput(Goodput.LLAMA_3_405B).build());
    Map<CostOutput, Percentiles> bands = report.bands();
    assertClose(report.trainingCostUsd(), bands.get(CostOutput.COST_USD).p10());
    assertClose(report.trainingCostUsd(), bands.get(CostOutput.COST_USD).p90());
    assertClose(report.run().trainingDays(), bands.get(CostOutput.WALL_CLOCK_DAYS).p50());
    assertClose(report.run().acceleratorHours(), bands.get(CostOutput.ACCELERATOR_HOURS).p50());
    assertClose(report.energyKilowattHours(), bands.get(CostOutput.ENERGY_KWH).p50());
    assertClose(report.co2LocationTonnes(), bands.get(CostOutput.CO2E_TONNES).p50());
    assertClose(report.computeOptimal().predictedLoss(), bands.get(CostOutput.LOSS).p50());
  }

  @Test
  void theRunIsPartOfTheProgramAndPhasesScaleWithIt() {
    PlanReport report =
        Planner.plan(
            llamaScenario(0.4)
                .addPhases(
                    PlannedPhase.builder()
                        .name("experiments")
                        .kind(PhaseKind.EXPERIMENTS)
                        .startMonth(0)
                        .durationMonths(3)
                        .computeFractionOfPretraining(0.25)
                        .build(),
                    PlannedPhase.builder()
                        .name("rl")
                        .kind(PhaseKind.REINFORCEMENT_LEARNING)
                        .startMonth(6)
                        .durationMonths(2)
                        .computeFractionOfPretraining(0.1)
                        .build())
                .build());
    assertClose(1.35 * report.trainingCostUsd(), report.budget().computeUsd());
    // Thresholds count pre-training and fine-tuning, not experiments on other models.
    assertClose(1.1 * report.trainingFlops(), report.cumulativeTrainingFlops());
    assertFalse(report.thresholdsCrossed().isEmpty());
  }

  @Test
  void targetsReportTheirMiss() {
    PlanReport report =
        Planner.plan(
            llamaScenario(0.4)
                .addTargets(
                    new Target(TargetMetric.PARAMETERS, OptionalDouble.of(70e9), OptionalDouble.of(400e9)),
                    new Target(TargetMetric.TRAINING_TOKENS, OptionalDouble.of(15e12), OptionalDouble.empty()))
                .build());
    PlanReport.TargetResult parameters = report.targets().get(0);
    assertFalse(parameters.inside());
    assertClose(405_853_388_800.0 / 400e9 - 1, parameters.miss());
    assertTrue(report.targets().get(1).inside());
  }

  /** A report copies its collections: the source's later changes do not reach it, and its own lists are read-only. */
  @Test
  void reportCopiesItsCollections() {
    PlanReport report =
        Planner.plan(
            llamaScenario(0.4)
                .addTargets(new Target(TargetMetric.PARAMETERS, OptionalDouble.of(70e9), OptionalDouble.of(400e9)))
                .build());
    // add, not clear: an empty unmodifiable list has nothing for clear() to refuse.
    assertThrows(UnsupportedOperationException.class, () -> report.targets().add(report.targets().get(0)));
    assertThrows(UnsupportedOperationException.class, () -> report.thresholdsCrossed().add(null));
    assertThrows(UnsupportedOperationException.class, () -> report.sensitivity().add(null));
    assertThrows(UnsupportedOperationException.class, () -> report.isoFlopCurves().add(null));
    assertThrows(UnsupportedOperationException.class, () -> report.bands().remove(CostOutput.COST_USD));
    assertThrows(UnsupportedOperationException.class, () -> report.distributions().remove(CostOutput.COST_USD));
    List<PlanReport.TargetResult> targets = new ArrayList<>(report.targets());
    Map<CostOutput, Percentiles> bands = new EnumMap<>(report.bands());
    PlanReport copy =
        PlanReport.builder().from(report).bands(bands).targets(targets).build();
    targets.clear();
    bands.clear();
    assertEquals(report, copy);
    assertEquals(1, copy.targets().size());
    // The maps keep CostOutput order, which the --json document and the HTML report print in.
    assertEquals(List.of(CostOutput.values()), List.copyOf(copy.bands().keySet()));
  }

  @Test
  void rejections() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> llamaScenario(1.5).build());
    assertEquals("modelFlopsUtilization (1.5) must be in (0, 1]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> llamaScenario(0.4).trainingTokens(-1).build());
    assertEquals("trainingTokens (-1.0) must be finite and > 0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Target(TargetMetric.TEAM_SIZE, OptionalDouble.of(50), OptionalDouble.of(20)));
    assertEquals("target TEAM_SIZE: min (50.0) must be <= max (20.0)", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PlannedPhase.builder()
                    .name("pre-training")
                    .kind(PhaseKind.PRETRAINING)
                    .startMonth(0)
                    .computeCostUsd(1e6)
                    .build());
    assertEquals(
        "phase pre-training: kind (PRETRAINING) is pre-training, which costs the planned run; computeCostUsd and"
            + " computeFractionOfPretraining must not be given",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> llamaScenario(0.4).contingencyFraction(Double.NaN).build());
    assertEquals("contingencyFraction (NaN) must be finite and >= 0", e.getMessage());
  }

  static void assertClose(double expected, double actual) {
    assertEquals(expected, actual, Math.abs(expected) * 1e-9, "expected " + expected);
  }

  /**
   * The isoFLOP profiles: the plan's budget first at its own 6ND compute, the plan's point on it, each optimum no
   * higher than any point of its profile, the budgets ascending after the first, and the histograms holding every
   * Monte Carlo sample.
   */
  @Test
  void isoFlopProfilesAndHistogramsAreConsistent() {
    Scenario scenario = llamaScenario(0.4).build();
    PlanReport report = Planner.plan(scenario);
    java.util.List<PlanReport.IsoFlopCurve> curves = report.isoFlopCurves();
    assertEquals(5, curves.size());
    PlanReport.ComputeOptimalCheck check = report.computeOptimal();
    PlanReport.IsoFlopCurve plan = curves.get(0);
    assertEquals(6 * check.parametersUsed() * scenario.trainingTokens(), plan.trainingFlops(), 1e-9 * plan.trainingFlops());
    assertEquals(check.optimalParameters(), plan.optimalParameters(), 1e-9 * plan.optimalParameters());
    assertEquals(check.optimalLoss(), plan.optimalLoss(), 1e-12);
    assertTrue(plan.points().get(0).parameters() < check.parametersUsed());
    assertTrue(plan.points().get(plan.points().size() - 1).parameters() > check.parametersUsed());
    for (int i = 1; i < curves.size(); i++) {
      assertTrue(i == 1 || curves.get(i).trainingFlops() > curves.get(i - 1).trainingFlops());
    }
    for (PlanReport.IsoFlopCurve curve : curves) {
      double previous = 0;
      for (PlanReport.IsoFlopPoint point : curve.points()) {
        assertTrue(point.parameters() > previous);
        previous = point.parameters();
        assertEquals(curve.trainingFlops(), 6 * point.parameters() * point.tokens(), 1e-9 * curve.trainingFlops());
        assertEquals(scenario.law().loss(point.parameters(), point.tokens()), point.loss(), 1e-12);
        assertTrue(point.loss() >= curve.optimalLoss() - 1e-9, point + " below the optimum " + curve.optimalLoss());
      }
    }
    for (CostOutput output : CostOutput.values()) {
      assertEquals(scenario.samples(), report.distributions().get(output).total(), output.toString());
    }
    double[] cumulative = report.budget().cumulativeSpendUsd();
    assertEquals(report.budget().totalUsd(), cumulative[cumulative.length - 1], 1e-6 * report.budget().totalUsd());
    assertEquals(report.budget().months(), report.program().durationMonths());
  }
}
