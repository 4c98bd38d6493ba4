/**
 * Compute-optimal allocation of a budget between parameters and training tokens, by compute budget or by
 * target loss, with the constraints planners meet: a cap on unique tokens, a cap on parameters, a fixed token
 * budget and an inference demand (Sardana et al. 2024).
 */
@PersistenceStyle
package dev.persistence.scaling.allocation;

import dev.persistence.core.PersistenceStyle;
