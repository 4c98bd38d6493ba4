package dev.persistence.core.architecture;

/** Whether, and over what width, queries and keys are normalised before the attention scores. */
public enum QueryKeyNorm {
  /** No query or key norm (Llama, Mistral, Qwen2). */
  NONE,
  /**
   * One norm of width {@code headDim} for queries and one for keys, shared by every head (Qwen3, Gemma 3:
   * {@code q_norm} and {@code k_norm} over the head dimension).
   */
  PER_HEAD,
  /**
   * One norm over the whole query projection ({@code heads x headDim}) and one over the whole key projection
   * ({@code kvHeads x headDim}) (OLMo 2).
   */
  PER_PROJECTION
}
