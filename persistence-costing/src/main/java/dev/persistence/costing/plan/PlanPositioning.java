package dev.persistence.costing.plan;

import dev.persistence.costing.landscape.FrontierTrend;
import dev.persistence.costing.landscape.ModelCatalog;
import dev.persistence.costing.landscape.Positioning;
import dev.persistence.costing.landscape.PositioningRequest;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a plan stands among notable models: the scenario's {@code positioning} request against a catalog (the
 * bundled one is Epoch AI's data, read by persistence-io) with the scenario's own models added.
 */
public final class PlanPositioning {
  private PlanPositioning() {}

  /**
   * The catalog a scenario compares against: {@code base} with the scenario's models added when it gives any.
   *
   * @param scenario the scenario
   * @param base the catalog to start from (the bundled one)
   */
  public static ModelCatalog catalog(Scenario scenario, ModelCatalog base) {
    Optional<PositioningRequest> request = scenario.positioning();
    return request.isEmpty() || request.get().models().isEmpty()
        ? base
        : base.withModels(request.get().models(), "scenario");
  }

  /**
   * The plan's positioning (training FLOPs and total parameters at the request's date, with the frontier trend
   * the request's selection fits over the whole catalog), or empty when the scenario does not ask.
   *
   * @param report the plan
   * @param catalog the models to compare against, the scenario's own already added ({@link #catalog})
   */
  public static Optional<Positioning> of(PlanReport report, ModelCatalog catalog) {
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
