package dev.persistence.cli;

import dev.persistence.core.data.CurationCostModel;
import dev.persistence.core.data.MixtureAllocation;
import dev.persistence.core.data.SourceAllocation;
import dev.persistence.io.data.MixtureFile;
import dev.persistence.io.data.MixtureFiles;
import dev.persistence.io.data.MixtureReportJson;
import dev.persistence.scaling.data.DataAdequacy;
import dev.persistence.scaling.data.DataBudget;
import dev.persistence.scaling.data.MixtureEffectiveTokens;
import dev.persistence.scaling.data.TokenTarget;
import dev.persistence.scaling.law.DataConstrainedLaw;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code persistence data}: a mixture spread over a token budget, with each source's tokens, epochs and cost,
 * the unique and effective tokens (Muennighoff et al. 2023), and warnings for sources repeated beyond the cap.
 */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "Spreads a data mixture over a token budget: per-source tokens, epochs and cost; unique and effective tokens"
          + " (Muennighoff et al. 2023 data-constrained law); warnings for over-repeated sources.",
      "With --parameters, also the loss penalty of the repetition under that law."
    })
final class DataCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "MIXTURE", description = "Mixture file (.yaml, .yml or .json).")
  Path mixtureFile;

  @Option(names = "--budget", required = true, paramLabel = "TOKENS", description = "Training tokens (1.5e13 or 15T).")
  String budget;

  @Option(
      names = "--parameters",
      paramLabel = "N",
      description = "Model parameters (7e9 or 7B): adds the loss with and without the repetition.")
  String parameters;

  @Mixin DatasetSource datasets;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    double budgetTokens = TokenCounts.parse("--budget", budget, "tokens");
    MixtureFile file = MixtureFiles.read(mixtureFile, datasets.catalog());
    DataConstrainedLaw law = DataConstrainedLaw.MUENNIGHOFF_2023;
    MixtureAllocation allocation = file.mixture().allocate(budgetTokens);
    MixtureEffectiveTokens effective = MixtureEffectiveTokens.of(law, allocation);
    DataBudget costs = DataBudget.of(allocation, file.curationCosts());
    DataAdequacy adequacy =
        parameters == null
            ? null
            : DataAdequacy.assess(
                law,
                new TokenTarget(TokenCounts.parse("--parameters", parameters, "parameters"), budgetTokens, "--budget"),
                file.mixture());
    if (json) {
      JsonOutput.print(
          spec.commandLine().getOut(), MixtureReportJson.toJson(file, allocation, effective, costs, adequacy, law));
    } else {
      table(spec.commandLine().getOut(), file, allocation, effective, costs, adequacy, law);
    }
    return 0;
  }

  private static void table(
      PrintWriter out,
      MixtureFile file,
      MixtureAllocation allocation,
      MixtureEffectiveTokens effective,
      DataBudget costs,
      DataAdequacy adequacy,
      DataConstrainedLaw law) {
    out.println(
        String.format(
            Locale.ROOT, "mixture %s, budget %s tokens", file.mixture().name(), TokenCounts.format(allocation.budgetTokens())));
    out.println(
        String.format(
            Locale.ROOT, "%-24s %7s %9s %9s %8s %10s %14s", "source", "weight", "tokens", "available", "epochs",
            "effective", "cost USD"));
    for (int i = 0; i < allocation.sources().size(); i++) {
      SourceAllocation source = allocation.sources().get(i);
      out.println(
          String.format(
              Locale.ROOT,
              "%-24s %7.4f %9s %9s %8.3f %10s %,14.0f%s",
              source.name(),
              source.weight(),
              TokenCounts.format(source.tokens()),
              TokenCounts.format(source.source().tokens()),
              source.epochs(),
              TokenCounts.format(effective.sources().get(i).effectiveTokens()),
              costs.sources().get(i).totalUsd(),
              source.overRepeated() ? "  over cap" : ""));
    }
    TextTable totals = new TextTable();
    totals.row("unique tokens", TokenCounts.format(effective.uniqueTokens()));
    totals.row("effective tokens", TokenCounts.format(effective.effectiveTokens()) + " (" + law.name() + ")");
    totals.row("acquisition USD", String.format(Locale.ROOT, "%,.0f", costs.acquisitionUsd()));
    totals.row("curation USD", String.format(Locale.ROOT, "%,.0f (assumed prices unless overridden)", costs.curationUsd()));
    totals.row("synthetic generation USD", String.format(Locale.ROOT, "%,.0f", costs.syntheticGenerationUsd()));
    totals.row("total USD", String.format(Locale.ROOT, "%,.0f", costs.totalUsd()));
    if (adequacy != null) {
      totals.row("repetition (tokens / unique)", String.format(Locale.ROOT, "%.3f", adequacy.repetition()));
      totals.row("loss, enough unique data", String.format(Locale.ROOT, "%.4f", adequacy.unconstrainedLoss()));
      totals.row("loss, this mixture", String.format(Locale.ROOT, "%.4f", adequacy.dataConstrainedLoss()));
      totals.row("loss penalty of repetition", String.format(Locale.ROOT, "%.4f nats/token", adequacy.lossPenalty()));
    }
    totals.print(out);
    for (SourceAllocation over : allocation.overRepeated()) {
      out.println("warning: " + MixtureReportJson.overRepeatedWarning(over, allocation.epochCap()));
    }
    CurationCostModel model = costs.costModel();
    out.println("curation prices: " + model.source());
    out.flush();
  }
}
