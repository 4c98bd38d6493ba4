package dev.persistence.scaling.forecast;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Least-squares fit of a {@link SigmoidLink} to (loss, score) pairs with a given floor (chance) and a cap on the
 * ceiling (the best score possible, 1 for an accuracy), by Hipparchus' Levenberg-Marquardt from a small grid of
 * starts. The ceiling, midpoint and slope are fitted in an unconstrained form: {@code ceiling = floor + (cap -
 * floor) logistic(r)}, {@code slope = exp(s)}, so every point of the search is a valid link.
 */
final class SigmoidFitter {
  private static final int MAX_EVALUATIONS = 2_000;

  private final double floor;
  private final double cap;

  SigmoidFitter(double floor, double cap) {
    Checks.finite("floor", floor);
    checkArgument(Double.isFinite(cap) && cap > floor, "maxScore (%s) must be finite and > floor (%s)", cap, floor);
    this.floor = floor;
    this.cap = cap;
  }

  /** The best fit from a grid of starts over the losses' range. */
  SigmoidLink fit(double[] loss, double[] score) {
    checkArgument(loss.length >= 4, "runs (%s) must be >= 4 for a sigmoid fit", loss.length);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double l : loss) {
      min = Math.min(min, l);
      max = Math.max(max, l);
    }
    double span = Math.max(max - min, 1e-3);
    double[] best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    for (double r : new double[] {-3, -1, 1, 3}) {
      for (double m : new double[] {min - span, min, (min + max) / 2, max}) {
        for (double s : new double[] {Math.log(0.5 / span), Math.log(2 / span), Math.log(8 / span)}) {
          double[] point = optimize(loss, score, new double[] {r, m, s});
          if (point != null) {
            double cost = cost(loss, score, point);
            if (cost < bestCost) {
              bestCost = cost;
              best = point;
            }
          }
        }
      }
    }
    checkArgument(best != null, "the sigmoid fit did not converge from any start");
    return link(best);
  }

  /** A refit from {@code start}'s optimum (a bootstrap resample), or the grid if that fails. */
  SigmoidLink refit(double[] loss, double[] score, SigmoidLink start) {
    double[] point = optimize(loss, score, unconstrained(start));
    return point == null ? fit(loss, score) : link(point);
  }

  private double[] unconstrained(SigmoidLink link) {
    double q = (link.ceiling() - floor) / (cap - floor);
    q = Math.min(Math.max(q, 1e-12), 1 - 1e-12);
    return new double[] {Math.log(q / (1 - q)), link.midpoint(), Math.log(link.slope())};
  }

  private SigmoidLink link(double[] p) {
    double q = 1 / (1 + Math.exp(-p[0]));
    double ceiling = floor + (cap - floor) * q;
    if (!(ceiling > floor)) {
      ceiling = Math.nextUp(floor);
    }
    return new SigmoidLink(floor, ceiling, p[1], Math.exp(p[2]));
  }

  private double[] optimize(double[] loss, double[] score, double[] start) {
    LeastSquaresProblem problem =
        new LeastSquaresBuilder()
            .start(start)
            .model(point -> valueAndJacobian(loss, point))
            .target(score)
            .maxEvaluations(MAX_EVALUATIONS)
            .maxIterations(MAX_EVALUATIONS)
            .build();
    try {
      LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
      double[] point = optimum.getPoint().toArray();
      for (double v : point) {
        if (!Double.isFinite(v) || Math.abs(v) > 700) {
          return null;
        }
      }
      return point;
    } catch (MathRuntimeException e) {
      return null;
    }
  }

  private Pair<RealVector, RealMatrix> valueAndJacobian(double[] loss, RealVector point) {
    double r = point.getEntry(0);
    double m = point.getEntry(1);
    double k = Math.exp(Math.min(point.getEntry(2), 700));
    double q = 1 / (1 + Math.exp(-r));
    double range = cap - floor;
    double[] value = new double[loss.length];
    double[][] jacobian = new double[loss.length][3];
    for (int i = 0; i < loss.length; i++) {
      double z = k * (loss[i] - m);
      double g = 1 / (1 + Math.exp(Math.min(z, 700)));
      value[i] = floor + range * q * g;
      jacobian[i][0] = range * q * (1 - q) * g;
      jacobian[i][1] = range * q * g * (1 - g) * k;
      jacobian[i][2] = -range * q * g * (1 - g) * z;
    }
    return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
  }

  private double cost(double[] loss, double[] score, double[] p) {
    SigmoidLink link = link(p);
    double sum = 0;
    for (int i = 0; i < loss.length; i++) {
      double d = score[i] - link.score(loss[i]);
      sum += d * d;
    }
    return sum;
  }
}
