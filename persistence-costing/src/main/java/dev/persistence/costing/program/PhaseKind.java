package dev.persistence.costing.program;

/** What a phase of a model program is for. */
public enum PhaseKind {
  /** Small-scale runs, ablations and scaling-law fits before the main run. */
  EXPERIMENTS,
  /** The foundation pre-training run. */
  PRETRAINING,
  /** Supervised fine-tuning on instruction data. */
  SUPERVISED_FINE_TUNING,
  /** Preference data and preference optimisation (RLHF reward models, DPO). */
  PREFERENCE_TUNING,
  /** Reinforcement learning with verifiable or learned rewards. */
  REINFORCEMENT_LEARNING,
  /** Evaluation and red-teaming. */
  EVALUATION,
  /** Production serving. */
  SERVING,
  /** Anything else (infrastructure build-out, data pipelines). */
  OTHER
}
