package dev.persistence.costing.landscape;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The growth of frontier training compute over time: an ordinary least-squares line through {@code log10(FLOP)}
 * against the publication date in decimal years, over the models a {@link TrendSelection} keeps.
 *
 * <p>This is the log-linear trend Sevilla et al. 2022 ("Compute Trends Across Three Eras of Machine Learning",
 * arXiv:2202.05924) and Epoch AI's later updates fit; the slope is in orders of magnitude per year and
 * {@code 10^slope} is the growth factor per year. Its uncertainty is given two ways: the regression's standard
 * error with a Student-t interval (which assumes independent, normal residuals around a straight line), and a
 * seeded pairs bootstrap percentile interval (which assumes only that the models are exchangeable); where the two
 * differ, the residuals are not what OLS assumes.
 *
 * @param selection which models stand for the frontier
 * @param models how many models the fit used
 * @param firstDate the earliest publication date used
 * @param lastDate the latest publication date used
 * @param slopeOomPerYear fitted slope, orders of magnitude of FLOP per year
 * @param interceptLog10Flop fitted {@code log10(FLOP)} at decimal year 2020.0
 * @param slopeStandardError the slope's OLS standard error
 * @param residualStandardDeviation standard deviation of the residuals, orders of magnitude
 * @param confidence level of the intervals, in (0, 1)
 * @param slopeLower lower end of the Student-t interval of the slope
 * @param slopeUpper upper end of the Student-t interval of the slope
 * @param bootstrapSlopeLower lower end of the bootstrap percentile interval of the slope
 * @param bootstrapSlopeUpper upper end of the bootstrap percentile interval of the slope
 * @param bootstrapSamples bootstrap resamples drawn
 */
public record FrontierTrend(
    TrendSelection selection,
    int models,
    LocalDate firstDate,
    LocalDate lastDate,
    double slopeOomPerYear,
    double interceptLog10Flop,
    double slopeStandardError,
    double residualStandardDeviation,
    double confidence,
    double slopeLower,
    double slopeUpper,
    double bootstrapSlopeLower,
    double bootstrapSlopeUpper,
    int bootstrapSamples) {

  /** The reference year of {@link #interceptLog10Flop()}. */
  public static final double REFERENCE_YEAR = 2020.0;

  /** Default bootstrap resamples. */
  public static final int DEFAULT_BOOTSTRAP_SAMPLES = 2_000;

  /** Validates the trend. */
  public FrontierTrend {
    checkArgument(selection != null && firstDate != null && lastDate != null, "trend fields must not be null");
    checkArgument(models >= 3, "trend models (%s) must be >= 3", models);
    checkArgument(confidence > 0 && confidence < 1, "confidence (%s) must be in (0, 1)", confidence);
  }

  /**
   * Fits the trend with a 90% interval and {@value #DEFAULT_BOOTSTRAP_SAMPLES} bootstrap resamples, seed 1.
   *
   * @param catalog the catalog of notable models
   * @param selection which of them stand for the frontier
   * @param from the earliest publication date to use (inclusive)
   * @throws IllegalArgumentException if fewer than 3 models are selected or they all share one date
   */
  public static FrontierTrend fit(List<NotableModel> catalog, TrendSelection selection, LocalDate from) {
    return fit(catalog, selection, from, LocalDate.MAX, 0.90, DEFAULT_BOOTSTRAP_SAMPLES, 1L);
  }

  /**
   * Fits the trend.
   *
   * @param catalog the catalog of notable models
   * @param selection which of them stand for the frontier
   * @param from the earliest publication date to use (inclusive)
   * @param to the latest publication date to use (inclusive)
   * @param confidence interval level in (0, 1)
   * @param bootstrapSamples resamples, {@code >= 100}
   * @param seed the bootstrap's seed
   * @throws IllegalArgumentException if fewer than 3 models are selected, they all share one date, or an argument
   *     is out of range
   */
  public static FrontierTrend fit(
      List<NotableModel> catalog,
      TrendSelection selection,
      LocalDate from,
      LocalDate to,
      double confidence,
      int bootstrapSamples,
      long seed) {
    checkArgument(confidence > 0 && confidence < 1, "confidence (%s) must be in (0, 1)", confidence);
    checkArgument(bootstrapSamples >= 100, "bootstrapSamples (%s) must be >= 100", bootstrapSamples);
    checkArgument(!from.isAfter(to), "from (%s) must not be after to (%s)", from, to);
    List<NotableModel> kept =
        selection.select(catalog).stream()
            .filter(m -> !m.publicationDate().isBefore(from) && !m.publicationDate().isAfter(to))
            .toList();
    int n = kept.size();
    checkArgument(n >= 3, "trend models (%s) must be >= 3; %s selects %s between %s and %s", n, selection.describe(), n, from, to);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = decimalYear(kept.get(i).publicationDate()) - REFERENCE_YEAR;
      y[i] = Math.log10(kept.get(i).trainingComputeFlop().getAsDouble());
    }
    double[] line = ols(x, y, null);
    checkArgument(!Double.isNaN(line[0]), "trend models (%s) must come from more than one publication date", kept.size());
    double rss = 0;
    double meanX = mean(x);
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - (line[1] + line[0] * x[i]);
      rss += r * r;
      sxx += (x[i] - meanX) * (x[i] - meanX);
    }
    double sigma = Math.sqrt(rss / (n - 2));
    double se = sigma / Math.sqrt(sxx);
    double t = new TDistribution(n - 2).inverseCumulativeProbability(0.5 + confidence / 2);

    double[] slopes = new double[bootstrapSamples];
    int[] counts = new int[n];
    SplittableRandom random = new SplittableRandom(seed);
    int drawn = 0;
    while (drawn < bootstrapSamples) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[random.nextInt(n)]++;
      }
      double slope = ols(x, y, counts)[0];
      // A resample whose models all share one date has no slope: draw again (rare but possible for tiny n).
      if (!Double.isNaN(slope)) {
        slopes[drawn++] = slope;
      }
    }
    Arrays.sort(slopes);
    double tail = (1 - confidence) / 2;
    return new FrontierTrend(
        selection,
        n,
        kept.get(0).publicationDate(),
        kept.get(n - 1).publicationDate(),
        line[0],
        line[1],
        se,
        sigma,
        confidence,
        line[0] - t * se,
        line[0] + t * se,
        percentile(slopes, tail),
        percentile(slopes, 1 - tail),
        bootstrapSamples);
  }

  /** {slope, intercept} of weighted least squares; NaN slope when every weighted x is equal. */
  private static double[] ols(double[] x, double[] y, int[] weights) {
    double sw = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < x.length; i++) {
      double w = weights == null ? 1 : weights[i];
      sw += w;
      sx += w * x[i];
      sy += w * y[i];
    }
    double mx = sx / sw;
    double my = sy / sw;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      double w = weights == null ? 1 : weights[i];
      sxx += w * (x[i] - mx) * (x[i] - mx);
      sxy += w * (x[i] - mx) * (y[i] - my);
    }
    if (!(sxx > 1e-12)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double slope = sxy / sxx;
    return new double[] {slope, my - slope * mx};
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Linear interpolation between order statistics (type 7). */
  private static double percentile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * A date as a decimal year: the year plus the fraction of it elapsed at the start of that day.
   *
   * @param date the date
   */
  public static double decimalYear(LocalDate date) {
    return date.getYear() + (date.getDayOfYear() - 1) / (double) date.lengthOfYear();
  }

  /** The growth factor per year, {@code 10^slope}. */
  public double growthPerYear() {
    return Math.pow(10, slopeOomPerYear);
  }

  /** Months for frontier compute to grow tenfold, {@code 12 / slope}. */
  public double monthsPerTenfold() {
    return 12 / slopeOomPerYear;
  }

  /**
   * The trend line's training compute at {@code date}, FLOP.
   *
   * @param date any date (beyond the data it is an extrapolation)
   */
  public double flopAt(LocalDate date) {
    return Math.pow(10, interceptLog10Flop + slopeOomPerYear * (decimalYear(date) - REFERENCE_YEAR));
  }

  /** One line: {@code 4.2x per year (90% CI 3.6-4.9x; bootstrap 3.5-5.0x), 41 models 2020-2025}. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%.2fx per year (%.0f%% CI %.2f-%.2fx; bootstrap %.2f-%.2fx), %d %s, %s to %s",
        growthPerYear(),
        100 * confidence,
        Math.pow(10, slopeLower),
        Math.pow(10, slopeUpper),
        Math.pow(10, bootstrapSlopeLower),
        Math.pow(10, bootstrapSlopeUpper),
        models,
        selection.describe(),
        firstDate,
        lastDate);
  }
}
