package dev.persistence.cli;

import dev.persistence.core.data.CurationCostModel;
import dev.persistence.core.data.MixtureAllocation;
import dev.persistence.core.data.SourceAllocation;
import dev.persistence.io.data.MixtureFile;
import dev.persistence.io.data.MixtureFiles;
import dev.persistence.io.document.EnumNames;
import dev.persistence.scaling.data.DataAdequacy;
import dev.persistence.scaling.data.DataBudget;
import dev.persistence.scaling.data.MixtureEffectiveTokens;
import dev.persistence.scaling.data.SourceCost;
import dev.persistence.scaling.data.SourceEffectiveTokens;
import dev.persistence.scaling.data.TokenTarget;
import dev.persistence.scaling.law.DataConstrainedLaw;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      JsonOutput.print(spec.commandLine().getOut(), report(file, allocation, effective, costs, adequacy, law));
    } else {
      table(spec.commandLine().getOut(), file, allocation, effective, costs, adequacy, law);
    }
    return 0;
  }

  private static Map<String, Object> report(
      MixtureFile file,
      MixtureAllocation allocation,
      MixtureEffectiveTokens effective,
      DataBudget costs,
      DataAdequacy adequacy,
      DataConstrainedLaw law) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mixture", file.mixture().name());
    out.put("budgetTokens", allocation.budgetTokens());
    out.put("epochCap", allocation.epochCap());
    List<Map<String, Object>> sources = new ArrayList<>();
    for (int i = 0; i < allocation.sources().size(); i++) {
      SourceAllocation source = allocation.sources().get(i);
      SourceEffectiveTokens sourceEffective = effective.sources().get(i);
      SourceCost cost = costs.sources().get(i);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", source.name());
      s.put("weight", source.weight());
      s.put("tokens", source.tokens());
      s.put("availableTokens", source.source().tokens());
      s.put("uniqueTokens", source.uniqueTokens());
      s.put("epochs", source.epochs());
      s.put("effectiveTokens", sourceEffective.effectiveTokens());
      s.put("overRepeated", source.overRepeated());
      s.put("licence", EnumNames.kebabCase(source.source().licenceClass()));
      s.put("acquisitionUsd", cost.acquisitionUsd());
      s.put("curationUsd", cost.curationUsd());
      s.put("syntheticGenerationUsd", cost.syntheticGenerationUsd());
      s.put("costUsd", cost.totalUsd());
      sources.add(s);
    }
    out.put("sources", sources);
    out.put("totalTokens", allocation.totalTokens());
    out.put("uniqueTokens", effective.uniqueTokens());
    out.put("effectiveTokens", effective.effectiveTokens());
    out.put("costUsd", costs.totalUsd());
    Map<String, Object> breakdown = new LinkedHashMap<>();
    breakdown.put("acquisitionUsd", costs.acquisitionUsd());
    breakdown.put("curationUsd", costs.curationUsd());
    breakdown.put("syntheticGenerationUsd", costs.syntheticGenerationUsd());
    breakdown.put("curationCostSource", costs.costModel().source());
    out.put("costBreakdown", breakdown);
    List<String> warnings = new ArrayList<>();
    for (SourceAllocation over : allocation.overRepeated()) {
      warnings.add(warning(over, allocation.epochCap()));
    }
    out.put("warnings", warnings);
    out.put("law", law.name() + ": " + law.source());
    if (adequacy != null) {
      Map<String, Object> loss = new LinkedHashMap<>();
      loss.put("parameters", adequacy.target().parameters());
      loss.put("repetition", adequacy.repetition());
      loss.put("shortfallTokens", adequacy.shortfallTokens());
      loss.put("unconstrainedLoss", adequacy.unconstrainedLoss());
      loss.put("dataConstrainedLoss", adequacy.dataConstrainedLoss());
      loss.put("lossPenalty", adequacy.lossPenalty());
      out.put("repetitionLoss", loss);
    }
    return out;
  }

  private static String warning(SourceAllocation source, double cap) {
    return String.format(
        Locale.ROOT,
        "%s is repeated %.2f times, above the cap of %.4g epochs: repeated tokens lose value fast beyond about 4"
            + " epochs (Muennighoff et al. 2023)",
        source.name(),
        source.epochs(),
        cap);
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
      out.println("warning: " + warning(over, allocation.epochCap()));
    }
    CurationCostModel model = costs.costModel();
    out.println("curation prices: " + model.source());
    out.flush();
  }
}
