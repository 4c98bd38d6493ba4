package dev.persistence.costing.posttraining;

/** The kinds of post-training stage. */
public enum StageKind {
  /** Supervised fine-tuning on demonstrations. */
  SFT,
  /** Preference tuning on chosen/rejected pairs (DPO and variants), optionally with a reward model. */
  PREFERENCE,
  /** Reinforcement learning with generated rollouts (PPO, GRPO, RLVR). */
  RL,
  /** Distillation from a teacher (off-policy: teacher generates; on-policy: teacher scores student samples). */
  DISTILLATION,
  /** Evaluation runs: benchmark suites through the serving roofline, plus people-hours. */
  EVALUATION
}
