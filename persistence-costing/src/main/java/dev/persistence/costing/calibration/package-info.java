/**
 * Calibrations of the step-time model: per-accelerator efficiencies and overlaps kept as documented data files,
 * and a least-squares fit of them to measured step times.
 */
package dev.persistence.costing.calibration;
