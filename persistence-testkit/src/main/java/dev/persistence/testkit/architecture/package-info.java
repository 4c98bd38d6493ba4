/**
 * Generators of valid {@link dev.persistence.core.architecture.Architecture architectures} and their parts
 * (dense and mixture-of-experts, multi-head, grouped-query, multi-query and multi-head latent attention),
 * spanning 10M to 2T parameters, for property tests.
 */
package dev.persistence.testkit.architecture;
