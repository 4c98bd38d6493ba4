package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.List;
import org.immutables.value.Value;

/**
 * Evaluation of {@link #checkpoints()} checkpoints on benchmark suites (through the serving roofline on the
 * stage's accelerators), plus people-hours of red-teaming and human evaluation, which are programme cost and no
 * FLOPs.
 */
@Value.Immutable
public abstract class EvaluationRun implements PostTrainingStage {

  /** Returns a new builder. */
  public static ImmutableEvaluationRun.Builder builder() {
    return ImmutableEvaluationRun.builder();
  }

  @Override
  public StageKind kind() {
    return StageKind.EVALUATION;
  }

  /** The suites. */
  public abstract List<BenchmarkSuite> suites();

  /** Checkpoints evaluated on every suite, {@code > 0}; 1 by default. */
  @Value.Default
  public int checkpoints() {
    return 1;
  }

  /** People-hours of red-teaming, {@code >= 0}. */
  @Value.Default
  public double redTeamingPeopleHours() {
    return 0;
  }

  /** People-hours of human evaluation (raters, annotators), {@code >= 0}. */
  @Value.Default
  public double humanEvaluationPeopleHours() {
    return 0;
  }

  /** US dollars per people-hour, {@code >= 0}. */
  @Value.Default
  public double usdPerPeopleHour() {
    return 0;
  }

  /**
   * Checks the rules of a valid {@code EvaluationRun} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("evaluation.checkpoints", checkpoints());
    Checks.nonNegative("evaluation.redTeamingPeopleHours", redTeamingPeopleHours());
    Checks.nonNegative("evaluation.humanEvaluationPeopleHours", humanEvaluationPeopleHours());
    Checks.nonNegative("evaluation.usdPerPeopleHour", usdPerPeopleHour());
    checkArgument(
        !suites().isEmpty() || redTeamingPeopleHours() > 0 || humanEvaluationPeopleHours() > 0,
        "evaluation.suites (none) must hold at least one suite, unless redTeamingPeopleHours or"
            + " humanEvaluationPeopleHours is > 0");
  }
}
