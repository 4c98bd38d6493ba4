/**
 * Documents for costing: owned clusters and their power, serving deployments and workloads, programs and their
 * phases, step-time calibrations and regulatory compute thresholds.
 */
package dev.persistence.io.costing;
