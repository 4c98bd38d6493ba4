package dev.persistence.io.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.landscape.NotableModel;
import dev.persistence.costing.landscape.PositioningRequest;
import dev.persistence.costing.landscape.TrendSelection;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.forecast.CapabilityRunsCsv;
import dev.persistence.scaling.forecast.CapabilityRun;
import dev.persistence.scaling.forecast.ForecastRequest;
import dev.persistence.scaling.forecast.ForecastSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scenario's {@code positioning} and {@code forecast} sections (issue 17).
 *
 * <p>{@code positioning}: {@code date} (YYYY-MM-DD, required), at most one of {@code catalog} (a user catalog file,
 * the {@code persistence models --catalog} format) or {@code models} (the same entries inline), {@code neighbours}
 * (default 3), {@code topPerYear} (fit the trend to the K largest runs of each year; default Epoch's frontier flag).
 *
 * <p>{@code forecast}: {@code metric} (the score column, required), exactly one of {@code runs} (a CSV file, as
 * {@code persistence forecast} reads) or {@code runsInline} (a list of {@code parameters}, {@code tokens}, {@code
 * loss}, {@code score}, with an optional {@code source} naming where they came from), the CSV's {@code paramsColumn}, {@code tokensColumn}, {@code lossColumn} (defaults {@code
 * params}, {@code tokens}, {@code loss}), and the fit's {@code floor}, {@code maxScore}, {@code samples}, {@code seed},
 * {@code confidence} (defaults of {@link ForecastSettings#DEFAULT}).
 */
final class LandscapeSections {
  private LandscapeSections() {}

  static PositioningRequest readPositioning(DocumentNode node, Path folder) {
    ObjectFields fields = node.fields();
    DocumentNode dateNode = fields.required("date");
    LocalDate date;
    try {
      date = LocalDate.parse(dateNode.asText());
    } catch (DateTimeParseException e) {
      throw dateNode.error("\"" + dateNode.asText() + "\" is not a date (YYYY-MM-DD)");
    }
    List<NotableModel> models = new ArrayList<>();
    Optional<DocumentNode> catalog = fields.optional("catalog");
    Optional<DocumentNode> inline = fields.optional("models");
    if (catalog.isPresent() && inline.isPresent()) {
      throw node.error("give at most one of catalog, models");
    }
    if (catalog.isPresent()) {
      models.addAll(NotableModelCatalog.read(folder.resolve(catalog.get().asText())).models());
    }
    inline.ifPresent(
        list -> list.elements().forEach(entry -> models.add(NotableModelCatalog.readEntry(entry, "scenario"))));
    int neighbours = fields.optional("neighbours").map(DocumentNode::asPositiveInt).orElse(3);
    TrendSelection selection =
        fields
            .optional("topPerYear")
            .map(k -> TrendSelection.topPerYear(k.asPositiveInt()))
            .orElse(TrendSelection.EPOCH_FRONTIER);
    fields.finish();
    return node.build(() -> new PositioningRequest(date, models, neighbours, selection));
  }

  static ForecastRequest readForecast(DocumentNode node, Path folder) {
    ObjectFields fields = node.fields();
    String metric = fields.requiredText("metric");
    Optional<DocumentNode> file = fields.optional("runs");
    Optional<DocumentNode> inline = fields.optional("runsInline");
    Optional<String> givenSource = fields.optionalText("source");
    String params = fields.optionalText("paramsColumn").orElse("params");
    String tokens = fields.optionalText("tokensColumn").orElse("tokens");
    String loss = fields.optionalText("lossColumn").orElse("loss");
    ForecastSettings d = ForecastSettings.DEFAULT;
    double floor = fields.optionalDouble("floor").orElse(d.floor());
    double maxScore = fields.optionalDouble("maxScore").orElse(d.maxScore());
    int samples = fields.optionalInt("samples").orElse(d.samples());
    long seed = fields.optionalLong("seed").orElse(d.seed());
    double confidence = fields.optionalDouble("confidence").orElse(d.confidence());
    if (file.isPresent() == inline.isPresent()) {
      throw node.error("give exactly one of runs (a CSV file), runsInline");
    }
    List<CapabilityRun> runs = new ArrayList<>();
    String source;
    if (file.isPresent()) {
      Path csv = folder.resolve(file.get().asText());
      source = file.get().asText();
      runs.addAll(file.get().build(() -> new CapabilityRunsCsv(params, tokens, loss, metric).read(csv)));
    } else {
      source = givenSource.orElse("scenario");
      for (DocumentNode run : inline.get().elements()) {
        ObjectFields r = run.fields();
        double n = r.requiredDouble("parameters");
        double t = r.requiredDouble("tokens");
        double l = r.requiredDouble("loss");
        double s = r.requiredDouble("score");
        r.finish();
        runs.add(run.build(() -> new CapabilityRun(n, t, l, s)));
      }
    }
    fields.finish();
    return node.build(
        () -> new ForecastRequest(runs, metric, source, new ForecastSettings(floor, maxScore, samples, seed, confidence)));
  }

  static void writePositioning(PositioningRequest request, ObjectNode out) {
    ObjectNode section = out.putObject("positioning");
    section.put("date", request.date().toString());
    if (!request.models().isEmpty()) {
      ArrayNode models = section.putArray("models");
      request.models().forEach(model -> models.add(NotableModelCatalog.toJson(model)));
    }
    section.put("neighbours", request.neighbours());
    if (request.selection().topPerYear() > 0) {
      section.put("topPerYear", request.selection().topPerYear());
    }
  }

  static void writeForecast(ForecastRequest request, ObjectNode out) {
    ObjectNode section = out.putObject("forecast");
    section.put("metric", request.metric());
    section.put("source", request.source());
    ArrayNode runs = section.putArray("runsInline");
    for (CapabilityRun run : request.runs()) {
      runs.addObject()
          .put("parameters", run.parameters())
          .put("tokens", run.tokens())
          .put("loss", run.loss())
          .put("score", run.score());
    }
    ForecastSettings settings = request.settings();
    section.put("floor", settings.floor());
    section.put("maxScore", settings.maxScore());
    section.put("samples", settings.samples());
    section.put("seed", settings.seed());
    section.put("confidence", settings.confidence());
  }
}
