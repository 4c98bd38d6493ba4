package dev.persistence.cli;

import dev.persistence.costing.landscape.Comparison;
import dev.persistence.costing.landscape.Positioning;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text of the landscape: a plan's positioning (its JSON is {@code io.landscape.LandscapeJson}). */
final class Landscapes {
  private Landscapes() {}

  static void printPositioning(Positioning p, String attribution, PrintWriter out) {
    out.println();
    out.println("Position among notable models (at " + p.date() + ")");
    TextTable table = new TextTable().leftAligned();
    table.row("compute", String.format(Locale.ROOT, "%.2e FLOP: %s", p.trainingFlop(), p.headline().isEmpty() ? p.leader().text() : p.headline()));
    table.row("rank by compute", String.format(Locale.ROOT, "%d of %d published by then", p.rank(), p.modelsCompared() + 1));
    table.row("largest by then", p.leader().text() + ", " + p.leader().model().publicationDate());
    table.row("nearest by compute", join(p.nearestByCompute()));
    table.row("nearest by parameters", join(p.nearestByParameters()));
    p.trend().ifPresent(trend -> table.row("frontier trend", trend.summary()));
    if (p.trendFlopAtDate().isPresent()) {
      table.row(
          "trend at " + p.date(),
          String.format(
              Locale.ROOT,
              "%.2e FLOP; this plan is %.2fx the trend",
              p.trendFlopAtDate().getAsDouble(),
              p.ratioToTrend().getAsDouble()));
    }
    table.print(out);
    out.println("  data: " + attribution);
  }

  private static String join(List<Comparison> comparisons) {
    List<String> parts = new ArrayList<>();
    comparisons.forEach(c -> parts.add(c.text()));
    return String.join("; ", parts);
  }

  /** {@code 3.80e+25}, or {@code -} when absent. */
  static String scientific(java.util.OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.2e", value.getAsDouble()) : "-";
  }
}
