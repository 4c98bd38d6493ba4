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
   * ran this way: {@code async_mode} defaults to true in open-instruct's {@code ppo_vllm_thread_ray_gtrl.py} at
   * every commit from its first (d1108a0a, 2024-10-29) to 1d17da69 (2025-01-23), which spans the three runs
   * (generation of the next batch in a thread "which learns from the second latest policy like Cleanba"), and no
   * launch command in its {@code docs/tulu3.md} turns it off ({@code reference/post-training-settings.json}
   * pts-tulu3-rlvr-async-mode).
   */
  ASYNCHRONOUS
}
