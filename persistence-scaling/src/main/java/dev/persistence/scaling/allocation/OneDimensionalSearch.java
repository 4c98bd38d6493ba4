package dev.persistence.scaling.allocation;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Robust one-dimensional minimisation and root finding with Hipparchus: a scan over a grid locates the basin
 * (so a function that is infinite on part of the interval, or mildly multimodal, is handled), then Brent's method
 * refines it. Brent's tolerances are relative 1e-12 and absolute 1e-12 in the search variable (log N or log D).
 * A minimum located from function values alone is only determined to about the square root of the precision of
 * those values, so an optimal N or D is accurate to a relative 1e-7 or better, while the loss or compute there is
 * accurate to about 1e-14. Roots (inverting a loss for D) are accurate to 1e-12 in log D.
 */
final class OneDimensionalSearch {
  private static final int GRID = 400;
  private static final double RELATIVE_TOLERANCE = 1e-12;
  private static final double ABSOLUTE_TOLERANCE = 1e-12;

  private OneDimensionalSearch() {}

  /** The argument of the minimum of {@code f} on [lo, hi]; NaN if f is infinite everywhere on the grid. */
  static double minimize(DoubleUnaryOperator f, double lo, double hi) {
    if (lo == hi) {
      return Double.isFinite(f.applyAsDouble(lo)) ? lo : Double.NaN;
    }
    int best = -1;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int i = 0; i <= GRID; i++) {
      double x = lo + (hi - lo) * i / GRID;
      double v = f.applyAsDouble(x);
      if (v < bestValue) {
        bestValue = v;
        best = i;
      }
    }
    if (best < 0) {
      return Double.NaN;
    }
    double left = lo + (hi - lo) * Math.max(best - 1, 0) / GRID;
    double right = lo + (hi - lo) * Math.min(best + 1, GRID) / GRID;
    double start = lo + (hi - lo) * best / GRID;
    BrentOptimizer optimizer = new BrentOptimizer(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE);
    UnivariatePointValuePair result =
        optimizer.optimize(
            new MaxEval(10_000),
            new UnivariateObjectiveFunction(x -> {
              double v = f.applyAsDouble(x);
              return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
            }),
            GoalType.MINIMIZE,
            new SearchInterval(left, right, start));
    return result.getValue() <= bestValue ? result.getPoint() : start;
  }

  /** A root of {@code f} on [lo, hi], where f changes sign. */
  static double root(DoubleUnaryOperator f, double lo, double hi) {
    return new BrentSolver(ABSOLUTE_TOLERANCE).solve(10_000, f::applyAsDouble, lo, hi);
  }
}
