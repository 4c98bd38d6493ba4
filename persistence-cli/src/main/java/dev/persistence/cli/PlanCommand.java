package dev.persistence.cli;

import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.costing.plan.ImmutableScenario;
import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.plan.PlanReport.TargetResult;
import dev.persistence.costing.plan.Planner;
import dev.persistence.costing.plan.Scenario;
import dev.persistence.costing.program.ProgramBudget;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.uncertainty.CostOutput;
import dev.persistence.costing.uncertainty.Percentiles;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.plan.PlanReportJson;
import dev.persistence.io.scenario.ScenarioFiles;
import dev.persistence.scaling.data.DataAdequacy;
import dev.persistence.report.PlanReportPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code persistence plan}: a scenario file in, the whole plan out. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Plans a model from a scenario file: parameters and FLOPs, the compute-optimal check, the best parallel"
            + " plan, days, accelerator-hours, money, energy, carbon, thresholds crossed, the program budget and"
            + " timeline, uncertainty bands, and the scenario's targets.")
final class PlanCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "A scenario file (YAML or JSON).")
  Path scenarioFile;

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write the report as one self-contained HTML page (charts, tables and the JSON inline; opens"
              + " offline).")
  Path html;

  @Option(names = "--samples", paramLabel = "N", description = "Monte Carlo samples (overrides the scenario's).")
  Integer samples;

  @Option(names = "--seed", paramLabel = "S", description = "Monte Carlo seed (overrides the scenario's).")
  Long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Scenario scenario = ScenarioFiles.read(scenarioFile);
    if (samples != null || seed != null) {
      ImmutableScenario copy = ImmutableScenario.copyOf(scenario);
      if (samples != null) {
        copy = copy.withSamples(samples);
      }
      if (seed != null) {
        copy = copy.withSeed(seed);
      }
      scenario = copy;
    }
    PlanReport report;
    try {
      report = Planner.plan(scenario);
    } catch (IllegalArgumentException e) {
      // Rules broken by a derived value (the serving fleet, a given plan's memory) surface only when planning:
      // name the file, as the reader's errors do.
      throw new IllegalArgumentException(scenarioFile + ": " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (html != null) {
      writeHtml(report);
    }
    if (json) {
      JsonOutput.print(out, PlanReportJson.toJson(report));
    } else {
      print(report, out);
    }
    return 0;
  }

  private void writeHtml(PlanReport report) {
    try {
      Path parent = html.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new IllegalArgumentException("--html (" + html + "): folder " + parent + " does not exist");
      }
      Files.writeString(html, PlanReportPage.html(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("--html (" + html + "): cannot write the file: " + e.getMessage(), e);
    }
  }

  private static String number(double value) {
    double abs = Math.abs(value);
    if (abs >= 1e12) {
      return String.format(Locale.ROOT, "%.2fT", value / 1e12);
    }
    if (abs >= 1e9) {
      return String.format(Locale.ROOT, "%.2fB", value / 1e9);
    }
    if (abs >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", value / 1e6);
    }
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }

  private static String usd(double value) {
    return "$" + number(value);
  }

  static void print(PlanReport report, PrintWriter out) {
    Scenario scenario = report.scenario();
    ParameterBreakdown parameters = report.parameters();
    out.println("Plan: " + scenario.name());
    out.println();
    out.println("Model");
    new TextTable().leftAligned()
        .row("parameters (total / active)", number(parameters.totalParameters()) + " / " + number(parameters.activeParameters()))
        .row("training tokens", number(scenario.trainingTokens()))
        .row("training FLOPs (exact, per token)", String.format(Locale.ROOT, "%.3e (%s)", report.trainingFlops(), number(report.trainingFlopsPerToken())))
        .print(out);
    var optimal = report.computeOptimal();
    out.println();
    out.println("Compute-optimal check (" + optimal.law() + ", same 6ND compute)");
    new TextTable().leftAligned()
        .row("predicted loss", String.format(Locale.ROOT, "%.4f", optimal.predictedLoss()))
        .row("tokens per parameter (plan / optimal)", String.format(Locale.ROOT, "%.1f / %.1f", optimal.tokensPerParameter(), optimal.optimalTokensPerParameter()))
        .row("verdict", verdict(optimal.trainingRatio()))
        .row("optimal split", number(optimal.optimalParameters()) + " parameters on " + number(optimal.optimalTokens()) + " tokens, loss " + String.format(Locale.ROOT, "%.4f", optimal.optimalLoss()))
        .print(out);
    out.println();
    out.println("Run on " + scenario.cluster().acceleratorCount() + " x " + scenario.cluster().accelerator().name());
    TextTable run = new TextTable().leftAligned().row("speed from", report.run().source());
    report.run().step().ifPresent(step -> run.row("plan", step.plan().toString()));
    report.run().step().ifPresent(step -> run.row("step", String.format(Locale.ROOT, "%.2f s, memory %.1f GiB/accelerator", step.stepSeconds(), step.memoryBytesPerAccelerator() / (double) (1L << 30))));
    run.row("accelerators used", String.format(Locale.ROOT, "%,d", report.run().acceleratorCount()))
        .row("MFU", String.format(Locale.ROOT, "%.1f%%", 100 * report.run().modelFlopsUtilization()))
        .row("training days (goodput " + String.format(Locale.ROOT, "%.0f%%", 100 * scenario.goodput().fraction()) + ")", String.format(Locale.ROOT, "%.1f", report.run().trainingDays()))
        .row("accelerator-hours", number(report.run().acceleratorHours()))
        .row("training cost", usd(report.trainingCostUsd()) + " at $" + scenario.price().usdPerAcceleratorHour() + "/h")
        .row("on an owned cluster", report.ownedTrainingCost().map(owned -> usd(owned.totalUsd())).orElse("(no owned economics given)"))
        .row("energy", String.format(Locale.ROOT, "%.1f GWh", report.energyKilowattHours() / 1e6))
        .row("CO2e (location / market)", String.format(Locale.ROOT, "%,.0f t / %,.0f t", report.co2LocationTonnes(), report.co2MarketTonnes()))
        .print(out);
    out.println();
    out.println(String.format(Locale.ROOT, "Regulatory thresholds (cumulative %.2e FLOP)", report.cumulativeTrainingFlops()));
    if (report.thresholdsCrossed().isEmpty()) {
      out.println("  none crossed");
    }
    for (ComputeThreshold threshold : report.thresholdsCrossed()) {
      out.println("  crosses " + threshold.summary());
    }
    PostTrainingReports.printPostTraining(report, out);
    report.data().ifPresent(data -> printData(report, data, out));
    report
        .serving()
        .ifPresent(
            serving -> {
              out.println();
              out.println("Serving (roofline: a lower bound on cost)");
              new TextTable()
                  .leftAligned()
                  .row("batch per replica", String.valueOf(serving.estimate().batch()))
                  .row("fleet", String.format(Locale.ROOT, "%,d replicas, %,d accelerators", serving.fleet().replicas(), serving.fleet().accelerators()))
                  .row("per million tokens (in / out)", String.format(Locale.ROOT, "$%.3f / $%.3f", serving.estimate().usdPerMillionInputTokens(), serving.estimate().usdPerMillionOutputTokens()))
                  .row("cost", usd(serving.fleet().usdPerDay()) + " per day, " + usd(serving.costUsd()) + " in all")
                  .print(out);
            });
    ProgramBudget budget = report.budget();
    out.println();
    out.println("Program (" + budget.months() + " months)");
    TextTable program =
        new TextTable().leftAligned()
            .row("compute", usd(budget.computeUsd()))
            .row("data", usd(budget.dataUsd()))
            .row("people (peak " + String.format(Locale.ROOT, "%.0f", budget.peakHeadcount()) + ")", usd(budget.peopleUsd()))
            .row("other", usd(budget.otherUsd()))
            .row("planned spend", usd(budget.totalUsd()))
            .row("contingency", usd(budget.contingencyUsd()))
            .row("funding needed", usd(budget.fundingNeededUsd()))
            .row("peak monthly burn", usd(budget.peakMonthlyBurnUsd()));
    budget.runwayMonths().ifPresent(months -> program.row("runway on funding in hand", months + " months"));
    program.print(out);
    out.println();
    out.println("Uncertainty (" + scenario.samples() + " samples, seed " + scenario.seed() + "): P10 / P50 / P90");
    TextTable bands = new TextTable().leftAligned();
    for (Map.Entry<CostOutput, Percentiles> band : report.bands().entrySet()) {
      Percentiles p = band.getValue();
      bands.row(EnumNames.kebabCase(band.getKey()), number(p.p10()) + " / " + number(p.p50()) + " / " + number(p.p90()));
    }
    bands.print(out);
    out.println("  most sensitive: " + (report.sensitivity().isEmpty() ? "none" : EnumNames.kebabCase(report.sensitivity().get(0).input())));
    if (!report.targets().isEmpty()) {
      out.println();
      out.println("Targets");
      TextTable targets = new TextTable().leftAligned();
      for (TargetResult target : report.targets()) {
        String range =
            (target.target().min().isPresent() ? number(target.target().min().getAsDouble()) : "")
                + ".."
                + (target.target().max().isPresent() ? number(target.target().max().getAsDouble()) : "");
        String verdict =
            target.inside()
                ? "inside"
                : String.format(Locale.ROOT, "misses by %+.0f%%", 100 * target.miss());
        targets.row(EnumNames.kebabCase(target.target().metric()) + " [" + range + "]", number(target.value()) + "  " + verdict);
      }
      targets.print(out);
    }
    PlanLandscape.print(report, out);
    out.flush();
  }

  private static void printData(PlanReport report, DataAdequacy data, PrintWriter out) {
    out.println();
    out.println("Data");
    TextTable table =
        new TextTable().leftAligned()
            .row("unique tokens in the mixture", number(data.effective().uniqueTokens()))
            .row("effective tokens (Muennighoff)", number(data.effective().effectiveTokens()))
            .row("repetition", String.format(Locale.ROOT, "%.2f epochs", data.repetition()))
            .row("loss penalty of repetition", String.format(Locale.ROOT, "%.4f", data.lossPenalty()));
    report.dataBudget().ifPresent(cost -> table.row("data budget", usd(cost.totalUsd())));
    table.print(out);
  }

  private static String verdict(double ratio) {
    if (ratio > 1.1) {
      return String.format(Locale.ROOT, "over-trained %.1fx (more tokens per parameter than optimal)", ratio);
    }
    if (ratio < 0.9) {
      return String.format(Locale.ROOT, "under-trained %.1fx (fewer tokens per parameter than optimal)", 1 / ratio);
    }
    return "compute-optimal (within 10%)";
  }

}
