package dev.persistence.cli;

import dev.persistence.costing.landscape.Comparison;
import dev.persistence.costing.landscape.FrontierTrend;
import dev.persistence.costing.landscape.NotableModel;
import dev.persistence.costing.landscape.Positioning;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text and JSON of the landscape: a model's row, the frontier trend, a plan's positioning. */
final class Landscapes {
  private Landscapes() {}

  static Map<String, Object> trendJson(FrontierTrend trend) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("selection", trend.selection().describe());
    json.put("models", trend.models());
    json.put("firstDate", trend.firstDate().toString());
    json.put("lastDate", trend.lastDate().toString());
    json.put("slopeOomPerYear", trend.slopeOomPerYear());
    json.put("growthPerYear", trend.growthPerYear());
    json.put("monthsPerTenfold", trend.monthsPerTenfold());
    json.put("slopeStandardError", trend.slopeStandardError());
    json.put("residualStandardDeviationOom", trend.residualStandardDeviation());
    json.put("confidence", trend.confidence());
    json.put("growthPerYearLower", Math.pow(10, trend.slopeLower()));
    json.put("growthPerYearUpper", Math.pow(10, trend.slopeUpper()));
    json.put("bootstrapGrowthPerYearLower", Math.pow(10, trend.bootstrapSlopeLower()));
    json.put("bootstrapGrowthPerYearUpper", Math.pow(10, trend.bootstrapSlopeUpper()));
    json.put("bootstrapSamples", trend.bootstrapSamples());
    return json;
  }

  static Map<String, Object> comparisonJson(Comparison comparison) {
    Map<String, Object> json = new LinkedHashMap<>();
    NotableModel model = comparison.model();
    json.put("model", model.name());
    json.put("organization", model.organization());
    json.put("publicationDate", model.publicationDate().toString());
    model.trainingComputeFlop().ifPresent(flop -> json.put("trainingComputeFlop", flop));
    json.put("computeConfidence", model.computeConfidence().label());
    model.totalParameters().ifPresent(parameters -> json.put("totalParameters", parameters));
    json.put("ratio", comparison.ratio());
    return json;
  }

  static Map<String, Object> positioningJson(Positioning p, String attribution) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("date", p.date().toString());
    json.put("trainingFlop", p.trainingFlop());
    json.put("headline", p.headline());
    json.put("rank", p.rank());
    json.put("modelsCompared", p.modelsCompared());
    json.put("leader", comparisonJson(p.leader()));
    p.below().ifPresent(c -> json.put("below", comparisonJson(c)));
    p.above().ifPresent(c -> json.put("above", comparisonJson(c)));
    json.put("nearestByCompute", comparisons(p.nearestByCompute()));
    json.put("nearestByParameters", comparisons(p.nearestByParameters()));
    p.trend().ifPresent(trend -> json.put("trend", trendJson(trend)));
    p.trendFlopAtDate().ifPresent(flop -> json.put("trendFlopAtDate", flop));
    p.ratioToTrend().ifPresent(ratio -> json.put("ratioToTrend", ratio));
    json.put("attribution", attribution);
    return json;
  }

  private static List<Map<String, Object>> comparisons(List<Comparison> comparisons) {
    List<Map<String, Object>> list = new ArrayList<>();
    comparisons.forEach(c -> list.add(comparisonJson(c)));
    return list;
  }

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
