package dev.persistence.core.architecture;

/** What a named component beside the language model is. */
public enum ComponentKind {
  /** Multi-token-prediction modules (DeepSeek-V3 section 2.2). */
  MULTI_TOKEN_PREDICTION,
  /** An image encoder (SigLIP, Pixtral, the Llama 4 vision encoder). */
  VISION_TOWER,
  /** An audio encoder. */
  AUDIO_TOWER,
  /** The projector (and any adapter) that maps an encoder's output into the language model's width. */
  PROJECTOR
}
