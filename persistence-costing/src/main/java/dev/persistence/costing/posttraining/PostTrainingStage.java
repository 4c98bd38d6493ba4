package dev.persistence.costing.posttraining;

/**
 * One post-training stage, as a team decides it: {@link SupervisedFineTuning}, {@link PreferenceTuning},
 * {@link ReinforcementLearning}, {@link Distillation} or {@link EvaluationRun}.
 */
public interface PostTrainingStage {

  /** The kind of stage, its name in files ({@code sft}, {@code preference}, {@code rl}, ...). */
  StageKind kind();
}
