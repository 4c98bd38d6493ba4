/**
 * Post-training from first principles: supervised fine-tuning, preference tuning (DPO and its variants, reward
 * models), reinforcement learning with rollouts (PPO, GRPO and relatives), distillation and evaluation runs, each
 * costed from what a team decides (examples, pairs, prompts, samples, lengths, steps, GPUs) with the models the
 * library already has: the step-time model ({@link dev.persistence.costing.steptime.StepTimeModel}) and training
 * memory for every forward and backward pass, the serving roofline
 * ({@link dev.persistence.costing.serving.ServingRoofline}) for every generated token.
 *
 * <p>Entry point: {@link PostTrainingEstimator#estimate}. One calibration, {@link PostTrainingCalibration#TULU3_405B},
 * scales the three models' ideal figures to what post-training frameworks reach.
 */
@PersistenceStyle
package dev.persistence.costing.posttraining;

import dev.persistence.core.PersistenceStyle;
