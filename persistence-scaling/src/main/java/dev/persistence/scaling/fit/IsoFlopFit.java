package dev.persistence.scaling.fit;

import dev.persistence.core.check.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Approach 2 of Hoffmann et al. 2022 (arXiv:2203.15556, Sec. 3.2): for each isoFLOP profile fit a parabola to
 * loss against log N, take its minimum as the optimal N for that budget, then fit N_opt = k C^a and D_opt =
 * k' C^b by least squares in log space (the paper finds a = 0.49, b = 0.51, Table 2).
 *
 * @param minima one per profile, by increasing budget
 * @param parameterExponent a
 * @param parameterCoefficient k of N_opt = k C^a
 * @param tokenExponent b
 * @param tokenCoefficient k' of D_opt = k' C^b
 */
public record IsoFlopFit(
    List<IsoFlopMinimum> minima,
    double parameterExponent,
    double parameterCoefficient,
    double tokenExponent,
    double tokenCoefficient) {

  /** Copies the minima. */
  public IsoFlopFit {
    minima = List.copyOf(minima);
  }

  /** N_opt = k C^a at {@code trainingFlops}. */
  public double optimalParameters(double trainingFlops) {
    return parameterCoefficient * Math.pow(Checks.positive("trainingFlops", trainingFlops), parameterExponent);
  }

  /** D_opt = k' C^b at {@code trainingFlops}. */
  public double optimalTokens(double trainingFlops) {
    return tokenCoefficient * Math.pow(Checks.positive("trainingFlops", trainingFlops), tokenExponent);
  }

  /**
   * Groups observations into isoFLOP profiles: sorted by 6ND, a new profile starts where the budget differs from
   * the previous observation's by more than {@code relativeTolerance}.
   *
   * @throws IllegalArgumentException if {@code relativeTolerance} is not finite and positive
   */
  public static List<List<Observation>> profiles(List<Observation> observations, double relativeTolerance) {
    Checks.positive("relativeTolerance", relativeTolerance);
    List<Observation> sorted = new ArrayList<>(observations);
    sorted.sort(Comparator.comparingDouble(Observation::trainingFlops));
    List<List<Observation>> profiles = new ArrayList<>();
    List<Observation> current = new ArrayList<>();
    double previous = Double.NaN;
    for (Observation o : sorted) {
      double c = o.trainingFlops();
      if (!current.isEmpty() && Math.abs(c - previous) > relativeTolerance * previous) {
        profiles.add(current);
        current = new ArrayList<>();
      }
      current.add(o);
      previous = c;
    }
    if (!current.isEmpty()) {
      profiles.add(current);
    }
    return profiles;
  }

  /**
   * Fits the profiles. Each profile's budget is the geometric mean of its observations' 6ND.
   *
   * @throws IllegalArgumentException if fewer than 2 profiles are given, a profile has fewer than 3 distinct model
   *     sizes, or a profile's parabola opens downwards (no minimum)
   */
  public static IsoFlopFit fit(List<List<Observation>> profiles) {
    if (profiles.size() < 2) {
      throw new IllegalArgumentException("profiles (" + profiles.size() + ") must number at least 2");
    }
    List<IsoFlopMinimum> minima = new ArrayList<>();
    for (List<Observation> profile : profiles) {
      minima.add(minimum(profile));
    }
    minima.sort(Comparator.comparingDouble(IsoFlopMinimum::trainingFlops));
    int m = minima.size();
    double[] logC = new double[m];
    double[] logN = new double[m];
    double[] logD = new double[m];
    for (int i = 0; i < m; i++) {
      logC[i] = Math.log(minima.get(i).trainingFlops());
      logN[i] = Math.log(minima.get(i).parameters());
      logD[i] = Math.log(minima.get(i).tokens());
    }
    double[] n = line(logC, logN);
    double[] d = line(logC, logD);
    return new IsoFlopFit(minima, n[1], Math.exp(n[0]), d[1], Math.exp(d[0]));
  }

  private static IsoFlopMinimum minimum(List<Observation> profile) {
    int k = profile.size();
    if (k < 3) {
      throw new IllegalArgumentException("an isoFLOP profile has " + k + " observations; a parabola needs >= 3");
    }
    double logFlops = 0;
    double[][] design = new double[k][3];
    double[] loss = new double[k];
    for (int i = 0; i < k; i++) {
      Observation o = profile.get(i);
      double x = Math.log(o.parameters());
      design[i][0] = 1;
      design[i][1] = x;
      design[i][2] = x * x;
      loss[i] = o.loss();
      logFlops += Math.log(o.trainingFlops());
    }
    double flops = Math.exp(logFlops / k);
    RealVector coefficients = new QRDecomposition(new Array2DRowRealMatrix(design, false))
        .getSolver()
        .solve(new ArrayRealVector(loss, false));
    double c1 = coefficients.getEntry(1);
    double c2 = coefficients.getEntry(2);
    if (!(c2 > 0)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the isoFLOP profile at %.4g FLOPs has no minimum (curvature %s must be > 0)", flops, c2));
    }
    double x = -c1 / (2 * c2);
    double parameters = Math.exp(x);
    double minLoss = coefficients.getEntry(0) + c1 * x + c2 * x * x;
    return new IsoFlopMinimum(flops, parameters, flops / (6 * parameters), minLoss);
  }

  /** Least-squares line y = intercept + slope x; returns {intercept, slope}. */
  private static double[] line(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= x.length;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    if (!(sxx > 0)) {
      throw new IllegalArgumentException("isoFLOP profiles must span more than one compute budget");
    }
    double slope = sxy / sxx;
    return new double[] {my - slope * mx, slope};
  }
}
