package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.Amounts;

/**
 * Where one RL step's wall-clock time goes.
 *
 * @param generationSeconds rollouts: prefill and decode on the generation accelerators
 * @param weightSyncSeconds the trainer's weights copied to the generators
 * @param verifierSeconds the verifier or sandbox
 * @param scoringSeconds forwards of the frozen models (reference, reward, value) and of the policy's log-probs
 * @param trainingSeconds the policy (and value) update
 * @param stepSeconds the step, as the placement composes the parts
 * @param generationAccelerators accelerators that generate
 * @param trainingAccelerators accelerators that train (the same ones when colocated)
 * @param batchPerReplica sequences one generation replica decodes at once (the largest that fits at the maximum
 *     length, or all its sequences when fewer)
 */
public record RlStepTime(
    double generationSeconds,
    double weightSyncSeconds,
    double verifierSeconds,
    double scoringSeconds,
    double trainingSeconds,
    double stepSeconds,
    long generationAccelerators,
    long trainingAccelerators,
    long batchPerReplica) {

  /**
   * Validates the split: every time finite and non-negative ({@code -0.0} read as 0), the counts non-negative, and
   * generation no longer than the step it is part of.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule
   */
  public RlStepTime {
    generationSeconds = Amounts.nonNegative("generationSeconds", generationSeconds);
    weightSyncSeconds = Amounts.nonNegative("weightSyncSeconds", weightSyncSeconds);
    verifierSeconds = Amounts.nonNegative("verifierSeconds", verifierSeconds);
    scoringSeconds = Amounts.nonNegative("scoringSeconds", scoringSeconds);
    trainingSeconds = Amounts.nonNegative("trainingSeconds", trainingSeconds);
    stepSeconds = Amounts.nonNegative("stepSeconds", stepSeconds);
    checkArgument(
        generationSeconds <= stepSeconds,
        "generationSeconds (%s) must not exceed stepSeconds (%s)",
        generationSeconds,
        stepSeconds);
    Checks.nonNegative("generationAccelerators", generationAccelerators);
    Checks.nonNegative("trainingAccelerators", trainingAccelerators);
    Checks.nonNegative("batchPerReplica", batchPerReplica);
  }

  /** Share of the step's wall clock spent generating. */
  public double generationShare() {
    return stepSeconds > 0 ? generationSeconds / stepSeconds : 0;
  }
}
