/** Regulatory training-compute thresholds, each with its legal source and date, and which a run crosses. */
package dev.persistence.costing.regulation;
