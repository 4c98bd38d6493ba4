package dev.persistence.scaling.fit;

import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.core.check.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Approach 3 of Hoffmann et al. 2022 (arXiv:2203.15556, Sec. 3.3 and App. D.2) as replicated by Besiroglu et al.
 * 2024 (arXiv:2404.10102): fit L = E + A/N^alpha + B/D^beta by minimising
 *
 * <pre>  sum_i Huber_delta( LSE(a - alpha log N_i, b - beta log D_i, e) - log L_i ),  A = e^a, B = e^b, E = e^e</pre>
 *
 * with delta = 1e-3, from the paper's grid of starting points (alpha, beta in {0, 0.5, ..., 2}; e in {-1, -0.5,
 * ..., 1}; a, b in {0, 5, ..., 25}: 4,500 starts), with a quasi-Newton method (L-BFGS, {@link LimitedMemoryBfgs})
 * and analytic gradients.
 *
 * <p>Procedure and tolerance: every start is run until an iteration improves the objective by less than a
 * relative 1e-4 (at most 1,000 iterations); the {@value #POLISHED_STARTS} best end points are then polished to a
 * relative improvement below 1e-15 or a gradient below 1e-15, and the best polished point is the fit. On Epoch's
 * 240 points this reaches the published optimum (objective 0.00101827) and takes about a second on one core;
 * running every start to full convergence gives the same optimum at several times the cost.
 *
 * <p>Bootstrap: each resample draws n observations with replacement from a seeded {@link SplittableRandom}, held
 * as integer weights (no copying), and is fitted by L-BFGS from the full-data optimum rather than from the whole
 * grid: a resample is close to the data, so its optimum is close to the full-data one, and this makes 1,000
 * resamples cost about as much as one grid fit. Results are reproducible for a given seed.
 */
public final class ChinchillaFitter {
  /** delta of the Huber loss (Hoffmann et al. 2022 App. D.2). */
  public static final double HUBER_DELTA = 1e-3;

  static final int POLISHED_STARTS = 20;
  private static final int SCREEN_ITERATIONS = 1_000;
  private static final double SCREEN_RELATIVE_TOLERANCE = 1e-4;
  private static final int POLISH_ITERATIONS = 5_000;
  private static final double POLISH_TOLERANCE = 1e-15;

  private final double[] alphaStarts;
  private final double[] betaStarts;
  private final double[] eStarts;
  private final double[] aStarts;
  private final double[] bStarts;

  private ChinchillaFitter(double[] alpha, double[] beta, double[] e, double[] a, double[] b) {
    this.alphaStarts = alpha;
    this.betaStarts = beta;
    this.eStarts = e;
    this.aStarts = a;
    this.bStarts = b;
  }

  /** The fitter with the paper's 4,500-point grid of starting points. */
  public static ChinchillaFitter paperGrid() {
    double[] exponents = {0, 0.5, 1, 1.5, 2};
    double[] e = {-1, -0.5, 0, 0.5, 1};
    double[] coefficients = {0, 5, 10, 15, 20, 25};
    return new ChinchillaFitter(exponents, exponents.clone(), e, coefficients, coefficients.clone());
  }

  /**
   * The most bootstrap resamples one call runs: each costs an L-BFGS polish and 56 bytes of kept estimates, so
   * 100,000 take minutes and 5.6 MB; a call is also refused when its estimates would exceed a quarter of the heap.
   */
  public static final int MAX_BOOTSTRAP_SAMPLES = 100_000;

  /** The number of starting points. */
  public int starts() {
    return alphaStarts.length * betaStarts.length * eStarts.length * aStarts.length * bStarts.length;
  }

  /**
   * Fits the Chinchilla form to {@code observations}.
   *
   * @throws IllegalArgumentException if there are fewer than 5 observations
   */
  public ParametricFit fit(List<Observation> observations) {
    HuberLogLossObjective objective = objective(observations);
    double[] best = fitGrid(objective);
    return result(best, objective.value(best), observations.size());
  }

  /**
   * Fits, then bootstraps {@code samples} resamples for intervals of every constant and of N_opt and D_opt at
   * {@code targetFlops}.
   *
   * @param samples number of resamples, in [2, {@value #MAX_BOOTSTRAP_SAMPLES}]
   * @param seed seed of the SplittableRandom
   * @param confidence interval level in (0, 1), for example 0.95
   * @param targetFlops training budget at which to predict the allocation, must be finite and &gt; 0
   * @throws IllegalArgumentException on fewer than 5 observations or an invalid argument
   */
  public BootstrapResult bootstrap(
      List<Observation> observations, int samples, long seed, double confidence, double targetFlops) {
    if (samples < 2 || samples > MAX_BOOTSTRAP_SAMPLES) {
      throw new IllegalArgumentException(
          "samples (" + samples + ") must be in [2, " + MAX_BOOTSTRAP_SAMPLES + "]");
    }
    // Seven estimates of 8 bytes per resample are kept for the percentiles; refuse what the heap cannot hold.
    long bytesNeeded = 7L * Double.BYTES * samples;
    if (bytesNeeded > Runtime.getRuntime().maxMemory() / 4) {
      throw new IllegalArgumentException(
          "samples (" + samples + ") need " + bytesNeeded + " bytes, more than a quarter of the heap");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence (" + confidence + ") must be in (0, 1)");
    }
    Checks.positive("targetFlops", targetFlops);
    HuberLogLossObjective objective = objective(observations);
    double[] optimum = fitGrid(objective);
    ParametricFit fit = result(optimum, objective.value(optimum), observations.size());

    double[] point = new double[2];
    allocation(optimum, targetFlops, point);
    if (!(Double.isFinite(point[0]) && Double.isFinite(point[1]) && point[0] > 0 && point[1] > 0)) {
      throw new IllegalArgumentException(
          "targetFlops (" + targetFlops + ") gives a compute-optimal allocation (N " + point[0] + ", D " + point[1]
              + ") outside the finite, positive range; use a smaller budget");
    }

    int n = observations.size();
    double[][] estimates = new double[7][samples];
    int[] counts = new int[n];
    double[] x = new double[HuberLogLossObjective.DIMENSION];
    LimitedMemoryBfgs polish = new LimitedMemoryBfgs(objective, POLISH_ITERATIONS, POLISH_TOLERANCE, POLISH_TOLERANCE);
    SplittableRandom random = new SplittableRandom(seed);
    for (int s = 0; s < samples; s++) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[random.nextInt(n)]++;
      }
      objective.setWeights(counts);
      System.arraycopy(optimum, 0, x, 0, x.length);
      polish.minimize(x);
      estimates[0][s] = Math.exp(x[HuberLogLossObjective.E]);
      estimates[1][s] = Math.exp(x[HuberLogLossObjective.A]);
      estimates[2][s] = Math.exp(x[HuberLogLossObjective.B]);
      estimates[3][s] = x[HuberLogLossObjective.ALPHA];
      estimates[4][s] = x[HuberLogLossObjective.BETA];
      allocation(x, targetFlops, point);
      estimates[5][s] = point[0];
      estimates[6][s] = point[1];
    }
    objective.resetWeights();
    return BootstrapResult.builder()
        .fit(fit)
        .samples(samples)
        .seed(seed)
        .confidence(confidence)
        .targetFlops(targetFlops)
        .irreducibleLoss(interval(estimates[0], confidence))
        .parameterCoefficient(interval(estimates[1], confidence))
        .tokenCoefficient(interval(estimates[2], confidence))
        .parameterExponent(interval(estimates[3], confidence))
        .tokenExponent(interval(estimates[4], confidence))
        .optimalParameters(interval(estimates[5], confidence))
        .optimalTokens(interval(estimates[6], confidence))
        .build();
  }

  /** Hoffmann et al. 2022 eq. 4 at {@code x}, inlined to avoid building a law per resample: N_opt, D_opt. */
  private static void allocation(double[] x, double targetFlops, double[] out) {
    double a = x[HuberLogLossObjective.A];
    double b = x[HuberLogLossObjective.B];
    double alpha = x[HuberLogLossObjective.ALPHA];
    double beta = x[HuberLogLossObjective.BETA];
    double g = Math.exp((Math.log(alpha) + a - Math.log(beta) - b) / (alpha + beta));
    out[0] = g * Math.pow(targetFlops / 6, beta / (alpha + beta));
    out[1] = Math.pow(targetFlops / 6, alpha / (alpha + beta)) / g;
  }

  /**
   * Refits the law to weighted resamples of {@code observations}, each by L-BFGS from {@code fit}'s optimum, as
   * {@link #bootstrap} does: {@code counts.get(s)[i]} is how many times observation {@code i} is drawn in resample
   * {@code s}. A caller that resamples several fits together (a two-step forecast) draws the counts once.
   *
   * @param observations the observations {@code fit} was fitted to
   * @param fit the full-data fit, the starting point of every refit
   * @param counts one array of {@code observations.size()} non-negative draws per resample
   * @throws IllegalArgumentException on fewer than 5 observations or a count array of the wrong length
   */
  public static java.util.List<ChinchillaLaw> refit(
      List<Observation> observations, ParametricFit fit, List<int[]> counts) {
    HuberLogLossObjective objective = objective(observations);
    ChinchillaLaw law = fit.law();
    double[] optimum = {
      Math.log(law.parameterCoefficient()),
      Math.log(law.tokenCoefficient()),
      Math.log(law.irreducibleLoss()),
      law.parameterExponent(),
      law.tokenExponent()
    };
    LimitedMemoryBfgs polish = new LimitedMemoryBfgs(objective, POLISH_ITERATIONS, POLISH_TOLERANCE, POLISH_TOLERANCE);
    java.util.List<ChinchillaLaw> laws = new java.util.ArrayList<>();
    for (int[] weights : counts) {
      if (weights.length != observations.size()) {
        throw new IllegalArgumentException(
            "counts length (" + weights.length + ") must equal observations (" + observations.size() + ")");
      }
      objective.setWeights(weights);
      double[] x = optimum.clone();
      double value = polish.minimize(x);
      laws.add(result(x, value, observations.size()).law());
    }
    objective.resetWeights();
    return java.util.List.copyOf(laws);
  }

  /**
   * The objective at a given law: the sum of Huber losses of its log residuals on {@code observations}.
   *
   * @throws IllegalArgumentException if there are fewer than 5 observations
   */
  public static double objective(ChinchillaLaw law, List<Observation> observations) {
    double[] x = {
      Math.log(law.parameterCoefficient()),
      Math.log(law.tokenCoefficient()),
      Math.log(law.irreducibleLoss()),
      law.parameterExponent(),
      law.tokenExponent()
    };
    return objective(observations).value(x);
  }

  private double[] fitGrid(HuberLogLossObjective objective) {
    int starts = starts();
    double[][] ends = new double[starts][];
    double[] values = new double[starts];
    LimitedMemoryBfgs screen =
        new LimitedMemoryBfgs(objective, SCREEN_ITERATIONS, 0, SCREEN_RELATIVE_TOLERANCE);
    int k = 0;
    for (double alpha : alphaStarts) {
      for (double beta : betaStarts) {
        for (double e : eStarts) {
          for (double a : aStarts) {
            for (double b : bStarts) {
              double[] x = {a, b, e, alpha, beta};
              double value = screen.minimize(x);
              values[k] = Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
              ends[k++] = x;
            }
          }
        }
      }
    }
    Integer[] order = new Integer[starts];
    for (int i = 0; i < starts; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> Double.compare(values[i], values[j]));
    LimitedMemoryBfgs polish = new LimitedMemoryBfgs(objective, POLISH_ITERATIONS, POLISH_TOLERANCE, POLISH_TOLERANCE);
    double[] best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int i = 0; i < Math.min(POLISHED_STARTS, starts); i++) {
      double[] x = ends[order[i]].clone();
      double value = polish.minimize(x);
      if (value < bestValue) {
        bestValue = value;
        best = x;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("the fit did not converge from any starting point");
    }
    return best;
  }

  private static HuberLogLossObjective objective(List<Observation> observations) {
    int n = observations.size();
    if (n < HuberLogLossObjective.DIMENSION) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "observations (%d) must number at least %d to fit 5 constants", n, HuberLogLossObjective.DIMENSION));
    }
    double[] logN = new double[n];
    double[] logD = new double[n];
    double[] logL = new double[n];
    for (int i = 0; i < n; i++) {
      Observation o = observations.get(i);
      logN[i] = Math.log(o.parameters());
      logD[i] = Math.log(o.tokens());
      logL[i] = Math.log(o.loss());
    }
    return new HuberLogLossObjective(logN, logD, logL, HUBER_DELTA);
  }

  private static ParametricFit result(double[] x, double value, int n) {
    ChinchillaLaw law = ChinchillaLaw.builder()
        .name("fitted")
        .description(String.format(Locale.ROOT, "Chinchilla form fitted to %d observations (Approach 3)", n))
        .source("Hoffmann et al. 2022 App. D.2 procedure; Besiroglu et al. 2024")
        .irreducibleLoss(Math.exp(x[HuberLogLossObjective.E]))
        .parameterCoefficient(Math.exp(x[HuberLogLossObjective.A]))
        .tokenCoefficient(Math.exp(x[HuberLogLossObjective.B]))
        .parameterExponent(x[HuberLogLossObjective.ALPHA])
        .tokenExponent(x[HuberLogLossObjective.BETA])
        .build();
    return ParametricFit.builder().law(law).objective(value).observations(n).build();
  }

  private static Interval interval(double[] values, double confidence) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double tail = (1 - confidence) / 2;
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double variance = 0;
    for (double v : values) {
      variance += (v - mean) * (v - mean);
    }
    double standardError = Math.sqrt(variance / (values.length - 1));
    return new Interval(percentile(sorted, tail), percentile(sorted, 1 - tail), standardError);
  }

  /** Linear interpolation between order statistics (Hyndman and Fan type 7, numpy's default). */
  private static double percentile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
