/**
 * Exact integer arithmetic for counts that multiply (parameters, FLOPs, bytes, tokens, replicas, batches): a
 * product or sum past {@code long} is an {@link java.lang.IllegalArgumentException} naming the inputs, never a
 * wrapped or saturated value ({@link dev.persistence.core.exact.ExactCounts}).
 */
package dev.persistence.core.exact;
