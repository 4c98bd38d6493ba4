/**
 * Generators of valid {@link dev.persistence.core.data data} types (sources, curation pipelines, mixtures, token
 * budgets) for property tests.
 */
package dev.persistence.testkit.data;
