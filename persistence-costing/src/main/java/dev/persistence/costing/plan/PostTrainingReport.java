package dev.persistence.costing.plan;

import dev.persistence.costing.posttraining.StageEstimate;
import dev.persistence.costing.program.PhaseKind;
import java.util.List;

/**
 * The post-training stages of a plan's phases, and what they add to the compute the thresholds read.
 *
 * <p>Every stage but evaluation adds its FLOPs to the cumulative training compute: California SB 53 counts "the
 * original training run and ... any subsequent fine-tuning, reinforcement learning, or other material
 * modifications" (section 22757.11, reference/regulation.json); the Commission's GPAI guidelines treat a downstream
 * modification above a third of the original model's training compute as a new model
 * ({@link #MODIFICATION_FRACTION_FOR_NEW_MODEL}, reference/regulation.json {@code reg-eu-guidelines-modifier}).
 * Evaluation runs generate but train nothing, so they add cost and months only.
 *
 * @param stages each phase's stage, in the scenario's order
 * @param trainingFlops FLOPs the stages add to the cumulative training compute
 * @param fractionOfPretraining those FLOPs over the pre-training run's
 * @param aboveEuModificationThreshold whether they exceed a third of the pre-training run's (were a downstream
 *     actor to run them, the result would be a new model under the guidelines)
 */
public record PostTrainingReport(
    List<StageReport> stages, double trainingFlops, double fractionOfPretraining, boolean aboveEuModificationThreshold) {

  /** The Commission guidelines' modification threshold: more than a third of the original training compute. */
  public static final double MODIFICATION_FRACTION_FOR_NEW_MODEL = 1.0 / 3.0;

  /** An empty report, for plans without post-training stages. */
  public static final PostTrainingReport NONE = new PostTrainingReport(List.of(), 0, 0, false);

  /**
   * Copies the list.
   *
   * @param stages each stage
   * @param trainingFlops added training FLOPs
   * @param fractionOfPretraining over pre-training
   * @param aboveEuModificationThreshold above a third
   */
  public PostTrainingReport {
    stages = List.copyOf(stages);
  }

  /**
   * One phase's stage.
   *
   * @param phase the phase's name
   * @param kind the phase's kind
   * @param estimate the stage's breakdown, time and cost
   * @param months whole months the phase takes (given, or the stage's wall clock rounded up)
   * @param countsAsTraining whether its FLOPs add to the cumulative training compute (all but evaluation)
   */
  public record StageReport(
      String phase, PhaseKind kind, StageEstimate estimate, int months, boolean countsAsTraining) {}
}
