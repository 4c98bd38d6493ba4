package dev.persistence.costing.plan;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.check.Checks;
import dev.persistence.core.data.CurationCostModel;
import dev.persistence.core.data.DataMixture;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.energy.CarbonAccounting;
import dev.persistence.costing.energy.GridIntensity;
import dev.persistence.costing.money.CloudPrice;
import dev.persistence.costing.program.Milestone;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.costing.program.Role;
import dev.persistence.costing.training.Goodput;
import dev.persistence.costing.uncertainty.CostInput;
import dev.persistence.costing.uncertainty.Distribution;
import dev.persistence.costing.uncertainty.MonteCarlo;
import dev.persistence.scaling.law.LossLaw;
import dev.persistence.scaling.law.ScalingLaws;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * Everything a plan starts from: the model and its data, the cluster and how the run is spread over it, prices,
 * the grid, the program around the run, the uncertain assumptions and the ranges the plan is held against.
 *
 * <p>How fast the run goes comes, in order of precedence, from a given {@link #modelFlopsUtilization()} (the
 * closed form), a given {@link #parallelism()} (the step-time model), or the fastest plan the search finds on the
 * whole cluster.
 */
@Value.Immutable
public abstract class Scenario {

  /** Returns a new builder. */
  public static ImmutableScenario.Builder builder() {
    return ImmutableScenario.builder();
  }

  /** The scenario's name. */
  public abstract String name();

  /** The model. */
  public abstract Architecture architecture();

  /** The cluster the pre-training run uses. */
  public abstract Cluster cluster();

  /** Bytes per parameter and the GEMM format; defaults to bf16 mixed precision with fp32 Adam (16 bytes). */
  @Value.Default
  public TrainingPrecision precision() {
    return TrainingPrecision.MIXED_BF16_ADAM;
  }

  /** Pre-training tokens. */
  public abstract double trainingTokens();

  /** Tokens per sequence. */
  public abstract int sequenceLength();

  /** Sequences per optimizer step. */
  public abstract int globalBatchSize();

  /** A fixed parallel plan; empty to search for the fastest. */
  public abstract Optional<ParallelismPlan> parallelism();

  /**
   * How the attention core runs; defaults to a fused kernel (FlashAttention, Dao et al. 2022), the norm for
   * training runs since 2023; {@code UNFUSED} reproduces Megatron-LM as Korthikanti et al. 2022 measured it.
   */
  @Value.Default
  public AttentionKernel attentionKernel() {
    return AttentionKernel.FUSED;
  }

  /** A model FLOPs utilisation to assume instead of modelling the step; empty to model it. */
  public abstract OptionalDouble modelFlopsUtilization();

  /** Useful time over elapsed time. */
  @Value.Default
  public Goodput goodput() {
    return Goodput.LLAMA_3_405B;
  }

  /** The loss law the compute-optimal check and the loss bands use; defaults to Chinchilla (Hoffmann 2022). */
  @Value.Default
  public LossLaw law() {
    return ScalingLaws.lossLaw("chinchilla");
  }

  /** The price per accelerator-hour. */
  public abstract CloudPrice price();

  /**
   * The owned-cluster economics to compare with the cloud price for the same run, if the scenario gives them
   * (capital per accelerator and per node, networking and storage share, amortisation, utilisation, power price,
   * operations staff); the accelerator count, node size and power model come from the cluster and the energy
   * section, so the comparison is for the same run.
   */
  public abstract Optional<OwnedEconomics> owned();

  /**
   * Average chip draw over TDP; defaults to 1.0, Epoch AI's peak-power convention (see
   * {@link dev.persistence.costing.energy.PowerModel#epoch}).
   */
  @Value.Default
  public double tdpFraction() {
    return 1.0;
  }

  /** The grid's location-based intensity. */
  public abstract GridIntensity locationGrid();

  /**
   * The market-based intensity (after renewable purchases); defaults to the location-based figure, the GHG
   * Protocol Scope 2 Guidance's fallback when no contractual instruments or residual mix are known (section 6.11).
   */
  @Value.Default
  public GridIntensity marketGrid() {
    GridIntensity location = locationGrid();
    return new GridIntensity(
        location.name(),
        location.kilogramsCo2ePerKilowattHour(),
        CarbonAccounting.MARKET_BASED,
        location.source() + " (no market instruments: the location-based figure)");
  }

  /** Where the pre-training tokens come from; empty when the scenario does not say. */
  public abstract Optional<DataMixture> dataMixture();

  /** Prices of curation work for the data budget; defaults to the labelled assumptions. */
  @Value.Default
  public CurationCostModel curationCosts() {
    return CurationCostModel.ASSUMED;
  }

  /** Production serving, priced by the roofline and added to the program as a serving phase; empty for none. */
  public abstract Optional<ServingPlan> serving();

  /** The program's phases. */
  public abstract List<PlannedPhase> phases();

  /** The team. */
  public abstract List<Role> team();

  /** Milestones. */
  public abstract List<Milestone> milestones();

  /** The program's reserve, as a fraction of its spend, finite and {@code >= 0}. */
  @Value.Default
  public double contingencyFraction() {
    return 0;
  }

  /** Funding in hand in USD, for the runway, finite and {@code >= 0}. */
  public abstract OptionalDouble fundingAvailableUsd();

  /** Distributions of the uncertain assumptions; inputs not listed stay at the plan's point values. */
  public abstract Map<CostInput, Distribution> uncertainty();

  /**
   * Monte Carlo samples, in [10, 10,000,000]
   * ({@link dev.persistence.costing.uncertainty.MonteCarlo#checkSamples(int)}); 2000 by default.
   */
  @Value.Default
  public int samples() {
    return 2000;
  }

  /** Monte Carlo seed. */
  @Value.Default
  public long seed() {
    return 20261125L;
  }

  /** Ranges the plan is held against. */
  public abstract List<Target> targets();

  /**
   * Where the plan is to be placed among notable models (issue 17): the date and the user's own entries; empty
   * for no positioning.
   */
  public abstract Optional<dev.persistence.costing.landscape.PositioningRequest> positioning();

  /** The team's runs for a capability forecast of the planned model; empty for none. */
  public abstract Optional<dev.persistence.scaling.forecast.ForecastRequest> forecast();

  /**
   * The developer's annual gross revenue with its affiliates, which obligations limited to a revenue tier (SB 53's
   * large frontier developer) are checked against; empty when not given, and those obligations are then unknown.
   */
  public abstract Optional<dev.persistence.costing.regulation.DeveloperRevenue> developerRevenue();

  /**
   * The user's own obligations and revenue tiers, added to the bundled ones or replacing them by id; empty for the
   * bundled ones alone.
   */
  public abstract Optional<dev.persistence.costing.regulation.ObligationCatalog> obligations();

  /**
   * Checks the rules of a valid {@code Scenario} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    checkArgument(!name().isBlank(), "scenario name must not be blank");
    Checks.positive("trainingTokens", trainingTokens());
    // A token is indivisible: a budget below one token (4.9e-324) plans a run of 0 days.
    checkArgument(
        trainingTokens() >= 1 && trainingTokens() <= dev.persistence.core.exact.Amounts.MAX_QUANTITY,
        "trainingTokens (%s) must be in [1, %s]",
        trainingTokens(),
        dev.persistence.core.exact.Amounts.MAX_QUANTITY);
    Checks.positive("sequenceLength", sequenceLength());
    Checks.positive("globalBatchSize", globalBatchSize());
    modelFlopsUtilization()
        .ifPresent(
            mfu -> Checks.positiveFraction("modelFlopsUtilization", mfu));
    checkArgument(
        tdpFraction() > 0 && tdpFraction() <= 1.5, "tdpFraction (%s) must be in (0, 1.5]", tdpFraction());
    MonteCarlo.checkSamples(samples());
    Checks.nonNegative("contingencyFraction", contingencyFraction());
    checkArgument(
        contingencyFraction() <= dev.persistence.core.exact.Amounts.MAX_FRACTION,
        "contingencyFraction (%s) must be <= %s",
        contingencyFraction(),
        dev.persistence.core.exact.Amounts.MAX_FRACTION);
    fundingAvailableUsd()
        .ifPresent(
            funding -> Checks.nonNegative("fundingAvailableUsd", funding));
    parallelism()
        .ifPresent(
            plan -> {
              checkArgument(
                  plan.sequenceLength() == sequenceLength(),
                  "parallelism.sequenceLength (%s) must equal sequenceLength (%s)",
                  plan.sequenceLength(),
                  sequenceLength());
              checkArgument(
                  plan.globalBatchSize() == globalBatchSize(),
                  "parallelism.globalBatchSize (%s) must equal globalBatchSize (%s)",
                  plan.globalBatchSize(),
                  globalBatchSize());
              checkArgument(
                  plan.acceleratorCount() <= cluster().acceleratorCount(),
                  "parallelism uses %s accelerators, more than the cluster's %s",
                  plan.acceleratorCount(),
                  cluster().acceleratorCount());
            });
    long pretraining =
        phases().stream().filter(p -> p.kind() == PhaseKind.PRETRAINING).count();
    checkArgument(pretraining <= 1, "phases hold %s pre-training phases; at most one", pretraining);
  }
}
