package dev.persistence.costing.posttraining;

/** What a part of a stage's cost is spent on. */
public enum ComponentKind {
  /** Tokens generated (prefill and decode) through the serving roofline. */
  GENERATION,
  /** Forward passes of frozen models (reference, reward, value, teacher) on the training accelerators. */
  FORWARD,
  /** Forward and backward passes with an optimizer step (the step-time model). */
  TRAINING,
  /** Copying the trainer's weights to the generators. */
  WEIGHT_SYNC,
  /** Accelerators held but waiting (disaggregated generation and training). */
  IDLE,
  /** People-hours (red-teaming, human evaluation): programme cost, no FLOPs. */
  PEOPLE
}
