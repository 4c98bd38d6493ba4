/**
 * How training is spread over accelerators: parallel degrees, ZeRO stages, micro-batching and activation
 * recomputation.
 */
@PersistenceStyle
package dev.persistence.core.parallelism;

import dev.persistence.core.PersistenceStyle;
