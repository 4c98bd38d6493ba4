/**
 * Decoder-only transformer architectures: attention (multi-head, grouped-query, multi-query, multi-head
 * latent), feed-forward (dense, gated, mixture of experts), norms and embeddings, validated at construction,
 * with exact parameter accounting ({@link dev.persistence.core.architecture.ParameterAccounting}).
 */
@PersistenceStyle
package dev.persistence.core.architecture;

import dev.persistence.core.PersistenceStyle;
