/** Generators of the hardware types of {@code dev.persistence.core.hardware}, for property tests. */
package dev.persistence.testkit.hardware;
