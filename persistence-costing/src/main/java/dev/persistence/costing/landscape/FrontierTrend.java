package dev.persistence.costing.landscape;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.TDistribution;
import org.immutables.value.Value;

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
 */
@Value.Immutable
public abstract class FrontierTrend {

  /** Returns a new builder. */
  public static ImmutableFrontierTrend.Builder builder() {
    return ImmutableFrontierTrend.builder();
  }

  /** Which models stand for the frontier. */
  public abstract TrendSelection selection();

  /** How many models the fit used. */
  public abstract int models();

  /** The earliest publication date used. */
  public abstract LocalDate firstDate();

  /** The latest publication date used. */
  public abstract LocalDate lastDate();

  /** Fitted slope, orders of magnitude of FLOP per year. */
  public abstract double slopeOomPerYear();

  /** Fitted {@code log10(FLOP)} at decimal year 2020.0. */
  public abstract double interceptLog10Flop();

  /** The slope's OLS standard error. */
  public abstract double slopeStandardError();

  /** Standard deviation of the residuals, orders of magnitude. */
  public abstract double residualStandardDeviation();

  /** Level of the intervals, in (0, 1). */
  public abstract double confidence();

  /** Lower end of the Student-t interval of the slope. */
  public abstract double slopeLower();

  /** Upper end of the Student-t interval of the slope. */
  public abstract double slopeUpper();

  /** Lower end of the bootstrap percentile interval of the slope. */
  public abstract double bootstrapSlopeLower();

  /** Upper end of the bootstrap percentile interval of the slope. */
  public abstract double bootstrapSlopeUpper();

  /** Bootstrap resamples drawn. */
  public abstract int bootstrapSamples();

  /** The reference year of {@link #interceptLog10Flop()}. */
  public static final double REFERENCE_YEAR = 2020.0;

  /** Default bootstrap resamples. */
  public static final int DEFAULT_BOOTSTRAP_SAMPLES = 2_000;

  /**
   * Checks the trend when one is built (Immutables {@code @Value.Check}): a slope whose growth per year and months
   * per tenfold are finite, intervals and spreads that are numbers, at least three models.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.atLeast("trend models", models(), 3);
    Checks.check(confidence() > 0 && confidence() < 1, "confidence", confidence(), "must be in (0, 1)");
    // The fastest published trend, 4-5x a year (Sevilla and Roldan 2024, reference/catalog/frontier-trend.json), is
    // 0.6-0.7 orders of magnitude a year; near zero a slope has no months per tenfold, and past 10 no growth factor
    // worth printing.
    Checks.check(Math.abs(slopeOomPerYear()) >= 1e-6 && Math.abs(slopeOomPerYear()) <= 10, "slopeOomPerYear",
        slopeOomPerYear(), "must have a magnitude in [1e-6, 10] orders of magnitude per year");
    Checks.finite("interceptLog10Flop", interceptLog10Flop());
    Checks.nonNegative("slopeStandardError", slopeStandardError());
    Checks.nonNegative("residualStandardDeviation", residualStandardDeviation());
    Checks.finite("slopeLower", slopeLower());
    Checks.finite("slopeUpper", slopeUpper());
    Checks.finite("bootstrapSlopeLower", bootstrapSlopeLower());
    Checks.finite("bootstrapSlopeUpper", bootstrapSlopeUpper());
    Checks.positive("bootstrapSamples", bootstrapSamples());
    Checks.check(
        !firstDate().isAfter(lastDate()), "firstDate", firstDate(), "must not be after lastDate (" + lastDate() + ")");
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
    Checks.check(confidence > 0 && confidence < 1, "confidence", confidence, "must be in (0, 1)");
    Checks.atLeast("bootstrapSamples", bootstrapSamples, 100);
    Checks.check(!from.isAfter(to), "from", from, "must not be after to (" + to + ")");
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
    return builder()
        .selection(selection)
        .models(n)
        .firstDate(kept.get(0).publicationDate())
        .lastDate(kept.get(n - 1).publicationDate())
        .slopeOomPerYear(line[0])
        .interceptLog10Flop(line[1])
        .slopeStandardError(se)
        .residualStandardDeviation(sigma)
        .confidence(confidence)
        .slopeLower(line[0] - t * se)
        .slopeUpper(line[0] + t * se)
        .bootstrapSlopeLower(percentile(slopes, tail))
        .bootstrapSlopeUpper(percentile(slopes, 1 - tail))
        .bootstrapSamples(bootstrapSamples)
        .build();
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
    return Math.pow(10, slopeOomPerYear());
  }

  /** Months for frontier compute to grow tenfold, {@code 12 / slope}. */
  public double monthsPerTenfold() {
    return 12 / slopeOomPerYear();
  }

  /**
   * The trend line's training compute at {@code date}, FLOP.
   *
   * @param date any date (beyond the data it is an extrapolation)
   */
  public double flopAt(LocalDate date) {
    return Math.pow(10, interceptLog10Flop() + slopeOomPerYear() * (decimalYear(date) - REFERENCE_YEAR));
  }

  /** One line: {@code 4.2x per year (90% CI 3.6-4.9x; bootstrap 3.5-5.0x), 41 models 2020-2025}. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%.2fx per year (%.0f%% CI %.2f-%.2fx; bootstrap %.2f-%.2fx), %d %s, %s to %s",
        growthPerYear(),
        100 * confidence(),
        Math.pow(10, slopeLower()),
        Math.pow(10, slopeUpper()),
        Math.pow(10, bootstrapSlopeLower()),
        Math.pow(10, bootstrapSlopeUpper()),
        models(),
        selection().describe(),
        firstDate(),
        lastDate());
  }
}
