package dev.persistence.costing.calibration;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * Fits calibration parameters to measured times: minimizes the sum of squared relative errors
 * {@code predicted / measured - 1} over the free parameters with Levenberg-Marquardt (Hipparchus), keeping each
 * parameter inside its {@link CalibrationParameter} bounds, with a central-difference Jacobian.
 *
 * <p>Use it with your own measured step times ({@link Observation}s built from the step-time model) to replace
 * the bundled numbers; fit no more free parameters than you have independent measurements.
 */
public final class CalibrationFitter {

  private static final int MAX_EVALUATIONS = 2_000;

  private CalibrationFitter() {}

  /**
   * Fits the free parameters.
   *
   * @param start the starting calibration; parameters not in {@code free} keep their values
   * @param free the parameters to fit
   * @param observations measured times with their predictions
   * @param source the source recorded for each fitted value ({@code "fit to our 12 runs of 2025-06"})
   * @return the fitted calibration and its residuals
   * @throws IllegalArgumentException if {@code free} is empty or there are fewer observations than free
   *     parameters
   */
  public static CalibrationFit fit(
      Calibration start, Set<CalibrationParameter> free, List<Observation> observations, String source) {
    checkArgument(!free.isEmpty(), "free parameters must not be empty");
    checkArgument(
        observations.size() >= free.size(),
        "observations (%s) must be at least the free parameters (%s)",
        observations.size(),
        free.size());
    CalibrationParameter[] parameters = free.toArray(new CalibrationParameter[0]);
    double[] initial = new double[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      initial[i] = start.value(parameters[i]);
    }
    MultivariateJacobianFunction model =
        point -> {
          double[] x = clamp(parameters, point.toArray());
          double[] value = residuals(start, parameters, x, observations);
          RealMatrix jacobian = new Array2DRowRealMatrix(observations.size(), parameters.length);
          for (int j = 0; j < parameters.length; j++) {
            double step = 1e-5 * Math.max(Math.abs(x[j]), 1e-3);
            double[] up = x.clone();
            double[] down = x.clone();
            up[j] = Math.min(parameters[j].upperBound(), x[j] + step);
            down[j] = Math.max(parameters[j].lowerBound(), x[j] - step);
            double[] above = residuals(start, parameters, up, observations);
            double[] below = residuals(start, parameters, down, observations);
            for (int i = 0; i < observations.size(); i++) {
              jacobian.setEntry(i, j, (above[i] - below[i]) / (up[j] - down[j]));
            }
          }
          return new Pair<RealVector, RealMatrix>(new ArrayRealVector(value, false), jacobian);
        };
    LeastSquaresProblem problem =
        new LeastSquaresBuilder()
            .start(initial)
            .model(model)
            .target(new double[observations.size()])
            .parameterValidator(point -> new ArrayRealVector(clamp(parameters, point.toArray()), false))
            .maxEvaluations(MAX_EVALUATIONS)
            .maxIterations(MAX_EVALUATIONS)
            .build();
    LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
    double[] fitted = clamp(parameters, optimum.getPoint().toArray());
    Calibration result = apply(start, parameters, fitted, source);
    List<Double> errors = new ArrayList<>();
    double squares = 0;
    for (Observation observation : observations) {
      double error = observation.relativeError(result);
      errors.add(error);
      squares += error * error;
    }
    return new CalibrationFit(
        result, List.copyOf(errors), Math.sqrt(squares / observations.size()), optimum.getIterations());
  }

  private static double[] clamp(CalibrationParameter[] parameters, double[] x) {
    double[] clamped = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      clamped[i] = Math.max(parameters[i].lowerBound(), Math.min(parameters[i].upperBound(), x[i]));
    }
    return clamped;
  }

  private static Calibration apply(
      Calibration start, CalibrationParameter[] parameters, double[] x, String source) {
    Calibration calibration = start;
    for (int i = 0; i < parameters.length; i++) {
      calibration = calibration.withValue(parameters[i], x[i], source);
    }
    return calibration;
  }

  private static double[] residuals(
      Calibration start, CalibrationParameter[] parameters, double[] x, List<Observation> observations) {
    Calibration calibration = apply(start, parameters, x, "fit");
    double[] residuals = new double[observations.size()];
    for (int i = 0; i < residuals.length; i++) {
      residuals[i] = observations.get(i).relativeError(calibration);
      if (!Double.isFinite(residuals[i])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "prediction of %s is not finite under %s", observations.get(i).label(), calibration));
      }
    }
    return residuals;
  }
}
