/** Generators of the parallelism types of {@code dev.persistence.core.parallelism}, for property tests. */
package dev.persistence.testkit.parallelism;
