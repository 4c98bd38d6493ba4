package dev.persistence.io.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.costing.landscape.ModelCatalog;
import dev.persistence.costing.landscape.Positioning;
import dev.persistence.costing.plan.PlanObligations;
import dev.persistence.costing.plan.PlanPositioning;
import dev.persistence.costing.plan.PlanReport.TargetResult;
import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.plan.PostTrainingReport;
import dev.persistence.costing.plan.Scenario;
import dev.persistence.costing.program.Milestone;
import dev.persistence.costing.program.Phase;
import dev.persistence.costing.program.Program;
import dev.persistence.costing.program.ProgramBudget;
import dev.persistence.costing.program.Role;
import dev.persistence.costing.regulation.AssessedObligation;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.regulation.Obligation;
import dev.persistence.costing.regulation.ObligationCatalog;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.uncertainty.CostOutput;
import dev.persistence.costing.uncertainty.Histogram;
import dev.persistence.costing.uncertainty.Percentiles;
import dev.persistence.costing.uncertainty.Sensitivity;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.forecast.ForecastJson;
import dev.persistence.io.landscape.LandscapeJson;
import dev.persistence.io.memory.TrainingMemoryJson;
import dev.persistence.io.posttraining.StageEstimateJson;
import dev.persistence.io.regulation.ObligationDocuments;
import dev.persistence.scaling.data.SourceEffectiveTokens;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link PlanReport} as one JSON document: the object {@code persistence plan --json} prints and the HTML report
 * embeds. Field names carry their units ({@code Usd}, {@code Kwh}, {@code Tonnes}, {@code Bytes}); numbers are
 * the report's own doubles, unrounded.
 *
 * <p>One method per section, in the order the document lists them, so that a new section is one new method and
 * one line in {@link #toJson}.
 */
public final class PlanReportJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private PlanReportJson() {}

  /**
   * The report as a JSON tree.
   *
   * @param report the report
   */
  public static ObjectNode toJson(PlanReport report) {
    ObjectNode result = NODES.objectNode();
    headline(report, result);
    result.set("model", model(report));
    result.set("computeOptimal", computeOptimal(report));
    result.set("run", run(report));
    report.data().ifPresent(data -> result.set("data", data(report)));
    report.serving().ifPresent(serving -> result.set("serving", serving(report)));
    result.set("program", program(report));
    result.set("uncertainty", uncertainty(report));
    result.set("monteCarlo", monteCarlo(report));
    result.set("sensitivity", sensitivity(report));
    result.set("targets", targets(report));
    result.set("postTraining", postTraining(report));
    result.set("obligations", obligations(report));
    developerRevenue(report, result);
    if (report.scenario().positioning().isPresent()) {
      result.set("positioning", positioning(report));
    }
    report.forecast().ifPresent(forecast -> result.set("forecast", forecast(forecast)));
    return result;
  }

  /**
   * The report as indented JSON text (two spaces, Jackson's default pretty printer), the text {@code plan --json}
   * prints.
   *
   * @param report the report
   */
  public static String toJsonText(PlanReport report) {
    try {
      return MAPPER.writeValueAsString(toJson(report));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void headline(PlanReport report, ObjectNode result) {
    result.put("scenario", report.scenario().name());
    result.put("totalCostUsd", report.totalCostUsd());
    result.put("trainingCostUsd", report.trainingCostUsd());
    report.ownedTrainingCost().ifPresent(owned -> result.put("ownedTrainingCostUsd", owned.totalUsd()));
    result.put("trainingDays", report.run().trainingDays());
    result.put("acceleratorHours", report.run().acceleratorHours());
    result.put("energyKwh", report.energyKilowattHours());
    result.put("co2Tonnes", report.co2LocationTonnes());
    result.put("co2MarketBasedTonnes", report.co2MarketTonnes());
    ArrayNode thresholds = result.putArray("thresholdsCrossed");
    for (ComputeThreshold threshold : report.thresholdsCrossed()) {
      thresholds.add(threshold.id());
    }
    result.put("cumulativeTrainingFlops", report.cumulativeTrainingFlops());
  }

  private static ObjectNode model(PlanReport report) {
    Scenario scenario = report.scenario();
    ParameterBreakdown parameters = report.parameters();
    ObjectNode model = NODES.objectNode();
    model.put("modelType", scenario.architecture().family());
    model.put("totalParameters", parameters.totalParameters());
    model.put("activeParameters", parameters.activeParameters());
    model.put("trainingTokens", scenario.trainingTokens());
    model.put("trainingFlopsPerToken", report.trainingFlopsPerToken());
    model.put("trainingFlops", report.trainingFlops());
    return model;
  }

  private static ObjectNode computeOptimal(PlanReport report) {
    PlanReport.ComputeOptimalCheck optimal = report.computeOptimal();
    ObjectNode law = NODES.objectNode();
    law.put("law", optimal.law());
    law.put("parametersUsed", optimal.parametersUsed());
    law.put("predictedLoss", optimal.predictedLoss());
    law.put("optimalParameters", optimal.optimalParameters());
    law.put("optimalTokens", optimal.optimalTokens());
    law.put("optimalLoss", optimal.optimalLoss());
    law.put("tokensPerParameter", optimal.tokensPerParameter());
    law.put("optimalTokensPerParameter", optimal.optimalTokensPerParameter());
    law.put("trainingRatio", optimal.trainingRatio());
    law.set("isoFlopCurves", isoFlopCurves(report));
    return law;
  }

  private static ArrayNode isoFlopCurves(PlanReport report) {
    ArrayNode curves = NODES.arrayNode();
    for (PlanReport.IsoFlopCurve curve : report.isoFlopCurves()) {
      ObjectNode row = curves.addObject();
      row.put("trainingFlops", curve.trainingFlops());
      row.put("optimalParameters", curve.optimalParameters());
      row.put("optimalLoss", curve.optimalLoss());
      ArrayNode points = row.putArray("points");
      for (PlanReport.IsoFlopPoint point : curve.points()) {
        ObjectNode p = points.addObject();
        p.put("parameters", point.parameters());
        p.put("tokens", point.tokens());
        p.put("loss", point.loss());
      }
    }
    return curves;
  }

  private static ObjectNode run(PlanReport report) {
    ObjectNode run = NODES.objectNode();
    run.put("source", report.run().source());
    run.put("acceleratorCount", report.run().acceleratorCount());
    run.put("mfu", report.run().modelFlopsUtilization());
    if (report.run().step().isPresent()) {
      StepTimeEstimate step = report.run().step().get();
      run.set("plan", parallelismPlan(step.plan()));
      run.put("stepSeconds", step.stepSeconds());
      run.put("hfu", step.hardwareFlopsUtilization());
      run.put("memoryBytesPerAccelerator", step.memoryBytesPerAccelerator());
      ObjectNode breakdown = run.putObject("breakdown");
      step.breakdown().asMap().forEach(breakdown::put);
      run.set("memory", TrainingMemoryJson.breakdown(step.memory()));
    }
    return run;
  }

  /**
   * A parallelism plan as the report writes it (its degrees, batch, recomputation, offloads and accelerator count);
   * {@code train} and {@code search} print the same object.
   *
   * @param plan the plan
   */
  public static ObjectNode parallelismPlan(ParallelismPlan plan) {
    ObjectNode map = NODES.objectNode();
    map.put("tensorParallel", plan.tensorParallel());
    map.put("pipelineParallel", plan.pipelineParallel());
    map.put("virtualPipelineStages", plan.virtualPipelineStages());
    map.put("dataParallel", plan.dataParallel());
    map.put("contextParallel", plan.contextParallel());
    map.put("expertParallel", plan.expertParallel());
    map.put("sequenceParallel", plan.sequenceParallel());
    map.put("zeroStage", plan.zeroStage().stage());
    map.put("microBatchSize", plan.microBatchSize());
    map.put("globalBatchSize", plan.globalBatchSize());
    map.put("sequenceLength", plan.sequenceLength());
    map.put("recomputation", plan.recomputation().name().toLowerCase(Locale.ROOT));
    map.put("optimizerOffload", plan.optimizerOffload());
    map.put("activationOffload", plan.activationOffload());
    // Written, as in the plan codec, only when it is not the default (overlapped).
    if (plan.tensorParallelCommunication() != TensorParallelCommunication.OVERLAPPED) {
      map.put("tensorParallelCommunication", EnumNames.kebabCase(plan.tensorParallelCommunication()));
    }
    map.put("acceleratorCount", plan.acceleratorCount());
    return map;
  }

  private static ObjectNode data(PlanReport report) {
    var data = report.data().orElseThrow();
    ObjectNode section = NODES.objectNode();
    section.put("availableTokens", data.availableTokens());
    section.put("uniqueTokens", data.effective().uniqueTokens());
    section.put("effectiveTokens", data.effective().effectiveTokens());
    section.put("repetition", data.repetition());
    section.put("shortfallTokens", data.shortfallTokens());
    section.put("lossPenalty", data.lossPenalty());
    report.dataBudget().ifPresent(cost -> section.put("costUsd", cost.totalUsd()));
    ArrayNode sources = section.putArray("sources");
    for (SourceEffectiveTokens source : data.effective().sources()) {
      ObjectNode row = sources.addObject();
      row.put("name", source.name());
      row.put("tokens", source.tokens());
      row.put("uniqueTokens", source.uniqueTokens());
      row.put("epochs", source.epochs());
      row.put("effectiveTokens", source.effectiveTokens());
    }
    return section;
  }

  private static ObjectNode serving(PlanReport report) {
    PlanReport.ServingReport serving = report.serving().orElseThrow();
    ObjectNode section = NODES.objectNode();
    section.put("batch", serving.estimate().batch());
    section.put("replicas", serving.fleet().replicas());
    section.put("accelerators", serving.fleet().accelerators());
    section.put("usdPerDay", serving.fleet().usdPerDay());
    section.put("usdPerMillionInputTokens", serving.estimate().usdPerMillionInputTokens());
    section.put("usdPerMillionOutputTokens", serving.estimate().usdPerMillionOutputTokens());
    section.put("costUsd", serving.costUsd());
    section.put("inputTokensPerSecondPerReplica", serving.estimate().inputTokensPerSecond());
    section.put("outputTokensPerSecondPerReplica", serving.estimate().outputTokensPerSecond());
    section.put("busySecondsPerDay", serving.fleet().busySecondsPerDay());
    return section;
  }

  private static ObjectNode program(PlanReport report) {
    ProgramBudget budget = report.budget();
    ObjectNode program = NODES.objectNode();
    program.put("months", budget.months());
    program.put("computeUsd", budget.computeUsd());
    program.put("dataUsd", budget.dataUsd());
    program.put("peopleUsd", budget.peopleUsd());
    program.put("otherUsd", budget.otherUsd());
    program.put("plannedUsd", budget.totalUsd());
    program.put("contingencyUsd", budget.contingencyUsd());
    program.put("fundingNeededUsd", budget.fundingNeededUsd());
    program.put("peakMonthlyBurnUsd", budget.peakMonthlyBurnUsd());
    program.put("peakHeadcount", budget.peakHeadcount());
    budget.runwayMonths().ifPresent(months -> program.put("runwayMonths", months));
    ArrayNode burn = program.putArray("monthlyBurnUsd");
    for (double month : budget.monthlyBurnUsd()) {
      burn.add(month);
    }
    Program plan = report.program();
    plan.fundingAvailableUsd().ifPresent(funding -> program.put("fundingAvailableUsd", funding));
    program.set("cumulativeSpendUsd", numbers(budget.cumulativeSpendUsd()));
    program.set("monthlyComputeUsd", numbers(budget.monthlyComputeUsd()));
    program.set("monthlyDataUsd", numbers(budget.monthlyDataUsd()));
    program.set("monthlyPeopleUsd", numbers(budget.monthlyPeopleUsd()));
    program.set("monthlyOtherUsd", numbers(budget.monthlyOtherUsd()));
    program.set("monthlyHeadcount", numbers(budget.monthlyHeadcount()));
    program.set("phases", phases(plan));
    program.set("team", team(plan, budget.months()));
    ArrayNode milestones = program.putArray("milestones");
    for (Milestone milestone : plan.milestones()) {
      milestones.addObject().put("name", milestone.name()).put("month", milestone.month());
    }
    return program;
  }

  private static ArrayNode phases(Program program) {
    ArrayNode phases = NODES.arrayNode();
    for (Phase phase : program.phases()) {
      ObjectNode row = phases.addObject();
      row.put("name", phase.name());
      row.put("kind", EnumNames.kebabCase(phase.kind()));
      row.put("startMonth", phase.startMonth());
      row.put("durationMonths", phase.durationMonths());
      row.put("computeUsd", phase.computeCostUsd());
      row.put("dataUsd", phase.dataCostUsd());
      row.put("otherUsd", phase.otherCostUsd());
      row.put("costUsd", phase.costUsd());
    }
    return phases;
  }

  private static ArrayNode team(Program program, int months) {
    ArrayNode team = NODES.arrayNode();
    for (Role role : program.team()) {
      ObjectNode row = team.addObject();
      row.put("name", role.name());
      row.put("headcount", role.headcount());
      row.put("loadedAnnualCostUsd", role.loadedAnnualCostUsd());
      row.put("hiringStartMonth", role.hiringStartMonth());
      row.put("hiringRampMonths", role.hiringRampMonths());
      ArrayNode byMonth = row.putArray("headcountByMonth");
      for (int month = 0; month < months; month++) {
        byMonth.add(role.headcountInMonth(month));
      }
    }
    return team;
  }

  private static ArrayNode numbers(double[] values) {
    ArrayNode array = NODES.arrayNode();
    for (double value : values) {
      array.add(value);
    }
    return array;
  }

  private static ObjectNode uncertainty(PlanReport report) {
    ObjectNode bands = NODES.objectNode();
    for (Map.Entry<CostOutput, Percentiles> band : report.bands().entrySet()) {
      Percentiles p = band.getValue();
      ObjectNode row = bands.putObject(EnumNames.camelCase(band.getKey()));
      row.put("p10", p.p10());
      row.put("p50", p.p50());
      row.put("p90", p.p90());
      Histogram histogram = report.distributions().get(band.getKey());
      if (histogram != null) {
        ObjectNode bins = row.putObject("histogram");
        bins.put("lower", histogram.lower());
        bins.put("upper", histogram.upper());
        bins.put("binWidth", histogram.binWidth());
        ArrayNode counts = bins.putArray("counts");
        for (long count : histogram.counts()) {
          counts.add(count);
        }
      }
    }
    return bands;
  }

  private static ObjectNode monteCarlo(PlanReport report) {
    ObjectNode section = NODES.objectNode();
    section.put("samples", report.scenario().samples());
    section.put("seed", report.scenario().seed());
    return section;
  }

  private static ArrayNode sensitivity(PlanReport report) {
    ArrayNode sensitivity = NODES.arrayNode();
    for (Sensitivity s : report.sensitivity()) {
      ObjectNode row = sensitivity.addObject();
      row.put("input", EnumNames.camelCase(s.input()));
      row.put("costSwingUsd", s.swing());
      row.put("rankCorrelation", s.rankCorrelation());
    }
    return sensitivity;
  }

  /** The phases' post-training stages and the compute they add; empty stages when the scenario has none. */
  private static ObjectNode postTraining(PlanReport report) {
    PostTrainingReport post = report.postTraining();
    ObjectNode section = NODES.objectNode();
    section.put("trainingFlops", post.trainingFlops());
    section.put("fractionOfPretraining", post.fractionOfPretraining());
    section.put("aboveEuModificationThreshold", post.aboveEuModificationThreshold());
    ArrayNode stages = section.putArray("stages");
    for (PostTrainingReport.StageReport stage : post.stages()) {
      ObjectNode row = stages.addObject();
      row.put("phase", stage.phase());
      row.put("months", stage.months());
      row.put("countsAsTraining", stage.countsAsTraining());
      row.setAll(StageEstimateJson.toJson(stage.estimate()));
    }
    return section;
  }

  /**
   * The obligations the crossed thresholds bring (bundled ones with the scenario's own over them), each with its
   * provision, dates, sanction, source and, for one limited to a revenue tier, the tier and whether the scenario's
   * revenue is in it ({@code crossed}, {@code not-crossed}, {@code unknown} without a revenue).
   */
  private static ArrayNode obligations(PlanReport report) {
    ArrayNode obligations = NODES.arrayNode();
    ObligationCatalog catalog = PlanObligations.catalog(report.scenario(), ObligationDocuments.bundled());
    for (AssessedObligation assessed : PlanObligations.of(report, catalog)) {
      Obligation o = assessed.obligation();
      ObjectNode row = obligations.addObject();
      row.put("id", o.id());
      row.put("threshold", o.thresholdId());
      row.put("instrument", o.instrument());
      row.put("provision", o.provision());
      row.put("duty", o.duty());
      if (!o.appliesTo().isEmpty()) {
        row.put("appliesTo", o.appliesTo());
      }
      row.put("appliesFrom", o.appliesFrom().toString());
      if (!o.transition().isEmpty()) {
        row.put("transition", o.transition());
      }
      row.put("sanction", o.sanction());
      row.put("source", o.source());
      row.put("verification", EnumNames.kebabCase(o.verification()));
      assessed
          .tier()
          .ifPresent(
              tier -> {
                ObjectNode t = row.putObject("revenueTier");
                t.put("id", tier.id());
                t.put("provision", tier.provision());
                t.put("revenueUsdGreaterThan", tier.revenueUsdGreaterThan());
                t.put("basis", tier.basis());
                t.put("source", tier.source());
                t.put("verification", EnumNames.kebabCase(tier.verification()));
                t.put("status", EnumNames.kebabCase(assessed.status()));
              });
    }
    return obligations;
  }

  /** The developer's revenue the tiers were checked against, when the scenario gives one. */
  private static void developerRevenue(PlanReport report, ObjectNode result) {
    report
        .scenario()
        .developerRevenue()
        .ifPresent(
            revenue -> {
              ObjectNode r = result.putObject("developerRevenue");
              r.put("usd", revenue.usd());
              r.put("year", revenue.year());
            });
  }

  /**
   * The plan among notable models, computed by {@link PlanPositioning} against the bundled catalog with the
   * scenario's own models; this writes it.
   */
  private static ObjectNode positioning(PlanReport report) {
    ModelCatalog catalog = PlanPositioning.catalog(report.scenario(), NotableModelCatalog.bundled());
    Positioning positioning = PlanPositioning.of(report, catalog).orElseThrow();
    ObjectNode section = LandscapeJson.positioning(positioning, catalog.attribution());
    // What the HTML page's scatter draws: every model with a compute figure, and the trend's two ends.
    positioning.trend().ifPresent(trend -> section.set("trendLine", LandscapeJson.trendLine(trend, positioning.date())));
    section.set("models", LandscapeJson.models(catalog.models()));
    return section;
  }

  private static ObjectNode forecast(PlanReport.ForecastReport forecast) {
    return ForecastJson.toJson(
        forecast.forecaster(), forecast.forecast(), forecast.request().metric(), forecast.request().source());
  }

  private static ArrayNode targets(PlanReport report) {
    ArrayNode targets = NODES.arrayNode();
    for (TargetResult target : report.targets()) {
      ObjectNode row = targets.addObject();
      row.put("metric", EnumNames.camelCase(target.target().metric()));
      target.target().min().ifPresent(min -> row.put("min", min));
      target.target().max().ifPresent(max -> row.put("max", max));
      row.put("value", target.value());
      row.put("inside", target.inside());
      row.put("miss", target.miss());
    }
    return targets;
  }
}
