package dev.persistence.cli;

import dev.persistence.costing.landscape.FrontierTrend;
import dev.persistence.costing.landscape.NotableModel;
import dev.persistence.costing.landscape.TrendSelection;
import dev.persistence.costing.landscape.ModelCatalog;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.io.landscape.LandscapeJson;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code persistence models}: the catalog of notable models (Epoch AI's data) and the frontier trend. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description =
        "Lists notable published models (Epoch AI, 'Data on AI Models', CC BY 4.0): date, organisation, training"
            + " compute with Epoch's confidence, parameters, tokens, hardware, time, MFU, cost, access; and the"
            + " fitted growth of frontier training compute.")
final class ModelsCommand implements Callable<Integer> {

  @Mixin ModelSources source;

  @Option(names = "--since", paramLabel = "DATE", description = "Only models published on or after DATE (YYYY-MM-DD).")
  String since;

  @Option(names = "--min-compute", paramLabel = "FLOP", description = "Only models trained with at least FLOP.")
  Double minCompute;

  @Option(
      names = "--top-per-year",
      paramLabel = "K",
      description = "Fit the trend to the K largest runs of each year instead of Epoch's frontier flag.")
  Integer topPerYear;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LocalDate from = since == null ? LocalDate.MIN : ModelSources.date("--since", since);
    if (minCompute != null && !(minCompute >= 0 && Double.isFinite(minCompute))) {
      throw new IllegalArgumentException("--min-compute (" + minCompute + ") must be finite and >= 0");
    }
    ModelCatalog catalog = source.catalog();
    List<NotableModel> shown = new ArrayList<>();
    for (NotableModel model : catalog.models()) {
      boolean recent = !model.publicationDate().isBefore(from);
      boolean large =
          minCompute == null
              || (model.trainingComputeFlop().isPresent() && model.trainingComputeFlop().getAsDouble() >= minCompute);
      if (recent && large) {
        shown.add(model);
      }
    }
    TrendSelection selection = topPerYear == null ? TrendSelection.EPOCH_FRONTIER : TrendSelection.topPerYear(topPerYear);
    // The trend is the whole catalog's: the filters choose what is listed, not what "the frontier" is.
    FrontierTrend trend = FrontierTrend.fit(catalog.models(), selection, LocalDate.MIN);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, LandscapeJson.listing(catalog, shown, trend));
      return 0;
    }
    String format = "%-10s  %-34s  %-22s  %-21s  %9s  %9s  %-28s  %7s  %5s  %10s  %s%n";
    out.printf(
        Locale.ROOT, format, "date", "model", "organization", "compute FLOP (Epoch)", "params", "tokens",
        "hardware", "hours", "MFU", "cost 2023$", "access");
    for (NotableModel model : shown) {
      String hardware =
          model.hardware().map(h -> (model.hardwareCount().isPresent() ? model.hardwareCount().getAsLong() + " x " : "") + h).orElse("-");
      out.printf(
          Locale.ROOT,
          format,
          model.publicationDate(),
          clip(model.name(), 34),
          clip(model.organization(), 22),
          Landscapes.scientific(model.trainingComputeFlop()) + " " + model.computeConfidence().label(),
          Landscapes.scientific(model.totalParameters()),
          Landscapes.scientific(model.trainingTokens()),
          clip(hardware, 28),
          model.trainingTimeHours().isPresent() ? String.format(Locale.ROOT, "%,.0f", model.trainingTimeHours().getAsDouble()) : "-",
          model.modelFlopsUtilization().isPresent() ? String.format(Locale.ROOT, "%.0f%%", 100 * model.modelFlopsUtilization().getAsDouble()) : "-",
          model.trainingCostUsd2023().isPresent() ? String.format(Locale.ROOT, "%.3g", model.trainingCostUsd2023().getAsDouble()) : "-",
          model.accessibility().isEmpty() ? "-" : model.accessibility());
    }
    out.println();
    out.printf(Locale.ROOT, "%d models (catalog %s)%n", shown.size(), catalog.version());
    out.println("frontier compute trend: " + trend.summary());
    out.println("data: " + catalog.attribution());
    out.flush();
    return 0;
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }
}
