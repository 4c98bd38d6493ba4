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
   * while generators work and the generators wait while trainers work (open-instruct's
   * {@code ppo_vllm_thread_ray_gtrl.py} with {@code --async_mode false}).
   */
  DISAGGREGATED,
  /**
   * Separate accelerators working at once, generation one step ahead of training (off-policy by one step): a step
   * lasts as long as the slower side plus the weight transfer, and the faster side waits. The Tülu 3 RLVR runs
   * ran this way: {@code async_mode} defaults to true in open-instruct's {@code ppo_vllm_thread_ray_gtrl.py}
   * (allenai/open-instruct@1f46ef8c for the 8B, @a1d53639 for the 70B, @d918192c for the 405B; generation of the
   * next batch in a thread "which learns from the second latest policy like Cleanba"), and no launch command in
   * its {@code docs/tulu3.md} turns it off.
   */
  ASYNCHRONOUS
}
