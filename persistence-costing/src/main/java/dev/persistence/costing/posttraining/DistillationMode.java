package dev.persistence.costing.posttraining;

/** How a student learns from a teacher. */
public enum DistillationMode {
  /**
   * The teacher generates responses, the student is fine-tuned on them (sequence-level distillation, Kim and Rush
   * 2016; Qwen3's off-policy strong-to-weak stage, Qwen Team 2025 section 4.5).
   */
  OFF_POLICY,
  /**
   * The student generates, the teacher forwards the student's samples for its logits, the student minimises the
   * KL to them (Agarwal et al. 2024, arXiv:2306.13649; Qwen3's on-policy stage): RL-shaped, the teacher in the
   * reward model's place, no critic, no reference.
   */
  ON_POLICY
}
