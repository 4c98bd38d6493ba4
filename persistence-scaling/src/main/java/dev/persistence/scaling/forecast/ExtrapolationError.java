package dev.persistence.scaling.forecast;

/**
 * The optional extrapolation component of a forecast's interval: the error Epoch AI measured when extrapolating
 * benchmark scores beyond the models a fit saw (Owen 2024, "How Predictable Is Language Model Benchmark
 * Performance?", arXiv:2401.04757; quoted in reference/evaluation.json, ev-epoch-predictability), scaled by how
 * far the forecast lies beyond the runs.
 *
 * <p>The bootstrap covers the scatter of the runs and the fits' uncertainty given the functional forms; it cannot
 * cover a curve that bends differently beyond the runs. Epoch's back-test measures exactly that error, across 11
 * architectures, as a mean absolute error per order of magnitude of (scaled) compute extrapolated. How {@link
 * CapabilityForecaster} turns it into an interval term is described there.
 */
public enum ExtrapolationError {
  /** No extrapolation term: the interval is the bootstrap's alone. */
  NONE(0, "none"),
  /** 6 points of mean absolute error per order of magnitude, Owen 2024's figure for aggregate BIG-Bench Hard. */
  EPOCH_BBH_AGGREGATE(
      CapabilityForecast.EPOCH_ONE_OOM_AGGREGATE_ERROR_PP,
      "Epoch AI (Owen 2024, arXiv:2401.04757): aggregate BIG-Bench Hard"),
  /** 18 points per order of magnitude, Owen 2024's figure for single BIG-Bench tasks. */
  EPOCH_BIG_BENCH_TASK(
      CapabilityForecast.EPOCH_ONE_OOM_TASK_ERROR_PP,
      "Epoch AI (Owen 2024, arXiv:2401.04757): single BIG-Bench tasks");

  private final double meanAbsoluteErrorPointsPerOom;
  private final String source;

  ExtrapolationError(double meanAbsoluteErrorPointsPerOom, String source) {
    this.meanAbsoluteErrorPointsPerOom = meanAbsoluteErrorPointsPerOom;
    this.source = source;
  }

  /** Mean absolute error, percentage points of accuracy, per order of magnitude of compute extrapolated. */
  public double meanAbsoluteErrorPointsPerOom() {
    return meanAbsoluteErrorPointsPerOom;
  }

  /** Where the figure comes from, for output. */
  public String source() {
    return source;
  }
}
