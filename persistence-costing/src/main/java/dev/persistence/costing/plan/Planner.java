package dev.persistence.costing.plan;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.energy.CarbonEstimate;
import dev.persistence.costing.energy.EnergyEstimate;
import dev.persistence.costing.energy.PowerModel;
import dev.persistence.costing.money.CloudCost;
import dev.persistence.costing.money.CostBreakdown;
import dev.persistence.costing.money.OwnedCluster;
import dev.persistence.costing.money.OwnedClusterCost;
import dev.persistence.costing.plan.PlanReport.ComputeOptimalCheck;
import dev.persistence.costing.plan.PlanReport.RunEstimate;
import dev.persistence.costing.plan.PlanReport.TargetResult;
import dev.persistence.costing.posttraining.PlannedStage;
import dev.persistence.costing.posttraining.PostTrainingEstimator;
import dev.persistence.costing.posttraining.StageEstimate;
import dev.persistence.costing.posttraining.StageKind;
import dev.persistence.costing.posttraining.StageResources;
import dev.persistence.costing.program.Phase;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.costing.program.Program;
import dev.persistence.costing.program.ProgramBudget;
import dev.persistence.costing.regulation.ComputeThresholds;
import dev.persistence.costing.search.PlanSearch;
import dev.persistence.costing.serving.ServingDeployment;
import dev.persistence.costing.serving.ServingEstimate;
import dev.persistence.costing.serving.ServingFleet;
import dev.persistence.costing.serving.ServingRoofline;
import dev.persistence.costing.serving.ServingWorkload;
import dev.persistence.costing.search.SearchRequest;
import dev.persistence.costing.search.SearchResult;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.StepTimeModel;
import dev.persistence.costing.training.ComputeUsage;
import dev.persistence.costing.training.Durations;
import dev.persistence.costing.training.TrainingRun;
import dev.persistence.costing.uncertainty.Constant;
import dev.persistence.costing.uncertainty.CostInput;
import dev.persistence.costing.uncertainty.CostOutput;
import dev.persistence.costing.uncertainty.Distribution;
import dev.persistence.costing.uncertainty.Histogram;
import dev.persistence.costing.uncertainty.MonteCarlo;
import dev.persistence.costing.uncertainty.MonteCarloSummary;
import dev.persistence.costing.uncertainty.Percentiles;
import dev.persistence.costing.uncertainty.TrainingAssumptions;
import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.data.DataAdequacy;
import dev.persistence.scaling.data.DataBudget;
import dev.persistence.scaling.data.TokenTarget;
import dev.persistence.scaling.forecast.CapabilityForecaster;
import dev.persistence.scaling.forecast.ForecastRequest;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.allocation.AllocationProblem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link Scenario} into a {@link PlanReport}.
 *
 * <p>The steps, each with the calculator that owns its formula: exact parameters and FLOPs (core); the run's speed
 * from an assumed MFU, the step-time model of a given plan, or the fastest plan {@link PlanSearch} finds on the
 * cluster; the run's hours with the scenario's goodput ({@link TrainingRun}); money ({@link CloudCost}); energy
 * ({@link PowerModel}, {@link EnergyEstimate}) and carbon ({@link CarbonEstimate}); the compute-optimal check at
 * the same {@code 6ND} compute ({@link AllocationProblem}); post-training stages ({@link PostTrainingEstimator}, on
 * the scenario's hardware); thresholds on cumulative compute (pre-training plus the fine-tuning phases' stages or
 * shares, {@link ComputeThresholds}); the program ({@link Program}); and a seeded Monte Carlo
 * of the closed-form cost model around the plan's point values ({@link MonteCarlo}).
 *
 * <p>Mixture-of-experts models are given to the loss law and the Monte Carlo by their active parameters, the
 * parameters that set the compute per token; dense laws were fitted on dense models, so a mixture's predicted
 * loss is an extrapolation.
 */
public final class Planner {

  /** Bins of each Monte Carlo output's histogram: about 30 reads as a shape at 1,000 to 10,000 samples. */
  static final int HISTOGRAM_BINS = 30;

  /** The neighbouring budgets drawn beside the plan's: a decade and half a decade either side. */
  private static final double[] NEIGHBOUR_BUDGETS = {0.1, Math.sqrt(0.1), Math.sqrt(10), 10};

  /** Points per isoFLOP profile, log-spaced in parameters. */
  static final int ISOFLOP_POINTS = 41;

  private Planner() {}

  /**
   * Plans a scenario.
   *
   * @param scenario the scenario
   * @throws IllegalArgumentException if no parallel plan fits the cluster, the accelerator lacks a figure the plan
   *     needs (a dense peak in the precision's format, a TDP), or a derived value breaks a calculator's rule
   */
  public static PlanReport plan(Scenario scenario) {
    Architecture model = scenario.architecture();
    ParameterBreakdown parameters = model.parameters();
    double flopsPerToken =
        FlopAccounting.estimate(model, scenario.sequenceLength(), FlopConvention.EXACT).modelTrainingFlopsPerToken();
    double trainingFlops = flopsPerToken * scenario.trainingTokens();
    Accelerator accelerator = scenario.cluster().accelerator();
    double peak = accelerator.densePeakFlopsPerSecond(scenario.precision().computeFormat());

    RunSpeed speed = speed(scenario);
    TrainingRun run =
        new TrainingRun(trainingFlops, speed.acceleratorCount, speed.mfu * peak, scenario.goodput());
    ComputeUsage usage = run.usage();
    RunEstimate runEstimate =
        new RunEstimate(
            speed.source, speed.step, speed.acceleratorCount, speed.mfu, run.wallClockDays(), run.acceleratorHours());

    double trainingCost = CloudCost.of(usage, scenario.price()).totalUsd();
    PowerModel power = PowerModel.of(scenario.cluster(), scenario.tdpFraction());
    EnergyEstimate energy = EnergyEstimate.of(usage, power);
    CarbonEstimate carbon = CarbonEstimate.of(energy, scenario.locationGrid(), scenario.marketGrid());

    Optional<CostBreakdown> owned =
        scenario.owned().map(economics -> OwnedClusterCost.of(usage, ownedCluster(scenario, economics, power)));

    double lawParameters = parameters.activeParameters();
    ComputeOptimalCheck optimal = computeOptimal(scenario, lawParameters);

    double fineTuningFraction = 0;
    for (PlannedPhase phase : scenario.phases()) {
      if (isFineTuning(phase.kind())) {
        fineTuningFraction += phase.computeFractionOfPretraining().orElse(0);
      }
    }
    Map<PlannedPhase, PostTrainingReport.StageReport> stages = postTrainingStages(scenario);
    PostTrainingReport postTraining = postTrainingReport(scenario, stages, trainingFlops);
    double cumulativeFlops = trainingFlops * (1 + fineTuningFraction) + postTraining.trainingFlops();

    Optional<DataAdequacy> data = Optional.empty();
    Optional<DataBudget> dataBudget = Optional.empty();
    if (scenario.dataMixture().isPresent()) {
      DataAdequacy adequacy =
          DataAdequacy.assess(
              DataConstrainedLaw.MUENNIGHOFF_2023,
              new TokenTarget(lawParameters, scenario.trainingTokens(), "the scenario's training tokens"),
              scenario.dataMixture().get());
      data = Optional.of(adequacy);
      dataBudget = Optional.of(DataBudget.of(adequacy.allocation(), scenario.curationCosts()));
    }
    double dataUsd = dataBudget.map(DataBudget::totalUsd).orElse(0.0);
    Optional<PlanReport.ServingReport> serving = scenario.serving().map(plan -> serving(scenario, plan));
    Program program = program(scenario, trainingCost, run.wallClockDays(), dataUsd, serving, stages);
    ProgramBudget budget = program.budget();

    MonteCarloSummary monteCarlo =
        MonteCarlo.summarize(
            assumptions(scenario, lawParameters, trainingFlops, speed, peak, power),
            scenario.samples(),
            scenario.seed(),
            scenario.law()::loss);
    Map<CostOutput, Percentiles> bands = new EnumMap<>(CostOutput.class);
    Map<CostOutput, Histogram> distributions = new EnumMap<>(CostOutput.class);
    for (CostOutput output : CostOutput.values()) {
      bands.put(output, monteCarlo.percentiles(output));
      distributions.put(output, monteCarlo.histogram(output, HISTOGRAM_BINS));
    }

    List<TargetResult> targets = new ArrayList<>();
    for (Target target : scenario.targets()) {
      double value = targetValue(target.metric(), scenario, parameters, budget);
      targets.add(new TargetResult(target, value, target.miss(value)));
    }

    return PlanReport.builder()
        .scenario(scenario)
        .parameters(parameters)
        .trainingFlopsPerToken(flopsPerToken)
        .trainingFlops(trainingFlops)
        .computeOptimal(optimal)
        .run(runEstimate)
        .trainingCostUsd(trainingCost)
        .ownedTrainingCost(owned)
        .energyKilowattHours(energy.facilityKilowattHours())
        .co2LocationTonnes(carbon.locationBasedTonnes())
        .co2MarketTonnes(carbon.marketBasedTonnes())
        .cumulativeTrainingFlops(cumulativeFlops)
        .thresholdsCrossed(ComputeThresholds.crossed(cumulativeFlops))
        .data(data)
        .dataBudget(dataBudget)
        .serving(serving)
        .budget(budget)
        .bands(bands)
        .sensitivity(monteCarlo.sensitivity(CostOutput.COST_USD))
        .targets(targets)
        .postTraining(postTraining)
        .program(program)
        .distributions(distributions)
        .isoFlopCurves(isoFlopCurves(scenario, lawParameters))
        .forecast(scenario.forecast().map(request -> forecast(request, lawParameters, scenario.trainingTokens())))
        .build();
  }

  /** The forecast at the parameters the compute-optimal check uses, on the plan's tokens. */
  private static PlanReport.ForecastReport forecast(
      ForecastRequest request, double parameters, double tokens) {
    CapabilityForecaster forecaster =
        CapabilityForecaster.fit(request.runs(), request.settings());
    return new PlanReport.ForecastReport(request, forecaster, forecaster.at(parameters, tokens));
  }

  /** Each phase's post-training stage on the scenario's hardware, by phase (identity: names may repeat). */
  private static Map<PlannedPhase, PostTrainingReport.StageReport> postTrainingStages(Scenario scenario) {
    Map<PlannedPhase, PostTrainingReport.StageReport> stages = new IdentityHashMap<>();
    for (PlannedPhase phase : scenario.phases()) {
      if (phase.postTraining().isEmpty()) {
        continue;
      }
      PlannedStage planned = phase.postTraining().get();
      StageEstimate estimate;
      try {
        StageResources resources =
            planned.resources(
                scenario.cluster(),
                scenario.price().usdPerAcceleratorHour(),
                scenario.precision(),
                scenario.attentionKernel());
        estimate = PostTrainingEstimator.estimate(planned.stage(), scenario.architecture(), resources);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("phase " + phase.name() + ": " + e.getMessage(), e);
      }
      double months = Math.ceil(estimate.wallClockDays() / Durations.DAYS_PER_MONTH);
      if (!(months <= Program.MAX_MONTHS)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "phase %s: the stage takes %.4g days, more than the %d months a program may last",
                phase.name(),
                estimate.wallClockDays(),
                Program.MAX_MONTHS));
      }
      int wholeMonths = phase.durationMonths().orElse(Math.max(1, (int) months));
      stages.put(
          phase,
          new PostTrainingReport.StageReport(
              phase.name(), phase.kind(), estimate, wholeMonths, planned.stage().kind() != StageKind.EVALUATION));
    }
    return stages;
  }

  private static PostTrainingReport postTrainingReport(
      Scenario scenario, Map<PlannedPhase, PostTrainingReport.StageReport> stages, double trainingFlops) {
    if (stages.isEmpty()) {
      return PostTrainingReport.NONE;
    }
    List<PostTrainingReport.StageReport> ordered = new ArrayList<>();
    for (PlannedPhase phase : scenario.phases()) {
      if (stages.containsKey(phase)) {
        ordered.add(stages.get(phase));
      }
    }
    double flops =
        ordered.stream().filter(PostTrainingReport.StageReport::countsAsTraining).mapToDouble(r -> r.estimate().totalFlops()).sum();
    double fraction = flops / trainingFlops;
    return new PostTrainingReport(
        ordered, flops, fraction, fraction > PostTrainingReport.MODIFICATION_FRACTION_FOR_NEW_MODEL);
  }

  private static OwnedCluster ownedCluster(Scenario scenario, OwnedEconomics economics, PowerModel power) {
    return OwnedCluster.builder()
        .acceleratorCount(scenario.cluster().acceleratorCount())
        .acceleratorsPerNode(scenario.cluster().acceleratorsPerNode())
        .capitalUsdPerAccelerator(economics.capitalUsdPerAccelerator())
        .capitalUsdPerNode(economics.capitalUsdPerNode())
        .networkingAndStorageFraction(economics.networkingAndStorageFraction())
        .amortisationYears(economics.amortisationYears())
        .utilisation(economics.utilisation())
        .powerPriceUsdPerKilowattHour(economics.powerPriceUsdPerKilowattHour())
        .power(power)
        .operationsStaffUsdPerYear(economics.operationsStaffUsdPerYear())
        .build();
  }

  /** The run's speed and where it came from. */
  private record RunSpeed(String source, Optional<StepTimeEstimate> step, long acceleratorCount, double mfu) {}

  private static RunSpeed speed(Scenario scenario) {
    if (scenario.modelFlopsUtilization().isPresent()) {
      long count =
          scenario.parallelism().map(p -> p.acceleratorCount()).orElse(scenario.cluster().acceleratorCount());
      return new RunSpeed("assumed-mfu", Optional.empty(), count, scenario.modelFlopsUtilization().getAsDouble());
    }
    Calibration calibration = Calibration.forAccelerator(scenario.cluster().accelerator().name());
    StepTimeEstimate step;
    String source;
    if (scenario.parallelism().isPresent()) {
      step =
          StepTimeModel.of(
                  scenario.architecture(),
                  scenario.cluster(),
                  scenario.precision(),
                  calibration,
                  scenario.attentionKernel(),
                  FlopConvention.EXACT)
              .estimate(scenario.parallelism().get().validateFor(scenario.architecture(), scenario.cluster()));
      if (!step.fits()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "parallelism needs %.1f GiB per accelerator, more than the %s's %.1f GiB",
                step.memoryBytesPerAccelerator() / (double) (1L << 30),
                scenario.cluster().accelerator().name(),
                scenario.cluster().accelerator().memoryBytes() / (double) (1L << 30)));
      }
      source = "given-plan";
    } else {
      long count = scenario.cluster().acceleratorCount();
      if (count > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "cluster acceleratorCount (" + count + ") must be <= " + Integer.MAX_VALUE + " for the parallelism search");
      }
      SearchRequest defaults =
          SearchRequest.of(
              scenario.architecture(),
              scenario.cluster(),
              scenario.precision(),
              (int) count,
              scenario.globalBatchSize(),
              scenario.sequenceLength());
      SearchResult result = PlanSearch.search(defaults.withAttentionKernel(scenario.attentionKernel()));
      if (result.plans().isEmpty()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "no parallel plan fits %s x %s with globalBatchSize %s and sequenceLength %s (%s plans tried)",
                count,
                scenario.cluster().accelerator().name(),
                scenario.globalBatchSize(),
                scenario.sequenceLength(),
                result.evaluatedPlans()));
      }
      step = result.plans().get(0);
      source = "searched-plan";
    }
    return new RunSpeed(source, Optional.of(step), step.plan().acceleratorCount(), step.modelFlopsUtilization());
  }

  private static ComputeOptimalCheck computeOptimal(Scenario scenario, double parameters) {
    double tokens = scenario.trainingTokens();
    // The laws' own compute convention: C = 6ND (Hoffmann et al. 2022 section 3, Kaplan et al. 2020 section 2.1).
    Allocation allocation = AllocationProblem.builder().law(scenario.law()).build().forCompute(6 * parameters * tokens);
    return new ComputeOptimalCheck(
        scenario.law().name(),
        parameters,
        scenario.law().loss(parameters, tokens),
        allocation.parameters(),
        allocation.tokens(),
        allocation.loss(),
        tokens / parameters,
        allocation.tokensPerParameter());
  }

  /**
   * The isoFLOP profiles of the scenario's law: the plan's compute first, spanning the plan's parameters and the
   * optimum with room on either side, then the neighbouring budgets, each a decade either side of its optimum.
   */
  private static List<PlanReport.IsoFlopCurve> isoFlopCurves(Scenario scenario, double parameters) {
    double compute = 6 * parameters * scenario.trainingTokens();
    AllocationProblem problem = AllocationProblem.builder().law(scenario.law()).build();
    List<PlanReport.IsoFlopCurve> curves = new ArrayList<>();
    Allocation optimum = problem.forCompute(compute);
    double low = Math.min(parameters, optimum.parameters()) / 10;
    double high = Math.max(parameters, optimum.parameters()) * 10;
    curves.add(isoFlopCurve(scenario, compute, optimum, low, high));
    List<PlanReport.IsoFlopCurve> neighbours = new ArrayList<>();
    for (double scale : NEIGHBOUR_BUDGETS) {
      Allocation other = problem.forCompute(compute * scale);
      neighbours.add(
          isoFlopCurve(scenario, compute * scale, other, other.parameters() / 10, other.parameters() * 10));
    }
    curves.addAll(neighbours);
    return curves;
  }

  private static PlanReport.IsoFlopCurve isoFlopCurve(
      Scenario scenario, double compute, Allocation optimum, double low, double high) {
    List<PlanReport.IsoFlopPoint> points = new ArrayList<>();
    double step = Math.log(high / low) / (ISOFLOP_POINTS - 1);
    for (int i = 0; i < ISOFLOP_POINTS; i++) {
      double n = low * Math.exp(i * step);
      // The laws' own compute convention, as in computeOptimal: D = C / 6N.
      double d = compute / (6 * n);
      points.add(new PlanReport.IsoFlopPoint(n, d, scenario.law().loss(n, d)));
    }
    return new PlanReport.IsoFlopCurve(compute, optimum.parameters(), optimum.loss(), points);
  }

  private static boolean isFineTuning(PhaseKind kind) {
    return kind == PhaseKind.SUPERVISED_FINE_TUNING
        || kind == PhaseKind.PREFERENCE_TUNING
        || kind == PhaseKind.REINFORCEMENT_LEARNING;
  }

  private static PlanReport.ServingReport serving(Scenario scenario, ServingPlan plan) {
    ServingDeployment deployment =
        ServingDeployment.builder()
            .architecture(scenario.architecture())
            .accelerator(scenario.cluster().accelerator())
            .tensorParallel(plan.tensorParallel())
            .weightFormat(plan.weightFormat())
            .computeEfficiency(plan.computeEfficiency())
            .bandwidthEfficiency(plan.bandwidthEfficiency())
            .usdPerAcceleratorHour(scenario.price().usdPerAcceleratorHour())
            .build();
    ServingWorkload workload = new ServingWorkload(plan.promptTokens(), plan.outputTokens());
    long batch =
        plan.batch().isPresent() ? plan.batch().getAsLong() : ServingRoofline.maxBatch(deployment, workload);
    if (batch < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "serving: the model does not fit %s x %s for one request of %s + %s tokens",
              plan.tensorParallel(),
              scenario.cluster().accelerator().name(),
              plan.promptTokens(),
              plan.outputTokens()));
    }
    ServingEstimate estimate;
    ServingFleet fleet;
    try {
      estimate = ServingRoofline.estimate(deployment, workload, batch);
      fleet =
          ServingRoofline.fleet(
              deployment,
              workload,
              batch,
              plan.inputTokensPerDay(),
              plan.outputTokensPerDay(),
              plan.targetUtilisation());
    } catch (IllegalArgumentException e) {
      // The roofline's rules name its own fields; say which section of the scenario broke them.
      throw new IllegalArgumentException("serving: " + e.getMessage(), e);
    }
    double days = plan.durationMonths() * Durations.DAYS_PER_MONTH;
    return new PlanReport.ServingReport(estimate, fleet, fleet.usdPerDay() * days);
  }

  private static Program program(
      Scenario scenario,
      double trainingCost,
      double trainingDays,
      double dataUsd,
      Optional<PlanReport.ServingReport> serving,
      Map<PlannedPhase, PostTrainingReport.StageReport> stages) {
    double runMonthsExact = Math.ceil(trainingDays / Durations.DAYS_PER_MONTH);
    if (!(runMonthsExact <= Program.MAX_MONTHS)) {
      // Named here, before the int conversion would saturate and the phase's own check quote a wrong figure.
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "trainingTokens (%s) take %.4g days (%.4g months) to train, more than the %d months a program may"
                  + " last",
              scenario.trainingTokens(),
              trainingDays,
              runMonthsExact,
              Program.MAX_MONTHS));
    }
    int runMonths = Math.max(1, (int) runMonthsExact);
    var builder =
        Program.builder()
            .addAllTeam(scenario.team())
            .addAllMilestones(scenario.milestones())
            .contingencyFraction(scenario.contingencyFraction());
    scenario.fundingAvailableUsd().ifPresent(builder::fundingAvailableUsd);
    List<PlannedPhase> phases = new ArrayList<>(scenario.phases());
    if (phases.stream().noneMatch(p -> p.kind() == PhaseKind.PRETRAINING)) {
      // The run is always part of the program, even when the scenario lists no phases.
      phases.add(PlannedPhase.builder().name("pre-training").kind(PhaseKind.PRETRAINING).startMonth(0).build());
    }
    serving.ifPresent(
        report ->
            phases.add(
                PlannedPhase.builder()
                    .name("production serving")
                    .kind(PhaseKind.SERVING)
                    .startMonth(scenario.serving().get().startMonth())
                    .durationMonths(scenario.serving().get().durationMonths())
                    .computeCostUsd(report.costUsd())
                    .build()));
    for (PlannedPhase planned : phases) {
      double compute;
      PostTrainingReport.StageReport stage = stages.get(planned);
      if (stage != null) {
        compute = stage.estimate().computeUsd();
      } else if (planned.computeCostUsd().isPresent()) {
        compute = planned.computeCostUsd().getAsDouble();
      } else if (planned.computeFractionOfPretraining().isPresent()) {
        compute = planned.computeFractionOfPretraining().getAsDouble() * trainingCost;
      } else {
        compute = planned.kind() == PhaseKind.PRETRAINING ? trainingCost : 0;
      }
      int months =
          planned.durationMonths().isPresent()
              ? planned.durationMonths().getAsInt()
              : stage != null ? stage.months() : runMonths;
      builder.addPhases(
          Phase.builder()
              .name(planned.name())
              .kind(planned.kind())
              .startMonth(planned.startMonth())
              .durationMonths(months)
              .computeCostUsd(compute)
              .licensedTokens(planned.licensedTokens())
              .licensedTokenPriceUsdPerMillion(planned.licensedTokenPriceUsdPerMillion())
              .annotatedItems(planned.annotatedItems())
              .annotationPriceUsdPerItem(planned.annotationPriceUsdPerItem())
              .otherCostUsd(planned.otherCostUsd() + (stage != null ? stage.estimate().peopleUsd() : 0))
              .dataBudgetUsd(planned.kind() == PhaseKind.PRETRAINING ? dataUsd : 0)
              .build());
    }
    return builder.build();
  }

  private static TrainingAssumptions assumptions(
      Scenario scenario, double parameters, double trainingFlops, RunSpeed speed, double peak, PowerModel power) {
    Map<CostInput, Distribution> inputs = new EnumMap<>(CostInput.class);
    inputs.put(CostInput.PARAMETERS, new Constant(parameters));
    inputs.put(CostInput.TOKENS, new Constant(scenario.trainingTokens()));
    inputs.put(
        CostInput.FLOPS_PER_PARAMETER_PER_TOKEN,
        new Constant(trainingFlops / (parameters * scenario.trainingTokens())));
    inputs.put(CostInput.ACCELERATOR_COUNT, new Constant(speed.acceleratorCount));
    inputs.put(CostInput.PEAK_FLOPS_PER_SECOND, new Constant(peak));
    inputs.put(CostInput.MODEL_FLOPS_UTILIZATION, new Constant(speed.mfu));
    inputs.put(CostInput.GOODPUT, new Constant(scenario.goodput().fraction()));
    inputs.put(CostInput.USD_PER_ACCELERATOR_HOUR, new Constant(scenario.price().usdPerAcceleratorHour()));
    inputs.put(CostInput.ACCELERATOR_TDP_WATTS, new Constant(power.acceleratorTdpWatts()));
    inputs.put(CostInput.TDP_FRACTION, new Constant(power.tdpFraction()));
    inputs.put(CostInput.SERVER_TO_CHIP_POWER_RATIO, new Constant(power.serverToChipPowerRatio()));
    inputs.put(CostInput.POWER_USAGE_EFFECTIVENESS, new Constant(power.powerUsageEffectiveness()));
    inputs.put(
        CostInput.GRID_KG_CO2E_PER_KWH, new Constant(scenario.locationGrid().kilogramsCo2ePerKilowattHour()));
    inputs.putAll(scenario.uncertainty());
    return new TrainingAssumptions(inputs);
  }

  private static double targetValue(
      TargetMetric metric, Scenario scenario, ParameterBreakdown parameters, ProgramBudget budget) {
    switch (metric) {
      case PARAMETERS:
        return parameters.totalParameters();
      case TRAINING_TOKENS:
        return scenario.trainingTokens();
      case COMPUTE_COST_USD:
        return budget.computeUsd();
      case TEAM_SIZE:
        return budget.peakHeadcount();
      case TIMELINE_MONTHS:
        return budget.months();
      default:
        throw new AssertionError(metric);
    }
  }
}
