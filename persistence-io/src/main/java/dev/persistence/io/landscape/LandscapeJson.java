package dev.persistence.io.landscape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.landscape.Comparison;
import dev.persistence.costing.landscape.FrontierTrend;
import dev.persistence.costing.landscape.ModelCatalog;
import dev.persistence.costing.landscape.NotableModel;
import dev.persistence.costing.landscape.Positioning;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.io.document.ResultDocument;
import java.time.LocalDate;
import java.util.List;

/**
 * The landscape as JSON: the frontier trend ({@code persistence models --json}'s {@code frontierTrend}), one
 * comparison with a notable model, and a plan's positioning (the plan report's {@code positioning} section).
 */
public final class LandscapeJson {
  private LandscapeJson() {}

  private static final ResultDocument<FrontierTrend> TREND =
      ResultDocument.of(FrontierTrend.class)
          .field("selection", trend -> trend.selection().describe())
          .fields("models", "firstDate", "lastDate", "slopeOomPerYear", "growthPerYear", "monthsPerTenfold")
          .fields("slopeStandardError")
          .field("residualStandardDeviationOom", FrontierTrend::residualStandardDeviation)
          .fields("confidence")
          .field("growthPerYearLower", trend -> Math.pow(10, trend.slopeLower()))
          .field("growthPerYearUpper", trend -> Math.pow(10, trend.slopeUpper()))
          .field("bootstrapGrowthPerYearLower", trend -> Math.pow(10, trend.bootstrapSlopeLower()))
          .field("bootstrapGrowthPerYearUpper", trend -> Math.pow(10, trend.bootstrapSlopeUpper()))
          .fields("bootstrapSamples")
          .build();

  private static final ResultDocument<Comparison> COMPARISON =
      ResultDocument.of(Comparison.class)
          .field("model", c -> c.model().name())
          .field("organization", c -> c.model().organization())
          .field("publicationDate", c -> c.model().publicationDate())
          .field("trainingComputeFlop", c -> c.model().trainingComputeFlop())
          .field("computeConfidence", c -> c.model().computeConfidence().label())
          .field("totalParameters", c -> c.model().totalParameters())
          .fields("ratio")
          .build();

  /**
   * A plan's positioning with the attribution of the catalog it was placed in.
   *
   * @param positioning the positioning
   * @param attribution the catalog's attribution line (Epoch AI's CC BY 4.0 credit for the bundled one)
   */
  public record Placed(Positioning positioning, String attribution) {}

  /**
   * A plan's positioning: its rank, the leader, its neighbours by compute and parameters, the trend and the
   * plan's ratio to it, and the data's attribution.
   */
  public static final ResultDocument<Placed> POSITIONING =
      ResultDocument.of(Placed.class)
          .include(
              ResultDocument.of(Positioning.class)
                  .fields("date", "trainingFlop", "headline", "rank", "modelsCompared")
                  .object("leader", COMPARISON, Positioning::leader)
                  .objectIfPresent("below", COMPARISON, Positioning::below)
                  .objectIfPresent("above", COMPARISON, Positioning::above)
                  .list("nearestByCompute", COMPARISON, Positioning::nearestByCompute)
                  .list("nearestByParameters", COMPARISON, Positioning::nearestByParameters)
                  .objectIfPresent("trend", TREND, Positioning::trend)
                  .fields("trendFlopAtDate", "ratioToTrend")
                  .build(),
              Placed::positioning)
          .field("attribution", Placed::attribution)
          .build();

  private static final ResultDocument<NotableModel> POINT =
      ResultDocument.of(NotableModel.class)
          .field("model", NotableModel::name)
          .fields("organization", "publicationDate")
          .field("trainingComputeFlop", model -> model.trainingComputeFlop().getAsDouble())
          .fields("epochFrontier")
          .build();

  private record TrendPoint(LocalDate date, double trainingFlop) {}

  private static final ResultDocument<TrendPoint> TREND_POINT =
      ResultDocument.of(TrendPoint.class)
          .field("date", TrendPoint::date)
          .field("trainingFlop", TrendPoint::trainingFlop)
          .build();

  private record Listing(ModelCatalog catalog, List<NotableModel> shown, FrontierTrend trend) {}

  private static final ResultDocument<Listing> LISTING =
      ResultDocument.of(Listing.class)
          .field("catalogVersion", listing -> listing.catalog().version())
          .field("attribution", listing -> listing.catalog().attribution())
          .field("count", listing -> listing.shown().size())
          .field("models", listing -> listing.shown().stream().map(NotableModelCatalog::toJson).toList())
          .object("frontierTrend", TREND, Listing::trend)
          .build();

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
    return LISTING.write(new Listing(catalog, shown, trend));
  }

  /**
   * The fitted growth of frontier training compute, with its confidence and bootstrap intervals.
   *
   * @param trend the fit
   */
  public static ObjectNode trend(FrontierTrend trend) {
    return TREND.write(trend);
  }

  /**
   * A plan's positioning ({@link #POSITIONING}).
   *
   * @param p the positioning
   * @param attribution the catalog's attribution line (Epoch AI's CC BY 4.0 credit for the bundled one)
   */
  public static ObjectNode positioning(Positioning p, String attribution) {
    return POSITIONING.write(new Placed(p, attribution));
  }

  /**
   * The models a chart of the landscape plots: each model with a training compute figure, by name, organisation,
   * publication date, compute and Epoch's frontier flag, in the catalog's order.
   *
   * @param models the catalog's models
   */
  public static ArrayNode models(List<NotableModel> models) {
    return POINT.writeAll(models.stream().filter(model -> model.trainingComputeFlop().isPresent()).toList());
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
    return TREND_POINT.writeAll(
        List.of(trend.firstDate(), end).stream().map(date -> new TrendPoint(date, trend.flopAt(date))).toList());
  }
}
