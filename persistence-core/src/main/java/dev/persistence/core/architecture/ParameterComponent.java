package dev.persistence.core.architecture;

/** The parts of a model that a {@link ParameterBreakdown} counts separately. */
public enum ParameterComponent {
  /** The input token embedding table ({@code vocab x hidden}); when tied, it is also the output head. */
  TOKEN_EMBEDDING,
  /** Learned absolute position embeddings ({@code contextLength x hidden}). */
  POSITION_EMBEDDING,
  /** Attention projections, their biases, query/key and latent norms, attention sinks. */
  ATTENTION,
  /** Sequence mixers of a hybrid or state-space stack (Mamba, Mamba-2, gated DeltaNet layers). */
  SEQUENCE_MIXERS,
  /** Dense feed-forward blocks. */
  FEED_FORWARD,
  /** Routed experts of the mixture-of-experts layers. */
  ROUTED_EXPERTS,
  /** Shared experts of the mixture-of-experts layers. */
  SHARED_EXPERTS,
  /** Routers: their matrices and biases, score-correction biases and shared-expert gates. */
  ROUTER,
  /** The per-layer norms and the final norm. */
  NORMS,
  /** An untied output head and any output-head bias. */
  OUTPUT_HEAD
}
