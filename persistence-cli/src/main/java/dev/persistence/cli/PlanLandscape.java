package dev.persistence.cli;

import dev.persistence.costing.landscape.FrontierTrend;
import dev.persistence.costing.landscape.Positioning;
import dev.persistence.costing.landscape.PositioningRequest;
import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.plan.Scenario;
import dev.persistence.costing.regulation.Obligation;
import dev.persistence.costing.regulation.Obligations;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.scaling.forecast.CapabilityForecast;
import dev.persistence.scaling.forecast.CapabilityForecaster;
import dev.persistence.scaling.forecast.ForecastRequest;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan report's issue-17 parts: where the plan stands among notable models, its capability forecast, and the
 * obligations its thresholds bring. {@code PlanCommand} calls {@link #json} and {@link #print} once each.
 */
final class PlanLandscape {
  private PlanLandscape() {}

  /**
   * The sections for the plan's JSON: {@code obligations} (always), {@code positioning} and {@code forecast} (each
   * when the scenario asks).
   */
  static Map<String, Object> json(PlanReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    List<Map<String, Object>> obligations = new ArrayList<>();
    for (Obligation o : Obligations.broughtBy(report.thresholdsCrossed())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", o.id());
      row.put("threshold", o.thresholdId());
      row.put("instrument", o.instrument());
      row.put("provision", o.provision());
      row.put("duty", o.duty());
      if (!o.appliesTo().isEmpty()) {
        row.put("appliesTo", o.appliesTo());
      }
      row.put("appliesFrom", o.appliesFrom().toString());
      if (!o.transition().isEmpty()) {
        row.put("transition", o.transition());
      }
      row.put("sanction", o.sanction());
      row.put("source", o.source());
      row.put("verification", EnumNames.kebabCase(o.verification()));
      obligations.add(row);
    }
    json.put("obligations", obligations);
    positioning(report)
        .ifPresent(p -> json.put("positioning", Landscapes.positioningJson(p, catalog(report).attribution())));
    report
        .scenario()
        .forecast()
        .ifPresent(
            request -> {
              CapabilityForecaster forecaster = CapabilityForecaster.fit(request.runs(), request.settings());
              json.put("forecast", Forecasts.json(forecaster, forecast(forecaster, report), request.metric(), request.source()));
            });
    return json;
  }

  /** The sections for the plan's text report. */
  static void print(PlanReport report, PrintWriter out) {
    printObligations(report, out);
    positioning(report).ifPresent(p -> Landscapes.printPositioning(p, catalog(report).attribution(), out));
    Optional<ForecastRequest> request = report.scenario().forecast();
    if (request.isPresent()) {
      CapabilityForecaster forecaster = CapabilityForecaster.fit(request.get().runs(), request.get().settings());
      out.println();
      Forecasts.print(forecaster, forecast(forecaster, report), request.get().metric(), request.get().source(), out);
    }
  }

  private static void printObligations(PlanReport report, PrintWriter out) {
    List<Obligation> obligations = Obligations.broughtBy(report.thresholdsCrossed());
    if (obligations.isEmpty()) {
      return;
    }
    out.println();
    out.println("Obligations the thresholds bring (summaries, not legal advice; sources in --json)");
    String threshold = "";
    for (Obligation o : obligations) {
      if (!o.thresholdId().equals(threshold)) {
        threshold = o.thresholdId();
        out.println("  " + o.instrument() + ", " + threshold + "; sanction: " + o.sanction());
      }
      out.println(
          "    "
              + o.provision()
              + ", from "
              + o.appliesFrom()
              + (o.appliesTo().isEmpty() ? "" : " [" + o.appliesTo() + "]")
              + ": "
              + o.duty());
    }
  }

  private static CapabilityForecast forecast(CapabilityForecaster forecaster, PlanReport report) {
    // The parameters the compute-optimal check uses (active ones for a mixture of experts), on the plan's tokens.
    return forecaster.at(report.computeOptimal().parametersUsed(), report.scenario().trainingTokens());
  }

  private static NotableModelCatalog catalog(PlanReport report) {
    NotableModelCatalog bundled = NotableModelCatalog.bundled();
    Optional<PositioningRequest> request = report.scenario().positioning();
    return request.isEmpty() || request.get().models().isEmpty()
        ? bundled
        : bundled.withModels(request.get().models(), "scenario");
  }

  private static Optional<Positioning> positioning(PlanReport report) {
    Scenario scenario = report.scenario();
    if (scenario.positioning().isEmpty()) {
      return Optional.empty();
    }
    PositioningRequest request = scenario.positioning().get();
    NotableModelCatalog catalog = catalog(report);
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
