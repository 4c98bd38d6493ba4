package dev.persistence.scaling.law;

/**
 * The compute-optimal exponents N_opt ~ C^a, D_opt ~ C^b of Hoffmann et al. 2022 (arXiv:2203.15556, Table 2),
 * with the 10th and 90th percentiles the paper prints, and Kaplan et al. 2020 for comparison.
 */
public enum FrontierExponents {
  /** Approach 1 (minimum over training curves): a = 0.50 (0.488, 0.502), b = 0.50 (0.501, 0.512). */
  APPROACH_1(0.50, 0.488, 0.502, 0.50, 0.501, 0.512),
  /** Approach 2 (isoFLOP profiles): a = 0.49 (0.462, 0.534), b = 0.51 (0.483, 0.529). */
  APPROACH_2(0.49, 0.462, 0.534, 0.51, 0.483, 0.529),
  /**
   * Approach 3 (parametric fit): a = 0.46 (0.454, 0.455), b = 0.54 (0.542, 0.543). The printed interval does not
   * contain the printed point estimate; Besiroglu et al. 2024 discuss why the intervals are implausibly narrow.
   */
  APPROACH_3(0.46, 0.454, 0.455, 0.54, 0.542, 0.543),
  /** Kaplan et al. 2020 as quoted in Table 2: a = 0.73, b = 0.27 (no interval). */
  KAPLAN(0.73, Double.NaN, Double.NaN, 0.27, Double.NaN, Double.NaN);

  private final double parameterExponent;
  private final double parameterLower;
  private final double parameterUpper;
  private final double tokenExponent;
  private final double tokenLower;
  private final double tokenUpper;

  FrontierExponents(double a, double aLow, double aHigh, double b, double bLow, double bHigh) {
    this.parameterExponent = a;
    this.parameterLower = aLow;
    this.parameterUpper = aHigh;
    this.tokenExponent = b;
    this.tokenLower = bLow;
    this.tokenUpper = bHigh;
  }

  /** a of N_opt ~ C^a. */
  public double parameterExponent() {
    return parameterExponent;
  }

  /** The printed 10th percentile of a (NaN where none is printed). */
  public double parameterExponentLower() {
    return parameterLower;
  }

  /** The printed 90th percentile of a (NaN where none is printed). */
  public double parameterExponentUpper() {
    return parameterUpper;
  }

  /** b of D_opt ~ C^b. */
  public double tokenExponent() {
    return tokenExponent;
  }

  /** The printed 10th percentile of b (NaN where none is printed). */
  public double tokenExponentLower() {
    return tokenLower;
  }

  /** The printed 90th percentile of b (NaN where none is printed). */
  public double tokenExponentUpper() {
    return tokenUpper;
  }
}
