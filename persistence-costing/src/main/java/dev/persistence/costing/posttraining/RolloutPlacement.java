package dev.persistence.costing.posttraining;

/** Where rollouts are generated relative to the trainer. */
public enum RolloutPlacement {
  /**
   * The same accelerators generate and then train (a hybrid engine: OpenRLHF's and veRL's colocated mode); a step
   * is generation, then scoring and the update, then re-loading the weights; nothing waits.
   */
  COLOCATED,
  /**
   * Separate generation and training accelerators, one after the other in each step (on-policy): the trainers wait
   * while generators work and the generators wait while trainers work (Tülu 3 405B, section 8.1).
   */
  DISAGGREGATED,
  /**
   * Separate accelerators working at once, generation one step ahead of training (off-policy by one step): a step
   * lasts as long as the slower side plus the weight transfer, and the faster side waits.
   */
  ASYNCHRONOUS
}
