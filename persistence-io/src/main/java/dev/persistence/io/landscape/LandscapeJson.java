package dev.persistence.io.landscape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.landscape.Comparison;
import dev.persistence.costing.landscape.FrontierTrend;
import dev.persistence.costing.landscape.ModelCatalog;
import dev.persistence.costing.landscape.NotableModel;
import dev.persistence.costing.landscape.Positioning;
import dev.persistence.io.catalog.NotableModelCatalog;
import java.time.LocalDate;
import java.util.List;

/**
 * The landscape as JSON: the frontier trend ({@code persistence models --json}'s {@code frontierTrend}), one
 * comparison with a notable model, and a plan's positioning (the plan report's {@code positioning} section).
 */
public final class LandscapeJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LandscapeJson() {}

  /**
   * Models listed from a catalog, as {@code persistence models --json} prints them: the {@code catalogVersion},
   * its {@code attribution}, the {@code count} and the {@code models} listed (each in the catalog's file format), and
   * the {@code frontierTrend} ({@link #trend}).
   *
   * @param catalog the catalog listed from
   * @param shown the models listed, in order
   * @param trend the frontier trend fitted to the whole catalog
   */
  public static ObjectNode listing(ModelCatalog catalog, List<NotableModel> shown, FrontierTrend trend) {
    ObjectNode json = NODES.objectNode();
    json.put("catalogVersion", catalog.version());
    json.put("attribution", catalog.attribution());
    json.put("count", shown.size());
    ArrayNode models = json.putArray("models");
    shown.forEach(model -> models.add(NotableModelCatalog.toJson(model)));
    json.set("frontierTrend", trend(trend));
    return json;
  }

  /**
   * The fitted growth of frontier training compute, with its confidence and bootstrap intervals.
   *
   * @param trend the fit
   */
  public static ObjectNode trend(FrontierTrend trend) {
    ObjectNode json = NODES.objectNode();
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

  /**
   * One notable model and the ratio of a plan's compute to its compute.
   *
   * @param comparison the comparison
   */
  public static ObjectNode comparison(Comparison comparison) {
    ObjectNode json = NODES.objectNode();
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

  /**
   * A plan's positioning: its rank, the leader, its neighbours by compute and parameters, the trend and the
   * plan's ratio to it, and the data's attribution.
   *
   * @param p the positioning
   * @param attribution the catalog's attribution line (Epoch AI's CC BY 4.0 credit for the bundled one)
   */
  public static ObjectNode positioning(Positioning p, String attribution) {
    ObjectNode json = NODES.objectNode();
    json.put("date", p.date().toString());
    json.put("trainingFlop", p.trainingFlop());
    json.put("headline", p.headline());
    json.put("rank", p.rank());
    json.put("modelsCompared", p.modelsCompared());
    json.set("leader", comparison(p.leader()));
    p.below().ifPresent(c -> json.set("below", comparison(c)));
    p.above().ifPresent(c -> json.set("above", comparison(c)));
    json.set("nearestByCompute", comparisons(p.nearestByCompute()));
    json.set("nearestByParameters", comparisons(p.nearestByParameters()));
    p.trend().ifPresent(trend -> json.set("trend", trend(trend)));
    p.trendFlopAtDate().ifPresent(flop -> json.put("trendFlopAtDate", flop));
    p.ratioToTrend().ifPresent(ratio -> json.put("ratioToTrend", ratio));
    json.put("attribution", attribution);
    return json;
  }

  /**
   * The models a chart of the landscape plots: each model with a training compute figure, by name, organisation,
   * publication date, compute and Epoch's frontier flag, in the catalog's order.
   *
   * @param models the catalog's models
   */
  public static ArrayNode models(List<NotableModel> models) {
    ArrayNode list = NODES.arrayNode();
    for (NotableModel model : models) {
      if (model.trainingComputeFlop().isEmpty()) {
        continue;
      }
      list.addObject()
          .put("model", model.name())
          .put("organization", model.organization())
          .put("publicationDate", model.publicationDate().toString())
          .put("trainingComputeFlop", model.trainingComputeFlop().getAsDouble())
          .put("epochFrontier", model.epochFrontier());
    }
    return list;
  }

  /**
   * The trend line's two ends: its compute at the first date it was fitted on and at {@code until} (or its last
   * date, whichever is later), so that a chart can draw the line without evaluating the fit.
   *
   * @param trend the fit
   * @param until the date the line should reach (a plan's date)
   */
  public static ArrayNode trendLine(FrontierTrend trend, LocalDate until) {
    LocalDate end = until.isAfter(trend.lastDate()) ? until : trend.lastDate();
    ArrayNode line = NODES.arrayNode();
    for (LocalDate date : List.of(trend.firstDate(), end)) {
      line.addObject().put("date", date.toString()).put("trainingFlop", trend.flopAt(date));
    }
    return line;
  }

  private static ArrayNode comparisons(List<Comparison> comparisons) {
    ArrayNode list = NODES.arrayNode();
    comparisons.forEach(c -> list.add(comparison(c)));
    return list;
  }
}
