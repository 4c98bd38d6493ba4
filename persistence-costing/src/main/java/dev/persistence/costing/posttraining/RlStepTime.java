package dev.persistence.costing.posttraining;

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

  /** Share of the step's wall clock spent generating. */
  public double generationShare() {
    return stepSeconds > 0 ? generationSeconds / stepSeconds : 0;
  }
}
