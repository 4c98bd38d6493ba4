package dev.persistence.costing.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.costing.landscape.ModelCatalog;
import dev.persistence.costing.landscape.NotableModel;
import dev.persistence.costing.landscape.Positioning;
import dev.persistence.costing.landscape.PositioningRequest;
import dev.persistence.costing.landscape.TrendSelection;
import dev.persistence.costing.regulation.AssessedObligation;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.regulation.DeveloperRevenue;
import dev.persistence.costing.regulation.Obligation;
import dev.persistence.costing.regulation.ObligationCatalog;
import dev.persistence.costing.regulation.RevenueTier;
import dev.persistence.costing.regulation.TierStatus;
import dev.persistence.costing.regulation.Verification;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A plan placed among notable models and its obligations, computed from the plan and a catalog (the bundled
 * catalogs are persistence-io's data; these catalogs hold published figures).
 */
class PlanPositioningTest {

  private static NotableModel model(String name, LocalDate date, double flop, double parameters) {
    return NotableModel.builder()
        .name(name)
        .organization("org")
        .publicationDate(date)
        .source("test")
        .trainingComputeFlop(flop)
        .totalParameters(parameters)
        .epochFrontier(true)
        .build();
  }

  /**
   * GPT-3 (3.14e23 FLOP, 175B; Brown et al. 2020 Table D.1), Chinchilla (5.76e23, 70B; Hoffmann et al. 2022) and
   * Llama 3.1 405B (3.8e25, 405B; Dubey et al. 2024), as quoted in reference/training-runs.json and
   * reference/evaluation.json.
   */
  private static final ModelCatalog CATALOG =
      new ModelCatalog(
          "test",
          "published figures",
          Optional.empty(),
          List.of(
              model("GPT-3 175B", LocalDate.of(2020, 5, 28), 3.14e23, 175e9),
              model("Chinchilla", LocalDate.of(2022, 3, 29), 5.76e23, 70e9),
              model("Llama 3.1-405B", LocalDate.of(2024, 7, 23), 3.8e25, 405e9)));

  private static Scenario llama(List<NotableModel> own) {
    return PlannerTest.llamaScenario(0.4)
        .positioning(new PositioningRequest(LocalDate.of(2024, 7, 23), own, 2, TrendSelection.EPOCH_FRONTIER))
        .build();
  }

  @Test
  void llama3PlannedIsPlacedNextToLlama31() {
    // 6 N D = 6 x 405B x 15.6T = 3.79e25 FLOP, within 0.3% of the paper's 3.8e25; the plan's training FLOPs also
    // count attention's score and value products (about 3.6% more at 8K context), so the ratio is 1 to 1.05.
    PlanReport report = Planner.plan(llama(List.of()));
    Positioning p = PlanPositioning.of(report, PlanPositioning.catalog(report.scenario(), CATALOG)).orElseThrow();
    assertEquals("Llama 3.1-405B", p.nearestByCompute().get(0).model().name());
    assertEquals(1.025, p.nearestByCompute().get(0).ratio(), 0.025);
    assertEquals("Llama 3.1-405B", p.nearestByParameters().get(0).model().name());
    assertEquals(1.0, p.nearestByParameters().get(0).ratio(), 0.01);
    assertTrue(p.trend().isPresent());
  }

  @Test
  void theScenariosOwnModelsJoinTheCatalog() {
    NotableModel own = model("our 1e26 run", LocalDate.of(2024, 1, 1), 1e26, 1e12);
    Scenario scenario = llama(List.of(own));
    ModelCatalog catalog = PlanPositioning.catalog(scenario, CATALOG);
    assertEquals(4, catalog.models().size());
    Positioning p = PlanPositioning.of(Planner.plan(scenario), catalog).orElseThrow();
    assertEquals(2, p.rank());
  }

  @Test
  void noPositioningWithoutARequest() {
    PlanReport report = Planner.plan(PlannerTest.llamaScenario(0.4).build());
    assertTrue(PlanPositioning.of(report, CATALOG).isEmpty());
  }

  @Test
  void obligationsFollowTheScenariosRevenue() {
    // Bus. & Prof. Code 22757.11 (reference/regulation.json, reg-ca-sb53-thresholds): revenue "in excess of" $500M.
    RevenueTier tier =
        RevenueTier.builder()
            .id("large")
            .instrument("California SB 53 (TFAIA)")
            .provision("section 22757.11")
            .revenueUsdGreaterThan(5e8)
            .basis("preceding calendar year")
            .source("reference/regulation.json")
            .verification(Verification.OFFICIAL)
            .build();
    Obligation framework =
        Obligation.builder()
            .id("framework")
            .thresholdId(ComputeThreshold.CALIFORNIA_SB_53_FRONTIER_MODEL.id())
            .instrument("California SB 53 (TFAIA)")
            .provision("section 22757.12")
            .duty("publish a frontier AI framework")
            .appliesTo("")
            .revenueTier("large")
            .appliesFrom(LocalDate.of(2026, 1, 1))
            .transition("")
            .sanction("$1,000,000")
            .source("test")
            .verification(Verification.SECONDARY)
            .build();
    ObligationCatalog catalog = new ObligationCatalog("test", List.of(tier), List.of(framework));
    // 2.6x Llama's tokens: 6 x 405e9 x 41e12 = 1.0e26 FLOP, over SB 53's 1e26.
    Scenario big = PlannerTest.llamaScenario(0.4).trainingTokens(41.2e12).developerRevenue(new DeveloperRevenue(6e8, 2025)).build();
    List<AssessedObligation> assessed = PlanObligations.of(Planner.plan(big), catalog);
    assertEquals(1, assessed.size());
    assertEquals(TierStatus.CROSSED, assessed.get(0).status());
    Scenario unknown = PlannerTest.llamaScenario(0.4).trainingTokens(41.2e12).build();
    assertEquals(TierStatus.UNKNOWN, PlanObligations.of(Planner.plan(unknown), catalog).get(0).status());
    // Llama's own 3.8e25 crosses no 1e26 law.
    assertTrue(PlanObligations.of(Planner.plan(PlannerTest.llamaScenario(0.4).build()), catalog).isEmpty());
  }
}
