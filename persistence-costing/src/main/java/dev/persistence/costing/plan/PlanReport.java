package dev.persistence.costing.plan;

import com.google.common.collect.Maps;
import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.costing.money.CostBreakdown;
import dev.persistence.costing.program.Program;
import dev.persistence.costing.program.ProgramBudget;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.serving.ServingEstimate;
import dev.persistence.costing.serving.ServingFleet;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.uncertainty.CostOutput;
import dev.persistence.costing.uncertainty.Histogram;
import dev.persistence.costing.uncertainty.Percentiles;
import dev.persistence.costing.uncertainty.Sensitivity;
import dev.persistence.scaling.data.DataAdequacy;
import dev.persistence.scaling.data.DataBudget;
import dev.persistence.scaling.forecast.CapabilityForecast;
import dev.persistence.scaling.forecast.CapabilityForecaster;
import dev.persistence.scaling.forecast.ForecastRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Scenario} comes to: the model, the compute-optimal check, the run on the cluster, its cost,
 * energy and carbon, the thresholds it crosses, the program's budget, the uncertainty bands and the targets.
 *
 * @param scenario the scenario planned
 * @param parameters exact parameter counts
 * @param trainingFlopsPerToken model FLOPs per training token (exact convention, no recomputation)
 * @param trainingFlops model FLOPs of the pre-training run
 * @param computeOptimal the law's view of the model and token counts
 * @param run how the run goes on the cluster
 * @param trainingCostUsd price of the run's accelerator-hours
 * @param ownedTrainingCost what the same run costs on an owned cluster, when the scenario gives its economics
 * @param energyKilowattHours facility energy of the run
 * @param co2LocationTonnes location-based emissions of the run, tonnes CO2e
 * @param co2MarketTonnes market-based emissions of the run, tonnes CO2e
 * @param cumulativeTrainingFlops pre-training plus fine-tuning phases (their stages' FLOPs, or their fractions of
 *     pre-training), the quantity thresholds are written in
 * @param thresholdsCrossed the regulatory thresholds that cumulative compute crosses
 * @param data how the data mixture covers the run's tokens, when the scenario names one
 * @param dataBudget what the mixture's tokens cost, when the scenario names one
 * @param serving the serving fleet and its unit costs, when the scenario plans serving
 * @param budget the program's budget
 * @param bands P10/P50/P90 of the Monte Carlo outputs
 * @param sensitivity the assumptions ranked by how far they swing the cost
 * @param targets each target with the plan's figure and its miss
 * @param postTraining the phases' post-training stages and the compute they add
 * @param program the program whose budget {@code budget} is: phases, team and milestones
 * @param distributions the Monte Carlo samples of each output, counted into bins
 * @param isoFlopCurves the law's loss against parameters at fixed compute: the plan's {@code 6ND} first, then
 *     neighbouring budgets, smallest first
 * @param forecast the capability forecast of the planned model, when the scenario gives the team's runs
 */
public record PlanReport(
    Scenario scenario,
    ParameterBreakdown parameters,
    double trainingFlopsPerToken,
    double trainingFlops,
    ComputeOptimalCheck computeOptimal,
    RunEstimate run,
    double trainingCostUsd,
    Optional<CostBreakdown> ownedTrainingCost,
    double energyKilowattHours,
    double co2LocationTonnes,
    double co2MarketTonnes,
    double cumulativeTrainingFlops,
    List<ComputeThreshold> thresholdsCrossed,
    Optional<DataAdequacy> data,
    Optional<DataBudget> dataBudget,
    Optional<ServingReport> serving,
    ProgramBudget budget,
    Map<CostOutput, Percentiles> bands,
    List<Sensitivity> sensitivity,
    List<TargetResult> targets,
    PostTrainingReport postTraining,
    Program program,
    Map<CostOutput, Histogram> distributions,
    List<IsoFlopCurve> isoFlopCurves,
    Optional<ForecastReport> forecast) {

  /**
   * Copies the collections: the lists into unmodifiable lists, the maps into unmodifiable maps in
   * {@link CostOutput} order, so that neither the planner's later changes nor a caller's reach the report.
   *
   * @throws NullPointerException if a collection or one of its elements is null
   */
  public PlanReport {
    thresholdsCrossed = List.copyOf(thresholdsCrossed);
    bands = Maps.immutableEnumMap(bands);
    sensitivity = List.copyOf(sensitivity);
    targets = List.copyOf(targets);
    distributions = Maps.immutableEnumMap(distributions);
    isoFlopCurves = List.copyOf(isoFlopCurves);
  }

  /**
   * The capability forecast of the planned model: the two-step fit to the scenario's runs, evaluated at the
   * parameters the compute-optimal check uses (active ones for a mixture of experts) on the plan's tokens.
   *
   * @param request the scenario's runs, metric and settings
   * @param forecaster the fitted loss law and sigmoid
   * @param forecast the forecast at the planned model
   */
  public record ForecastReport(
      ForecastRequest request, CapabilityForecaster forecaster, CapabilityForecast forecast) {}

  /**
   * The law's loss along one fixed compute budget, {@code C = 6ND}, as the parameter count varies (an isoFLOP
   * profile, Hoffmann et al. 2022 section 3.2).
   *
   * @param trainingFlops the budget C, FLOPs
   * @param optimalParameters the compute-optimal parameters at C
   * @param optimalLoss the loss there
   * @param points the profile, parameters ascending
   */
  public record IsoFlopCurve(
      double trainingFlops, double optimalParameters, double optimalLoss, List<IsoFlopPoint> points) {

    /** Copies the points. */
    public IsoFlopCurve {
      points = List.copyOf(points);
    }
  }

  /**
   * One point of an isoFLOP profile.
   *
   * @param parameters N
   * @param tokens D = C / (6N)
   * @param loss the law's loss at (N, D), nats per token
   */
  public record IsoFlopPoint(double parameters, double tokens, double loss) {}

  /**
   * The law's view of the plan: the loss it predicts, and the compute-optimal split of the same compute.
   *
   * @param law the law's registry name
   * @param parametersUsed the parameter count given to the law (active parameters, for mixtures of experts)
   * @param predictedLoss the law's loss at the plan's parameters and tokens
   * @param optimalParameters compute-optimal parameters at the same {@code 6ND} compute
   * @param optimalTokens compute-optimal tokens at that compute
   * @param optimalLoss the loss of the compute-optimal split
   * @param tokensPerParameter the plan's tokens per parameter
   * @param optimalTokensPerParameter the compute-optimal tokens per parameter
   */
  public record ComputeOptimalCheck(
      String law,
      double parametersUsed,
      double predictedLoss,
      double optimalParameters,
      double optimalTokens,
      double optimalLoss,
      double tokensPerParameter,
      double optimalTokensPerParameter) {

    /** Tokens per parameter over the compute-optimal ratio: above 1 over-trained, below 1 under-trained. */
    public double trainingRatio() {
      return tokensPerParameter / optimalTokensPerParameter;
    }
  }

  /**
   * How the pre-training run goes.
   *
   * @param source how speed was obtained: {@code assumed-mfu}, {@code given-plan} or {@code searched-plan}
   * @param step the step-time estimate of the plan, when one was modelled
   * @param acceleratorCount accelerators the run uses
   * @param modelFlopsUtilization model FLOPs over dense peak
   * @param trainingDays wall-clock days, failures included
   * @param acceleratorHours accelerator-hours occupied
   */
  public record RunEstimate(
      String source,
      Optional<StepTimeEstimate> step,
      long acceleratorCount,
      double modelFlopsUtilization,
      double trainingDays,
      double acceleratorHours) {}

  /**
   * A target and where the plan stands against it.
   *
   * @param target the range
   * @param value the plan's figure
   * @param miss 0 inside the range, else the fraction by which it misses the nearest end
   */
  public record TargetResult(Target target, double value, double miss) {

    /** Whether the plan's figure is inside the range. */
    public boolean inside() {
      return miss == 0;
    }
  }

  /**
   * The serving fleet a scenario's demand needs.
   *
   * @param estimate throughput and unit costs of one replica at the batch used
   * @param fleet replicas, accelerators and cost per day
   * @param costUsd the fleet's cost over the serving months
   */
  public record ServingReport(ServingEstimate estimate, ServingFleet fleet, double costUsd) {}

  /** What the whole program needs, in USD: its planned spend plus its contingency. */
  public double totalCostUsd() {
    return budget.fundingNeededUsd();
  }
}
