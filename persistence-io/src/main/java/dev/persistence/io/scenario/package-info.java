/**
 * Scenario files: the input of {@code persistence plan}, in YAML or JSON, read strictly (every error names its
 * path in the file) into a {@link dev.persistence.costing.plan.Scenario}.
 */
package dev.persistence.io.scenario;
