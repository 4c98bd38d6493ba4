/**
 * Memory accounting: what one accelerator holds while training ({@link
 * dev.persistence.core.memory.TrainingMemory}) and serving ({@link dev.persistence.core.memory.InferenceMemory},
 * {@link dev.persistence.core.memory.KeyValueCache}), with the allowance for framework workspace and
 * fragmentation made explicit ({@link dev.persistence.core.memory.MemoryAllowance}).
 */
@PersistenceStyle
package dev.persistence.core.memory;

import dev.persistence.core.PersistenceStyle;
