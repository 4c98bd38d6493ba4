package dev.persistence.costing.plan;

import dev.persistence.costing.regulation.AssessedObligation;
import dev.persistence.costing.regulation.ObligationCatalog;
import java.util.List;

/**
 * The obligations a plan's thresholds bring ({@link PlanReport#thresholdsCrossed()}, cumulative compute), each
 * with its revenue tier checked against the scenario's {@link Scenario#developerRevenue()}.
 */
public final class PlanObligations {
  private PlanObligations() {}

  /**
   * The catalog a scenario's obligations come from: {@code base} with the scenario's own obligations over it.
   *
   * @param scenario the scenario
   * @param base the catalog to start from (the bundled one)
   */
  public static ObligationCatalog catalog(Scenario scenario, ObligationCatalog base) {
    return scenario.obligations().map(base::withUserEntries).orElse(base);
  }

  /**
   * The plan's obligations, in the thresholds' order.
   *
   * @param report the plan
   * @param catalog the obligations to draw from, the scenario's own already merged ({@link #catalog})
   */
  public static List<AssessedObligation> of(PlanReport report, ObligationCatalog catalog) {
    return catalog.assess(report.thresholdsCrossed(), report.scenario().developerRevenue());
  }
}
