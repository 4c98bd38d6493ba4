package dev.persistence.core.architecture;

/** The names of attention kinds, as papers and reports use them. */
public enum AttentionVariant {
  /** Multi-head attention (Vaswani et al. 2017): as many key/value heads as query heads. */
  MULTI_HEAD,
  /** Grouped-query attention (Ainslie et al. 2023): fewer key/value heads than query heads, more than one. */
  GROUPED_QUERY,
  /** Multi-query attention (Shazeer 2019): one key/value head. */
  MULTI_QUERY,
  /** Multi-head latent attention (DeepSeek-AI 2024, DeepSeek-V2 section 2.1). */
  MULTI_HEAD_LATENT
}
