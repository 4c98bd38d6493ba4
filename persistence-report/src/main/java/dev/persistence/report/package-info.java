/**
 * The plan report as a page people look at: {@link dev.persistence.report.PlanReportPage} turns a
 * {@link dev.persistence.costing.plan.PlanReport} into one self-contained HTML file, with the report's JSON
 * document and Apache ECharts inline and no network request at all.
 */
package dev.persistence.report;
