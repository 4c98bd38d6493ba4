package dev.persistence.cli;

import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.regulation.Obligation;
import dev.persistence.costing.regulation.Obligations;
import dev.persistence.io.landscape.PlanPositioning;
import java.io.PrintWriter;
import java.util.List;

/**
 * The plan report's issue-17 parts as text: where the plan stands among notable models, its capability forecast,
 * and the obligations its thresholds bring. Their JSON is {@code io.plan.PlanReportJson}'s.
 */
final class PlanLandscape {
  private PlanLandscape() {}

  /** The sections for the plan's text report. */
  static void print(PlanReport report, PrintWriter out) {
    printObligations(report, out);
    PlanPositioning.of(report)
        .ifPresent(
            p -> Landscapes.printPositioning(p, PlanPositioning.catalog(report.scenario()).attribution(), out));
    report
        .forecast()
        .ifPresent(
            forecast -> {
              out.println();
              Forecasts.print(
                  forecast.forecaster(),
                  forecast.forecast(),
                  forecast.request().metric(),
                  forecast.request().source(),
                  out);
            });
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
}
