/**
 * Accelerators (peak FLOP/s by precision, memory, bandwidth, power, scale-up links) and the clusters built from
 * them (nodes, scale-up domains, scale-out network, power overheads).
 */
@PersistenceStyle
package dev.persistence.core.hardware;

import dev.persistence.core.PersistenceStyle;
