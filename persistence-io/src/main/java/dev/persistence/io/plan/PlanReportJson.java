package dev.persistence.io.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.costing.landscape.ModelCatalog;
import dev.persistence.costing.landscape.Positioning;
import dev.persistence.costing.plan.PlanObligations;
import dev.persistence.costing.plan.PlanPositioning;
import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.plan.PlanReport.ComputeOptimalCheck;
import dev.persistence.costing.plan.PlanReport.IsoFlopCurve;
import dev.persistence.costing.plan.PlanReport.IsoFlopPoint;
import dev.persistence.costing.plan.PlanReport.RunEstimate;
import dev.persistence.costing.plan.PlanReport.ServingReport;
import dev.persistence.costing.plan.PlanReport.TargetResult;
import dev.persistence.costing.plan.PostTrainingReport;
import dev.persistence.costing.plan.PostTrainingReport.StageReport;
import dev.persistence.costing.plan.Scenario;
import dev.persistence.costing.program.Milestone;
import dev.persistence.costing.program.Phase;
import dev.persistence.costing.program.ProgramBudget;
import dev.persistence.costing.program.Role;
import dev.persistence.costing.regulation.AssessedObligation;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.regulation.DeveloperRevenue;
import dev.persistence.costing.regulation.Obligation;
import dev.persistence.costing.regulation.RevenueTier;
import dev.persistence.costing.regulation.TierStatus;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.uncertainty.Histogram;
import dev.persistence.costing.uncertainty.Percentiles;
import dev.persistence.costing.uncertainty.Sensitivity;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ResultDocument;
import dev.persistence.io.forecast.ForecastJson;
import dev.persistence.io.landscape.LandscapeJson;
import dev.persistence.io.memory.TrainingMemoryJson;
import dev.persistence.io.posttraining.StageEstimateJson;
import dev.persistence.io.regulation.ObligationDocuments;
import dev.persistence.scaling.data.DataAdequacy;
import dev.persistence.scaling.data.DataBudget;
import dev.persistence.scaling.data.MixtureEffectiveTokens;
import dev.persistence.scaling.data.SourceEffectiveTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A {@link PlanReport} as one JSON document: the object {@code persistence plan --json} prints and the HTML report
 * embeds. Field names carry their units ({@code Usd}, {@code Kwh}, {@code Tonnes}, {@code Bytes}); numbers are
 * the report's own doubles, unrounded.
 *
 * <p>One table per section, and the report's table lists the sections in the order the document does, so that a
 * new section is one new table and one line in {@link #REPORT}.
 */
public final class PlanReportJson {
  private PlanReportJson() {}

  /**
   * A parallelism plan as the report writes it (its degrees, batch, recomputation, offloads and accelerator count);
   * {@code train} and {@code search} print the same object.
   */
  public static final ResultDocument<ParallelismPlan> PARALLELISM_PLAN =
      ResultDocument.of(ParallelismPlan.class)
          .fields("tensorParallel", "pipelineParallel", "virtualPipelineStages", "dataParallel", "contextParallel")
          .fields("expertParallel", "sequenceParallel")
          .field("zeroStage", plan -> plan.zeroStage().stage())
          .fields("microBatchSize", "globalBatchSize", "sequenceLength")
          .field("recomputation", plan -> plan.recomputation().name().toLowerCase(Locale.ROOT))
          .fields("optimizerOffload", "activationOffload")
          .field("tensorParallelCommunication", plan -> EnumNames.kebabCase(plan.tensorParallelCommunication()))
          // Written, as in the plan codec, only when it is not the default (overlapped).
          .writtenWhen(plan -> plan.tensorParallelCommunication() != TensorParallelCommunication.OVERLAPPED)
          .fields("acceleratorCount")
          .build();

  private static final ResultDocument<PlanReport> MODEL =
      ResultDocument.of(PlanReport.class)
          .field("modelType", report -> report.scenario().architecture().family())
          .field("totalParameters", report -> report.parameters().totalParameters())
          .field("activeParameters", report -> report.parameters().activeParameters())
          .field("trainingTokens", report -> report.scenario().trainingTokens())
          .fields("trainingFlopsPerToken", "trainingFlops")
          .build();

  private static final ResultDocument<IsoFlopCurve> ISO_FLOP_CURVE =
      ResultDocument.of(IsoFlopCurve.class)
          .fields("trainingFlops", "optimalParameters", "optimalLoss")
          .list(
              "points",
              ResultDocument.of(IsoFlopPoint.class).fields("parameters", "tokens", "loss").build(),
              IsoFlopCurve::points)
          .build();

  private static final ResultDocument<PlanReport> COMPUTE_OPTIMAL =
      ResultDocument.of(PlanReport.class)
          .include(
              ResultDocument.of(ComputeOptimalCheck.class)
                  .fields("law", "parametersUsed", "predictedLoss", "optimalParameters", "optimalTokens")
                  .fields("optimalLoss", "tokensPerParameter", "optimalTokensPerParameter", "trainingRatio")
                  .build(),
              PlanReport::computeOptimal)
          .list("isoFlopCurves", ISO_FLOP_CURVE, PlanReport::isoFlopCurves)
          .build();

  private static final ResultDocument<RunEstimate> RUN =
      ResultDocument.of(RunEstimate.class)
          .fields("source", "acceleratorCount")
          .field("mfu", RunEstimate::modelFlopsUtilization)
          .include(
              ResultDocument.of(StepTimeEstimate.class)
                  .object("plan", PARALLELISM_PLAN, StepTimeEstimate::plan)
                  .fields("stepSeconds")
                  .field("hfu", StepTimeEstimate::hardwareFlopsUtilization)
                  .fields("memoryBytesPerAccelerator")
                  .field("breakdown", step -> step.breakdown().asMap())
                  .object("memory", TrainingMemoryJson.BREAKDOWN, StepTimeEstimate::memory)
                  .build(),
              run -> run.step().orElseThrow())
          .writtenWhen(run -> run.step().isPresent())
          .build();

  private static final ResultDocument<PlanReport> DATA =
      ResultDocument.of(PlanReport.class)
          .fields(PlanReportJson::data, DataAdequacy.class, "availableTokens")
          .fields(report -> data(report).effective(), MixtureEffectiveTokens.class, "uniqueTokens", "effectiveTokens")
          .fields(PlanReportJson::data, DataAdequacy.class, "repetition", "shortfallTokens", "lossPenalty")
          .field("costUsd", report -> report.dataBudget().map(DataBudget::totalUsd))
          .list(
              "sources",
              ResultDocument.of(SourceEffectiveTokens.class)
                  .fields("name", "tokens", "uniqueTokens", "epochs", "effectiveTokens")
                  .build(),
              report -> data(report).effective().sources())
          .build();

  private static final ResultDocument<ServingReport> SERVING =
      ResultDocument.of(ServingReport.class)
          .field("batch", serving -> serving.estimate().batch())
          .field("replicas", serving -> serving.fleet().replicas())
          .field("accelerators", serving -> serving.fleet().accelerators())
          .field("usdPerDay", serving -> serving.fleet().usdPerDay())
          .field("usdPerMillionInputTokens", serving -> serving.estimate().usdPerMillionInputTokens())
          .field("usdPerMillionOutputTokens", serving -> serving.estimate().usdPerMillionOutputTokens())
          .fields("costUsd")
          .field("inputTokensPerSecondPerReplica", serving -> serving.estimate().inputTokensPerSecond())
          .field("outputTokensPerSecondPerReplica", serving -> serving.estimate().outputTokensPerSecond())
          .field("busySecondsPerDay", serving -> serving.fleet().busySecondsPerDay())
          .build();

  private static final ResultDocument<Phase> PHASE =
      ResultDocument.of(Phase.class)
          .fields("name")
          .field("kind", phase -> EnumNames.kebabCase(phase.kind()))
          .fields("startMonth", "durationMonths")
          .field("computeUsd", Phase::computeCostUsd)
          .field("dataUsd", Phase::dataCostUsd)
          .field("otherUsd", Phase::otherCostUsd)
          .fields("costUsd")
          .build();

  /** A role over the program's months, for its headcount month by month. */
  private record Staffed(Role role, int months) {
    static List<Staffed> of(PlanReport report) {
      return report.program().team().stream().map(role -> new Staffed(role, report.budget().months())).toList();
    }
  }

  private static final ResultDocument<Staffed> ROLE =
      ResultDocument.of(Staffed.class)
          .fields(Staffed::role, Role.class, "name", "headcount", "loadedAnnualCostUsd", "hiringStartMonth")
          .fields(Staffed::role, Role.class, "hiringRampMonths")
          .field(
              "headcountByMonth",
              staffed -> IntStream.range(0, staffed.months()).mapToDouble(staffed.role()::headcountInMonth).toArray())
          .build();

  private static final ResultDocument<PlanReport> PROGRAM =
      ResultDocument.of(PlanReport.class)
          .fields(PlanReport::budget, ProgramBudget.class, "months", "computeUsd", "dataUsd", "peopleUsd", "otherUsd")
          .field("plannedUsd", report -> report.budget().totalUsd())
          .fields(PlanReport::budget, ProgramBudget.class, "contingencyUsd", "fundingNeededUsd", "peakMonthlyBurnUsd")
          .fields(PlanReport::budget, ProgramBudget.class, "peakHeadcount", "runwayMonths", "monthlyBurnUsd")
          .field("fundingAvailableUsd", report -> report.program().fundingAvailableUsd())
          .fields(PlanReport::budget, ProgramBudget.class, "cumulativeSpendUsd", "monthlyComputeUsd", "monthlyDataUsd")
          .fields(PlanReport::budget, ProgramBudget.class, "monthlyPeopleUsd", "monthlyOtherUsd", "monthlyHeadcount")
          .list("phases", PHASE, report -> report.program().phases())
          .list("team", ROLE, Staffed::of)
          .list(
              "milestones",
              ResultDocument.of(Milestone.class).fields("name", "month").build(),
              report -> report.program().milestones())
          .build();

  /** One output's percentiles and, where the report kept it, its histogram. */
  private record Band(Percentiles percentiles, Histogram histogram) {}

  private static final ResultDocument<Band> BAND =
      ResultDocument.of(Band.class)
          .fields(Band::percentiles, Percentiles.class, "p10", "p50", "p90")
          .object(
              "histogram",
              ResultDocument.of(Histogram.class).fields("lower", "upper", "binWidth", "counts").build(),
              Band::histogram)
          .writtenWhen(band -> band.histogram() != null)
          .build();

  private static final ResultDocument<Sensitivity> SENSITIVITY =
      ResultDocument.of(Sensitivity.class)
          .field("input", s -> EnumNames.camelCase(s.input()))
          .field("costSwingUsd", Sensitivity::swing)
          .fields("rankCorrelation")
          .build();

  private static final ResultDocument<TargetResult> TARGET =
      ResultDocument.of(TargetResult.class)
          .field("metric", target -> EnumNames.camelCase(target.target().metric()))
          .field("min", target -> target.target().min())
          .field("max", target -> target.target().max())
          .fields("value", "inside", "miss")
          .build();

  /** The phases' post-training stages and the compute they add; empty stages when the scenario has none. */
  private static final ResultDocument<PostTrainingReport> POST_TRAINING =
      ResultDocument.of(PostTrainingReport.class)
          .fields("trainingFlops", "fractionOfPretraining", "aboveEuModificationThreshold")
          .list(
              "stages",
              ResultDocument.of(StageReport.class)
                  .fields("phase", "months", "countsAsTraining")
                  .include(StageEstimateJson.STAGE, StageReport::estimate)
                  .build(),
              PostTrainingReport::stages)
          .build();

  /** A revenue tier with whether the scenario's revenue is in it. */
  private record Tiered(RevenueTier tier, TierStatus status) {}

  /**
   * An obligation a crossed threshold brings, with its provision, dates, sanction, source and, for one limited to a
   * revenue tier, the tier and whether the scenario's revenue is in it ({@code crossed}, {@code not-crossed},
   * {@code unknown} without a revenue).
   */
  private static final ResultDocument<AssessedObligation> OBLIGATION =
      ResultDocument.of(AssessedObligation.class)
          .include(
              ResultDocument.of(Obligation.class)
                  .fields("id")
                  .field("threshold", Obligation::thresholdId)
                  .fields("instrument", "provision", "duty", "appliesTo")
                  .writtenWhen(o -> !o.appliesTo().isEmpty())
                  .fields("appliesFrom", "transition")
                  .writtenWhen(o -> !o.transition().isEmpty())
                  .fields("sanction", "source")
                  .field("verification", o -> EnumNames.kebabCase(o.verification()))
                  .build(),
              AssessedObligation::obligation)
          .objectIfPresent(
              "revenueTier",
              ResultDocument.of(Tiered.class)
                  .include(
                      ResultDocument.of(RevenueTier.class)
                          .fields("id", "provision", "revenueUsdGreaterThan", "basis", "source")
                          .field("verification", tier -> EnumNames.kebabCase(tier.verification()))
                          .build(),
                      Tiered::tier)
                  .field("status", tiered -> EnumNames.kebabCase(tiered.status()))
                  .build(),
              assessed -> assessed.tier().map(tier -> new Tiered(tier, assessed.status())))
          .build();

  /** The plan among notable models: the bundled catalog with the scenario's own models, and where the plan stands. */
  private record Placed(ModelCatalog catalog, Positioning positioning) {
    static Optional<Placed> of(PlanReport report) {
      if (report.scenario().positioning().isEmpty()) {
        return Optional.empty();
      }
      ModelCatalog catalog = PlanPositioning.catalog(report.scenario(), NotableModelCatalog.bundled());
      return Optional.of(new Placed(catalog, PlanPositioning.of(report, catalog).orElseThrow()));
    }
  }

  private static final ResultDocument<Placed> POSITIONING =
      ResultDocument.of(Placed.class)
          .include(
              LandscapeJson.POSITIONING,
              placed -> new LandscapeJson.Placed(placed.positioning(), placed.catalog().attribution()))
          // What the HTML page's scatter draws: every model with a compute figure, and the trend's two ends.
          .field(
              "trendLine",
              placed -> placed.positioning().trend().map(t -> LandscapeJson.trendLine(t, placed.positioning().date())))
          .field("models", placed -> LandscapeJson.models(placed.catalog().models()))
          .build();

  /** The whole report, its sections in the document's order. */
  private static final ResultDocument<PlanReport> REPORT =
      ResultDocument.of(PlanReport.class)
          .field("scenario", report -> report.scenario().name())
          .fields("totalCostUsd", "trainingCostUsd")
          .field("ownedTrainingCostUsd", report -> report.ownedTrainingCost().map(owned -> owned.totalUsd()))
          .field("trainingDays", report -> report.run().trainingDays())
          .field("acceleratorHours", report -> report.run().acceleratorHours())
          .field("energyKwh", PlanReport::energyKilowattHours)
          .field("co2Tonnes", PlanReport::co2LocationTonnes)
          .field("co2MarketBasedTonnes", PlanReport::co2MarketTonnes)
          .field("thresholdsCrossed", report -> report.thresholdsCrossed().stream().map(ComputeThreshold::id).toList())
          .fields("cumulativeTrainingFlops")
          .object("model", MODEL, report -> report)
          .object("computeOptimal", COMPUTE_OPTIMAL, report -> report)
          .object("run", RUN, PlanReport::run)
          .object("data", DATA, report -> report)
          .writtenWhen(report -> report.data().isPresent())
          .objectIfPresent("serving", SERVING, PlanReport::serving)
          .object("program", PROGRAM, report -> report)
          .field("uncertainty", PlanReportJson::bands)
          .object(
              "monteCarlo", ResultDocument.of(Scenario.class).fields("samples", "seed").build(), PlanReport::scenario)
          .list("sensitivity", SENSITIVITY, PlanReport::sensitivity)
          .list("targets", TARGET, PlanReport::targets)
          .object("postTraining", POST_TRAINING, PlanReport::postTraining)
          .list(
              "obligations",
              OBLIGATION,
              report ->
                  PlanObligations.of(report, PlanObligations.catalog(report.scenario(), ObligationDocuments.bundled())))
          .objectIfPresent(
              "developerRevenue",
              ResultDocument.of(DeveloperRevenue.class).fields("usd", "year").build(),
              report -> report.scenario().developerRevenue())
          .objectIfPresent("positioning", POSITIONING, Placed::of)
          .field(
              "forecast",
              report ->
                  report
                      .forecast()
                      .map(
                          f ->
                              ForecastJson.toJson(
                                  f.forecaster(), f.forecast(), f.request().metric(), f.request().source())))
          .build();

  /**
   * The report as a JSON tree.
   *
   * @param report the report
   */
  public static ObjectNode toJson(PlanReport report) {
    return REPORT.write(report);
  }

  /**
   * The report as indented JSON text (two spaces, Jackson's default pretty printer), the text {@code plan --json}
   * prints.
   *
   * @param report the report
   */
  public static String toJsonText(PlanReport report) {
    return REPORT.text(report);
  }

  private static DataAdequacy data(PlanReport report) {
    return report.data().orElseThrow();
  }

  /** Each output's band by its camelCase name, in the report's order. */
  private static Map<String, JsonNode> bands(PlanReport report) {
    Map<String, JsonNode> bands = new LinkedHashMap<>();
    report
        .bands()
        .forEach(
            (output, percentiles) ->
                bands.put(
                    EnumNames.camelCase(output),
                    BAND.write(new Band(percentiles, report.distributions().get(output)))));
    return bands;
  }
}
