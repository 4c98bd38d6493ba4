package dev.persistence.cli;

import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.landscape.ModelCatalog;
import dev.persistence.costing.plan.PlanObligations;
import dev.persistence.costing.plan.PlanPositioning;
import dev.persistence.costing.regulation.AssessedObligation;
import dev.persistence.costing.regulation.DeveloperRevenue;
import dev.persistence.costing.regulation.Obligation;
import dev.persistence.costing.regulation.ObligationCatalog;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.io.regulation.ObligationDocuments;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The plan report's issue-17 parts as text: where the plan stands among notable models, its capability forecast,
 * and the obligations its thresholds bring. Their JSON is {@code io.plan.PlanReportJson}'s.
 */
final class PlanLandscape {
  private PlanLandscape() {}

  /** The sections for the plan's text report. */
  static void print(PlanReport report, PrintWriter out) {
    printObligations(report, out);
    ModelCatalog catalog = PlanPositioning.catalog(report.scenario(), NotableModelCatalog.bundled());
    PlanPositioning.of(report, catalog).ifPresent(p -> Landscapes.printPositioning(p, catalog.attribution(), out));
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
    ObligationCatalog catalog = PlanObligations.catalog(report.scenario(), ObligationDocuments.bundled());
    List<AssessedObligation> obligations = PlanObligations.of(report, catalog);
    if (obligations.isEmpty()) {
      return;
    }
    out.println();
    out.println("Obligations the thresholds bring (summaries, not legal advice; sources in --json)");
    Optional<DeveloperRevenue> revenue = report.scenario().developerRevenue();
    // The revenue line only where a tier depends on it, so plans below 1e26 read as before.
    if (obligations.stream().anyMatch(a -> a.tier().isPresent())) {
      out.println(
        revenue
            .map(r -> String.format(Locale.ROOT, "  developer revenue: $%,.0f in %d (with affiliates)", r.usd(), r.year()))
            .orElse("  developer revenue: not given (developerRevenue), so revenue tiers are unknown"));
    }
    String threshold = "";
    for (AssessedObligation assessed : obligations) {
      Obligation o = assessed.obligation();
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
              + tier(assessed)
              + ": "
              + o.duty());
    }
  }

  /** The revenue tier's verdict, {@code  [tier: applies, revenue > $500,000,000]}; empty without a tier. */
  private static String tier(AssessedObligation assessed) {
    if (assessed.tier().isEmpty()) {
      return "";
    }
    double figure = assessed.tier().get().revenueUsdGreaterThan();
    return switch (assessed.status()) {
      case CROSSED -> String.format(Locale.ROOT, " [tier: applies, revenue > $%,.0f]", figure);
      case NOT_CROSSED -> String.format(Locale.ROOT, " [tier: does not apply, revenue <= $%,.0f]", figure);
      default -> String.format(Locale.ROOT, " [tier unknown: no developerRevenue; applies above $%,.0f]", figure);
    };
  }
}
