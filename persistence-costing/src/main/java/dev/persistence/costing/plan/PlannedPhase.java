package dev.persistence.costing.plan;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.costing.program.PhaseKind;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A phase of a scenario's program, whose compute may follow from the pre-training run: the pre-training phase
 * costs the run the plan computes and lasts as long as it; another phase may cost a fraction of it
 * ({@code computeFractionOfPretraining}, e.g. experiments and ablations at 0.3, RL at 0.1).
 */
@Value.Immutable
public abstract class PlannedPhase {

  /** Returns a new builder. */
  public static ImmutablePlannedPhase.Builder builder() {
    return ImmutablePlannedPhase.builder();
  }

  /** The phase's name. */
  public abstract String name();

  /** What it is for. */
  public abstract PhaseKind kind();

  /** Month it starts, from 0. */
  public abstract int startMonth();

  /** Months it lasts; for pre-training, defaults to the run's wall-clock time rounded up to whole months. */
  public abstract OptionalInt durationMonths();

  /** Compute in USD, if given outright. */
  public abstract OptionalDouble computeCostUsd();

  /** Compute as a fraction of the pre-training run's cost (and FLOPs), if given. */
  public abstract OptionalDouble computeFractionOfPretraining();

  /** Licensed tokens bought. */
  @Value.Default
  public double licensedTokens() {
    return 0;
  }

  /** USD per million licensed tokens. */
  @Value.Default
  public double licensedTokenPriceUsdPerMillion() {
    return 0;
  }

  /** Items annotated. */
  @Value.Default
  public double annotatedItems() {
    return 0;
  }

  /** USD per annotated item. */
  @Value.Default
  public double annotationPriceUsdPerItem() {
    return 0;
  }

  /** Other costs in USD. */
  @Value.Default
  public double otherCostUsd() {
    return 0;
  }

  @Value.Check
  protected void check() {
    checkArgument(
        computeCostUsd().isEmpty() || computeFractionOfPretraining().isEmpty(),
        "phase %s: give computeCostUsd or computeFractionOfPretraining, not both",
        name());
    computeFractionOfPretraining()
        .ifPresent(
            f ->
                checkArgument(
                    f >= 0 && Double.isFinite(f),
                    "phase %s: computeFractionOfPretraining (%s) must be finite and >= 0",
                    name(),
                    f));
    checkArgument(
        kind() == PhaseKind.PRETRAINING || durationMonths().isPresent(),
        "phase %s: durationMonths is required (only pre-training can take the run's length)",
        name());
  }
}
