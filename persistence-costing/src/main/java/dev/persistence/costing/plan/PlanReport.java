package dev.persistence.costing.plan;

import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.core.check.Checks;
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
import org.immutables.value.Value;

/**
 * What a {@link Scenario} comes to: the model, the compute-optimal check, the run on the cluster, its cost,
 * energy and carbon, the thresholds it crosses, the program's budget, the uncertainty bands and the targets.
 *
 * <p>Built by the {@link Planner}; its collections are unmodifiable copies, so neither the planner's later
 * changes nor a caller's reach the report.
 */
@Value.Immutable
public abstract class PlanReport {

  /** Returns a new builder. */
  public static ImmutablePlanReport.Builder builder() {
    return ImmutablePlanReport.builder();
  }

  /** The scenario planned. */
  public abstract Scenario scenario();

  /** Exact parameter counts. */
  public abstract ParameterBreakdown parameters();

  /** Model FLOPs per training token (exact convention, no recomputation). */
  public abstract double trainingFlopsPerToken();

  /** Model FLOPs of the pre-training run. */
  public abstract double trainingFlops();

  /** The law's view of the model and token counts. */
  public abstract ComputeOptimalCheck computeOptimal();

  /** How the run goes on the cluster. */
  public abstract RunEstimate run();

  /** Price of the run's accelerator-hours. */
  public abstract double trainingCostUsd();

  /** What the same run costs on an owned cluster, when the scenario gives its economics. */
  public abstract Optional<CostBreakdown> ownedTrainingCost();

  /** Facility energy of the run. */
  public abstract double energyKilowattHours();

  /** Location-based emissions of the run, tonnes CO2e. */
  public abstract double co2LocationTonnes();

  /** Market-based emissions of the run, tonnes CO2e. */
  public abstract double co2MarketTonnes();

  /**
   * Pre-training plus fine-tuning phases (their stages' FLOPs, or their fractions of pre-training), the quantity
   * thresholds are written in.
   */
  public abstract double cumulativeTrainingFlops();

  /** The regulatory thresholds that cumulative compute crosses. */
  public abstract List<ComputeThreshold> thresholdsCrossed();

  /** How the data mixture covers the run's tokens, when the scenario names one. */
  public abstract Optional<DataAdequacy> data();

  /** What the mixture's tokens cost, when the scenario names one. */
  public abstract Optional<DataBudget> dataBudget();

  /** The serving fleet and its unit costs, when the scenario plans serving. */
  public abstract Optional<ServingReport> serving();

  /** The program's budget. */
  public abstract ProgramBudget budget();

  /** P10/P50/P90 of the Monte Carlo outputs. */
  public abstract Map<CostOutput, Percentiles> bands();

  /** The assumptions ranked by how far they swing the cost. */
  public abstract List<Sensitivity> sensitivity();

  /** Each target with the plan's figure and its miss. */
  public abstract List<TargetResult> targets();

  /** The phases' post-training stages and the compute they add. */
  public abstract PostTrainingReport postTraining();

  /** The program whose budget {@code budget} is: phases, team and milestones. */
  public abstract Program program();

  /** The Monte Carlo samples of each output, counted into bins. */
  public abstract Map<CostOutput, Histogram> distributions();

  /**
   * The law's loss against parameters at fixed compute: the plan's {@code 6ND} first, then neighbouring budgets,
   * smallest first.
   */
  public abstract List<IsoFlopCurve> isoFlopCurves();

  /** The capability forecast of the planned model, when the scenario gives the team's runs. */
  public abstract Optional<ForecastReport> forecast();


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

  /**
   * Checks the report's own figures when one is built (Immutables {@code @Value.Check}): a report built by hand
   * must not carry a NaN, an infinity or a negative amount the planner could not have produced.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule
   */
  @Value.Check
  protected void check() {
    Checks.positive("trainingFlopsPerToken", trainingFlopsPerToken());
    Checks.positive("trainingFlops", trainingFlops());
    Checks.nonNegative("trainingCostUsd", trainingCostUsd());
    Checks.nonNegative("energyKilowattHours", energyKilowattHours());
    Checks.nonNegative("co2LocationTonnes", co2LocationTonnes());
    Checks.nonNegative("co2MarketTonnes", co2MarketTonnes());
    Checks.positive("cumulativeTrainingFlops", cumulativeTrainingFlops());
    Checks.check(
        cumulativeTrainingFlops() >= trainingFlops(),
        "cumulativeTrainingFlops",
        cumulativeTrainingFlops(),
        "must be >= trainingFlops (" + trainingFlops() + ")");
  }

  /** What the whole program needs, in USD: its planned spend plus its contingency. */
  public double totalCostUsd() {
    return budget().fundingNeededUsd();
  }
}
