package dev.persistence.core.architecture;

/**
 * How token positions enter the model; only learned absolute positions hold parameters.
 *
 * <p>Rotary inverse frequencies are buffers, not parameters, and are never counted.
 */
public enum PositionEncoding {
  /** Rotary position embedding (Su et al. 2021), no parameters. */
  ROTARY,
  /** A learned table of {@code contextLength x hiddenSize} absolute position embeddings (GPT-2). */
  LEARNED_ABSOLUTE,
  /** No position parameters at all (ALiBi biases, or none). */
  NONE
}
