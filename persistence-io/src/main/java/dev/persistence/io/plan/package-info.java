/**
 * What {@code persistence plan} writes: the {@link dev.persistence.costing.plan.PlanReport} as one JSON document
 * ({@link dev.persistence.io.plan.PlanReportJson}), the document that {@code plan --json} prints and that the HTML
 * report embeds.
 */
package dev.persistence.io.plan;
