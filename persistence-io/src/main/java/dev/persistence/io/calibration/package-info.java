/** Documents of step-time calibrations (dev.persistence.costing.calibration). */
package dev.persistence.io.calibration;
