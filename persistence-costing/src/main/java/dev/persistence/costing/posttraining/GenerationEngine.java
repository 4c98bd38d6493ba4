package dev.persistence.costing.posttraining;

/** What generates the rollouts. */
public enum GenerationEngine {
  /**
   * An inference engine (vLLM, SGLang) holding its own copy of the weights: continuous batching keeps the batch
   * full until the work runs out, so only the longest response's steps are a floor.
   */
  INFERENCE_ENGINE,
  /**
   * The trainer's own model generating (HuggingFace {@code generate} under DeepSpeed ZeRO-3, as DeepSpeed-Chat
   * without its hybrid engine and TRL did): static batches that each last the longest response, and the sharded
   * weights all-gathered over the scale-up fabric for every decode step (Rajbhandari et al. 2020, ZeRO section
   * 5.3: parameters gathered for each forward).
   */
  TRAINING_ENGINE
}
