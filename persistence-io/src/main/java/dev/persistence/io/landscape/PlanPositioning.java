package dev.persistence.io.landscape;

import dev.persistence.costing.landscape.FrontierTrend;
import dev.persistence.costing.landscape.Positioning;
import dev.persistence.costing.landscape.PositioningRequest;
import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.plan.Scenario;
import dev.persistence.io.catalog.NotableModelCatalog;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a plan stands among notable models: the scenario's {@code positioning} request against the bundled
 * catalog (Epoch AI's data) with the scenario's own models added. It lives here, not in the planner, because the
 * catalog is a resource of this module.
 */
public final class PlanPositioning {
  private PlanPositioning() {}

  /**
   * The catalog a scenario compares against: the bundled one, with the scenario's models added when it gives any.
   *
   * @param scenario the scenario
   */
  public static NotableModelCatalog catalog(Scenario scenario) {
    NotableModelCatalog bundled = NotableModelCatalog.bundled();
    Optional<PositioningRequest> request = scenario.positioning();
    return request.isEmpty() || request.get().models().isEmpty()
        ? bundled
        : bundled.withModels(request.get().models(), "scenario");
  }

  /**
   * The plan's positioning (training FLOPs and total parameters at the request's date, with the frontier trend
   * the request's selection fits over the whole catalog), or empty when the scenario does not ask.
   *
   * @param report the plan
   */
  public static Optional<Positioning> of(PlanReport report) {
    return of(report, catalog(report.scenario()));
  }

  /**
   * The plan's positioning against a given catalog, or empty when the scenario does not ask.
   *
   * @param report the plan
   * @param catalog the models to compare against
   */
  public static Optional<Positioning> of(PlanReport report, NotableModelCatalog catalog) {
    Scenario scenario = report.scenario();
    if (scenario.positioning().isEmpty()) {
      return Optional.empty();
    }
    PositioningRequest request = scenario.positioning().get();
    FrontierTrend trend = FrontierTrend.fit(catalog.models(), request.selection(), LocalDate.MIN);
    return Optional.of(
        Positioning.of(
            report.trainingFlops(),
            report.parameters().totalParameters(),
            request.date(),
            catalog.models(),
            Optional.of(trend),
            request.neighbours()));
  }
}
