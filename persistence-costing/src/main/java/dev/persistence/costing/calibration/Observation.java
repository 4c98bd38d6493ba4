package dev.persistence.costing.calibration;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.function.ToDoubleFunction;

/**
 * One measured time and the model's prediction of it under a calibration: a training step, or a part of one
 * (a layer's forward pass, say) when that is what was measured.
 *
 * <p>Not {@link dev.persistence.scaling.fit.Observation}, a training run's final loss for fitting a scaling law:
 * each observation type lives in the package of the fitter that takes it ({@link CalibrationFitter} here), and no
 * calculation takes both.
 *
 * @param label what was measured, for reports
 * @param measuredSeconds the measurement, in seconds
 * @param prediction the predicted seconds under a calibration
 */
public record Observation(String label, double measuredSeconds, ToDoubleFunction<Calibration> prediction) {

  /**
   * Validates the observation.
   *
   * @throws IllegalArgumentException if the measurement is not finite and positive
   */
  public Observation {
    checkArgument(
        measuredSeconds > 0 && Double.isFinite(measuredSeconds),
        "measuredSeconds (%s) of %s must be finite and > 0",
        measuredSeconds,
        label);
    checkArgument(prediction != null, "prediction of %s must not be null", label);
  }

  /**
   * The prediction under {@code calibration} over the measurement, minus one.
   *
   * @param calibration the calibration
   */
  public double relativeError(Calibration calibration) {
    return prediction.applyAsDouble(calibration) / measuredSeconds - 1;
  }
}
