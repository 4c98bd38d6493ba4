package dev.persistence.costing.plan;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.costing.posttraining.PlannedStage;
import dev.persistence.costing.posttraining.PostTrainingEstimator;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.costing.program.Program;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A phase of a scenario's program, whose compute may follow from the pre-training run: the pre-training phase
 * costs the run the plan computes and lasts as long as it; another phase may cost a fraction of it
 * ({@code computeFractionOfPretraining}, e.g. experiments and ablations at 0.3, RL at 0.1, a named and explicit
 * fallback); a post-training phase may instead carry its stage ({@link #postTraining()}), whose compute, cost and
 * months the planner derives from what the team decides ({@link PostTrainingEstimator}).
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

  /**
   * Months it lasts; for pre-training and for a phase with a {@link #postTraining()} stage, defaults to the
   * wall-clock time rounded up to whole months.
   */
  public abstract OptionalInt durationMonths();

  /**
   * Compute in USD, if given outright. Its FLOPs are not known, so a fine-tuning phase priced this way adds nothing
   * to the cumulative compute the thresholds are held against; give {@link #computeFractionOfPretraining()} for
   * that.
   */
  public abstract OptionalDouble computeCostUsd();

  /** Compute as a fraction of the pre-training run's cost (and FLOPs), if given. */
  public abstract OptionalDouble computeFractionOfPretraining();

  /**
   * The post-training stage this phase runs (SFT, preference tuning, RL, distillation, evaluation), costed from its
   * settings on the scenario's hardware; empty for a phase priced outright or as a fraction of pre-training.
   */
  public abstract Optional<PlannedStage> postTraining();

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

  /**
   * Checks the rules of a valid {@code PlannedPhase} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    checkArgument(!name().isBlank(), "phase name must not be blank");
    checkArgument(startMonth() >= 0, "phase %s: startMonth (%s) must be >= 0", name(), startMonth());
    checkArgument(
        startMonth() < Program.MAX_MONTHS,
        "phase %s: startMonth (%s) must be < %s (Program.MAX_MONTHS)",
        name(),
        startMonth(),
        Program.MAX_MONTHS);
    durationMonths()
        .ifPresent(
            months ->
                checkArgument(
                    months > 0 && months <= Program.MAX_MONTHS - startMonth(),
                    "phase %s: durationMonths (%s) must be > 0 and end by month %s (Program.MAX_MONTHS)",
                    name(),
                    months,
                    Program.MAX_MONTHS));
    computeCostUsd().ifPresent(usd -> nonNegative("computeCostUsd", usd));
    nonNegative("licensedTokens", licensedTokens());
    nonNegative("licensedTokenPriceUsdPerMillion", licensedTokenPriceUsdPerMillion());
    nonNegative("annotatedItems", annotatedItems());
    nonNegative("annotationPriceUsdPerItem", annotationPriceUsdPerItem());
    nonNegative("otherCostUsd", otherCostUsd());
    // The pre-training phase costs the run the planner computes; a figure of its own would make the program's
    // compute disagree with the report's training cost and the thresholds' FLOPs.
    checkArgument(
        kind() != PhaseKind.PRETRAINING
            || (computeCostUsd().isEmpty() && computeFractionOfPretraining().isEmpty()),
        "phase %s: kind (%s) is pre-training, which costs the planned run; computeCostUsd and"
            + " computeFractionOfPretraining must not be given",
        name(),
        kind());
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
        postTraining().isEmpty() || (computeCostUsd().isEmpty() && computeFractionOfPretraining().isEmpty()),
        "phase %s: a postTraining stage prices the phase; computeCostUsd and computeFractionOfPretraining must not"
            + " be given",
        name());
    checkArgument(
        postTraining().isEmpty() || (kind() != PhaseKind.PRETRAINING && kind() != PhaseKind.SERVING),
        "phase %s: a postTraining stage needs a post-training or evaluation kind, not %s",
        name(),
        kind());
    checkArgument(
        kind() == PhaseKind.PRETRAINING || durationMonths().isPresent() || postTraining().isPresent(),
        "phase %s: durationMonths is required (only pre-training and postTraining stages can take their own"
            + " length)",
        name());
  }

  private void nonNegative(String field, double value) {
    checkArgument(
        value >= 0 && Double.isFinite(value), "phase %s: %s (%s) must be finite and >= 0", name(), field, value);
    checkArgument(
        value <= dev.persistence.core.exact.Amounts.upperBound(field),
        "phase %s: %s (%s) must be <= %s",
        name(),
        field,
        value,
        dev.persistence.core.exact.Amounts.upperBound(field));
  }
}
