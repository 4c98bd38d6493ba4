package dev.persistence.io.scenario;

import dev.persistence.io.document.ValueCodecs;
import static dev.persistence.io.document.ValueCodecs.LONG;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.TEXT;
import static dev.persistence.io.document.ValueCodecs.integer;
import static dev.persistence.io.document.ValueCodecs.list;
import static dev.persistence.io.scenario.ScenarioCodecs.POSITIVE_INT;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.persistence.costing.landscape.NotableModel;
import dev.persistence.costing.landscape.PositioningRequest;
import dev.persistence.costing.landscape.TrendSelection;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.forecast.CapabilityRunsCsv;
import dev.persistence.scaling.forecast.CapabilityRun;
import dev.persistence.scaling.forecast.ExtrapolationError;
import dev.persistence.scaling.forecast.ForecastRequest;
import dev.persistence.scaling.forecast.ForecastSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario's {@code positioning} and {@code forecast} sections (issue 17), declared as field tables.
 *
 * <p>{@code positioning}: {@code date} (YYYY-MM-DD, required), at most one of {@code catalog} (a user catalog file,
 * the {@code persistence models --catalog} format) or {@code models} (the same entries inline), {@code neighbours}
 * (default 3), {@code topPerYear} (fit the trend to the K largest runs of each year; default Epoch's frontier flag).
 *
 * <p>{@code forecast}: {@code metric} (the score column, required), exactly one of {@code runs} (a CSV file, as
 * {@code persistence forecast} reads) or {@code runsInline} (a list of {@code parameters}, {@code tokens}, {@code
 * loss}, {@code score}, with an optional {@code source} naming where they came from), the CSV's {@code
 * paramsColumn}, {@code tokensColumn}, {@code lossColumn} (defaults {@code params}, {@code tokens}, {@code loss}),
 * and the fit's {@code floor}, {@code maxScore}, {@code samples}, {@code seed}, {@code confidence} (defaults of
 * {@link ForecastSettings#DEFAULT}). Files are resolved against the scenario's folder; they are never written (a
 * written scenario holds the models and the runs inline).
 */
final class LandscapeSections {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LandscapeSections() {}

  private static final String CATALOG = "catalog";
  private static final String MODELS = "models";
  private static final String TOP_PER_YEAR = "topPerYear";
  private static final String RUNS = "runs";
  private static final String RUNS_INLINE = "runsInline";

  /** A notable model in the catalog's entry format (its schema is the notable-model catalog's). */
  private static final Codec<NotableModel> NOTABLE_MODEL =
      ValueCodecs.composed(
          node -> NotableModelCatalog.readEntry(node, "scenario"),
          NotableModelCatalog::toJson,
          NotableModelCatalog::entrySchema);

  /** A file name, read as the node that names it (resolved, with errors at that node, once the table is read). */
  private static Codec<DocumentNode> file(String description) {
    return ValueCodecs.composed(
        node -> {
          node.asText();
          return node;
        },
        DocumentNode::json,
        definitions -> NODES.objectNode().put("type", "string").put("description", description));
  }

  /**
   * The {@code positioning} section.
   *
   * @param folder where {@code catalog} is resolved
   */
  static Codec<PositioningRequest> positioning(Path folder) {
    ObjectCodec<PositioningRequest, Map<String, Object>> table =
        ObjectCodec.fromMap(PositioningRequest.class, "positioning", fields -> positioning(fields, folder))
            .description("Place the plan among notable models (Epoch AI's 'Data on AI Models', CC BY 4.0) at a date.")
            .required(
                "date",
                ValueCodecs.date(
                    node -> "\"" + node.asText() + "\" is not a date (YYYY-MM-DD)", "YYYY-MM-DD, the plan's expected release"),
                PositioningRequest::date,
                ObjectCodec.into("date"))
            .optionalIfSet(
                CATALOG,
                file("a catalog file of the user's own models (persistence models --catalog format)"),
                request -> Optional.empty(),
                ObjectCodec.into(CATALOG))
            .optionalIfSet(
                MODELS,
                list(NOTABLE_MODEL),
                request -> request.models().isEmpty() ? Optional.empty() : Optional.of(request.models()),
                ObjectCodec.into(MODELS))
            .optional("neighbours", POSITIVE_INT, PositioningRequest::neighbours, ObjectCodec.into("neighbours"))
            .optionalIfSet(
                TOP_PER_YEAR,
                POSITIVE_INT,
                request ->
                    request.selection().topPerYear() > 0
                        ? Optional.of(request.selection().topPerYear())
                        : Optional.empty(),
                ObjectCodec.into(TOP_PER_YEAR))
            .describedAs("fit the frontier trend to the K largest runs of each year (default: Epoch's frontier flag)")
            .rules(fragment -> fragment.putObject("not").putArray("required").add(CATALOG).add(MODELS))
            .build();
    return table;
  }

  @SuppressWarnings("unchecked")
  private static PositioningRequest positioning(Map<String, Object> fields, Path folder) {
    DocumentNode catalog = (DocumentNode) fields.get(CATALOG);
    if (catalog != null && fields.containsKey(MODELS)) {
      throw new IllegalArgumentException("give at most one of catalog, models");
    }
    List<NotableModel> models = new ArrayList<>();
    if (catalog != null) {
      models.addAll(NotableModelCatalog.read(folder.resolve(catalog.asText())).models());
    }
    models.addAll((List<NotableModel>) fields.getOrDefault(MODELS, List.of()));
    TrendSelection selection =
        fields.containsKey(TOP_PER_YEAR)
            ? TrendSelection.topPerYear((Integer) fields.get(TOP_PER_YEAR))
            : TrendSelection.EPOCH_FRONTIER;
    return new PositioningRequest(
        (java.time.LocalDate) fields.get("date"), models, (Integer) fields.getOrDefault("neighbours", 3), selection);
  }

  /** One run of the team's: its size, its loss and its score. */
  private static final Codec<CapabilityRun> RUN =
      ObjectCodec.record(CapabilityRun.class, "forecastRun")
          .required("parameters", POSITIVE_NUMBER)
          .required("tokens", POSITIVE_NUMBER)
          .required("loss", POSITIVE_NUMBER)
          .required("score", NUMBER)
          .build();

  /**
   * The {@code forecast} section.
   *
   * @param folder where {@code runs} is resolved
   */
  static Codec<ForecastRequest> forecast(Path folder) {
    ObjectCodec<ForecastRequest, Map<String, Object>> table =
        ObjectCodec.fromMap(ForecastRequest.class, "forecast", fields -> forecast(fields, folder))
            .description("Capability forecast by the Llama 3 two-step method, fitted to the team's runs.")
            .required("metric", TEXT, ForecastRequest::metric, ObjectCodec.into("metric"))
            .optional("source", TEXT, ForecastRequest::source, ObjectCodec.into("source"))
            .describedAs("where inline runs came from (written by ScenarioFiles.write)")
            .optionalIfSet(RUNS, file("a CSV file of runs with a header row"), request -> Optional.empty(), ObjectCodec.into(RUNS))
            .optional(RUNS_INLINE, list(RUN), ForecastRequest::runs, ObjectCodec.into(RUNS_INLINE))
            .optionalIfSet("paramsColumn", TEXT, request -> Optional.empty(), ObjectCodec.into("paramsColumn"))
            .optionalIfSet("tokensColumn", TEXT, request -> Optional.empty(), ObjectCodec.into("tokensColumn"))
            .optionalIfSet("lossColumn", TEXT, request -> Optional.empty(), ObjectCodec.into("lossColumn"))
            .optional("floor", NUMBER, request -> request.settings().floor(), ObjectCodec.into("floor"))
            .optional("maxScore", NUMBER, request -> request.settings().maxScore(), ObjectCodec.into("maxScore"))
            .optional("samples", integer(20), request -> request.settings().samples(), ObjectCodec.into("samples"))
            .optional("seed", LONG, request -> request.settings().seed(), ObjectCodec.into("seed"))
            .optional("confidence", ValueCodecs.OPEN_FRACTION, request -> request.settings().confidence(), ObjectCodec.into("confidence"))
            .optional(
                "extrapolationError",
                ValueCodecs.enumeration(ExtrapolationError.class),
                request -> request.settings().extrapolationError(),
                ObjectCodec.into("extrapolationError"))
            .describedAs(
                "the interval's extrapolation term, Epoch AI's measured error per order of magnitude of compute"
                    + " (Owen 2024, arXiv:2401.04757): epoch-bbh-aggregate (6 points, the default),"
                    + " epoch-big-bench-task (18 points) or none (the bootstrap alone)")
            .rules(fragment -> {
              var exactlyOne = fragment.putArray("oneOf");
              exactlyOne.addObject().putArray("required").add(RUNS);
              exactlyOne.addObject().putArray("required").add(RUNS_INLINE);
            })
            .build();
    return table;
  }

  @SuppressWarnings("unchecked")
  private static ForecastRequest forecast(Map<String, Object> fields, Path folder) {
    DocumentNode file = (DocumentNode) fields.get(RUNS);
    if ((file != null) == fields.containsKey(RUNS_INLINE)) {
      throw new IllegalArgumentException("give exactly one of runs (a CSV file), runsInline");
    }
    ForecastSettings d = ForecastSettings.DEFAULT;
    String metric = (String) fields.get("metric");
    List<CapabilityRun> runs;
    String source;
    if (file != null) {
      CapabilityRunsCsv csv =
          new CapabilityRunsCsv(
              (String) fields.getOrDefault("paramsColumn", "params"),
              (String) fields.getOrDefault("tokensColumn", "tokens"),
              (String) fields.getOrDefault("lossColumn", "loss"),
              metric);
      source = file.asText();
      runs = file.build(() -> csv.read(folder.resolve(file.asText())));
    } else {
      source = (String) fields.getOrDefault("source", "scenario");
      runs = (List<CapabilityRun>) fields.get(RUNS_INLINE);
    }
    ForecastSettings settings =
        new ForecastSettings(
            (Double) fields.getOrDefault("floor", d.floor()),
            (Double) fields.getOrDefault("maxScore", d.maxScore()),
            (Integer) fields.getOrDefault("samples", d.samples()),
            (Long) fields.getOrDefault("seed", d.seed()),
            (Double) fields.getOrDefault("confidence", d.confidence()),
            (ExtrapolationError) fields.getOrDefault("extrapolationError", d.extrapolationError()));
    return new ForecastRequest(runs, metric, source, settings);
  }
}
