package dev.persistence.costing.calibration;

import java.util.List;

/**
 * The result of {@link CalibrationFitter#fit}.
 *
 * @param calibration the fitted calibration
 * @param relativeErrors each observation's prediction over its measurement, minus one, after the fit
 * @param rootMeanSquareRelativeError the root mean square of {@code relativeErrors}
 * @param iterations optimizer iterations
 */
public record CalibrationFit(
    Calibration calibration,
    List<Double> relativeErrors,
    double rootMeanSquareRelativeError,
    int iterations) {

  /**
   * Copies the relative errors into an unmodifiable list.
   *
   * @throws NullPointerException if {@code relativeErrors} or one of them is null
   */
  public CalibrationFit {
    relativeErrors = List.copyOf(relativeErrors);
  }

  /** Mean absolute relative error. */
  public double meanAbsoluteRelativeError() {
    double sum = 0;
    for (double error : relativeErrors) {
      sum += Math.abs(error);
    }
    return sum / relativeErrors.size();
  }
}
