/**
 * Published scaling laws as immutable types, each constant set with its source: Kaplan et al. 2020, the
 * Chinchilla form of Hoffmann et al. 2022 and its refits (Besiroglu et al. 2024, Muennighoff et al. 2023),
 * data-constrained scaling, DeepSeek LLM hyperparameter laws, Llama 3's token law and mixture-of-experts laws.
 * {@link dev.persistence.scaling.law.ScalingLaws} looks them up by name.
 */
@PersistenceStyle
package dev.persistence.scaling.law;

import dev.persistence.core.PersistenceStyle;
