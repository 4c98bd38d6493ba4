package dev.persistence.scaling.fit;

/**
 * The Approach 3 objective of Hoffmann et al. 2022 (arXiv:2203.15556, App. D.2, eq. 10) and Besiroglu et al. 2024
 * (arXiv:2404.10102): the sum over observations of Huber_delta(LSE(a - alpha log N, b - beta log D, e) - log L).
 *
 * <p>Parameters are packed as {@code [a, b, e, alpha, beta]} (so that A = exp(a), B = exp(b), E = exp(e)). The
 * observations are held as primitive arrays and evaluation allocates nothing: the multi-start fit evaluates this
 * function millions of times. The log-sum-exp is computed with the maximum subtracted, so it never overflows.
 * Each observation carries an integer weight (the number of times a bootstrap resample drew it; 1 for a plain fit),
 * which lets a bootstrap replicate reuse the same arrays instead of copying them.
 */
final class HuberLogLossObjective {
  static final int A = 0;
  static final int B = 1;
  static final int E = 2;
  static final int ALPHA = 3;
  static final int BETA = 4;
  static final int DIMENSION = 5;

  /**
   * Below this exponent, exp cannot overflow even summed three times, so the max-shift of the log-sum-exp (one
   * more exp per term) is skipped; above it, the shifted form is used.
   */
  private static final double SAFE_EXPONENT = 700;

  private final double[] logParameters;
  private final double[] logTokens;
  private final double[] logLoss;
  private final double[] weights;
  private final double delta;

  HuberLogLossObjective(double[] logParameters, double[] logTokens, double[] logLoss, double delta) {
    this.logParameters = logParameters;
    this.logTokens = logTokens;
    this.logLoss = logLoss;
    this.weights = new double[logParameters.length];
    java.util.Arrays.fill(weights, 1.0);
    this.delta = delta;
  }

  int size() {
    return logParameters.length;
  }

  /** Sets the bootstrap weights (counts); {@code counts.length} must equal {@link #size()}. */
  void setWeights(int[] counts) {
    for (int i = 0; i < counts.length; i++) {
      weights[i] = counts[i];
    }
  }

  void resetWeights() {
    java.util.Arrays.fill(weights, 1.0);
  }

  /** The objective at {@code x}. */
  double value(double[] x) {
    double a = x[A];
    double b = x[B];
    double e = x[E];
    double alpha = x[ALPHA];
    double beta = x[BETA];
    double expE = Math.exp(e);
    double sum = 0;
    for (int i = 0; i < logParameters.length; i++) {
      double w = weights[i];
      if (w == 0) {
        continue;
      }
      double t1 = a - alpha * logParameters[i];
      double t2 = b - beta * logTokens[i];
      double lse;
      if (t1 < SAFE_EXPONENT && t2 < SAFE_EXPONENT && e < SAFE_EXPONENT) {
        lse = Math.log(Math.exp(t1) + Math.exp(t2) + expE);
      } else {
        double m = Math.max(Math.max(t1, t2), e);
        lse = m + Math.log(Math.exp(t1 - m) + Math.exp(t2 - m) + Math.exp(e - m));
      }
      sum += w * huber(lse - logLoss[i]);
    }
    return sum;
  }

  /** The objective at {@code x}, writing its gradient into {@code gradient}. */
  double valueAndGradient(double[] x, double[] gradient) {
    double a = x[A];
    double b = x[B];
    double e = x[E];
    double alpha = x[ALPHA];
    double beta = x[BETA];
    double sum = 0;
    double ga = 0;
    double gb = 0;
    double ge = 0;
    double galpha = 0;
    double gbeta = 0;
    double expE = Math.exp(e);
    for (int i = 0; i < logParameters.length; i++) {
      double w = weights[i];
      if (w == 0) {
        continue;
      }
      double t1 = a - alpha * logParameters[i];
      double t2 = b - beta * logTokens[i];
      double p1;
      double p2;
      double p3;
      double m;
      if (t1 < SAFE_EXPONENT && t2 < SAFE_EXPONENT && e < SAFE_EXPONENT) {
        m = 0;
        p1 = Math.exp(t1);
        p2 = Math.exp(t2);
        p3 = expE;
      } else {
        m = Math.max(Math.max(t1, t2), e);
        p1 = Math.exp(t1 - m);
        p2 = Math.exp(t2 - m);
        p3 = Math.exp(e - m);
      }
      double s = p1 + p2 + p3;
      double r = m + Math.log(s) - logLoss[i];
      double slope;
      if (Math.abs(r) <= delta) {
        sum += w * 0.5 * r * r;
        slope = w * r;
      } else {
        sum += w * delta * (Math.abs(r) - 0.5 * delta);
        slope = w * (r > 0 ? delta : -delta);
      }
      double scale = slope / s;
      double d1 = scale * p1;
      double d2 = scale * p2;
      ga += d1;
      gb += d2;
      ge += scale * p3;
      galpha -= d1 * logParameters[i];
      gbeta -= d2 * logTokens[i];
    }
    gradient[A] = ga;
    gradient[B] = gb;
    gradient[E] = ge;
    gradient[ALPHA] = galpha;
    gradient[BETA] = gbeta;
    return sum;
  }

  private double huber(double r) {
    double abs = Math.abs(r);
    return abs <= delta ? 0.5 * r * r : delta * (abs - 0.5 * delta);
  }
}
