/**
 * Parallelism-plan search: every valid plan for a model, a cluster, a global batch and a sequence length,
 * memory-checked before it is timed, ranked by step time or by cost.
 */
@PersistenceStyle
package dev.persistence.costing.search;

import dev.persistence.core.PersistenceStyle;
