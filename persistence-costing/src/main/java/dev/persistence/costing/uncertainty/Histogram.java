package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.Arrays;

/**
 * Sampled values counted into equal-width bins between the smallest and the largest sample: bin {@code i} covers
 * {@code [lower + i w, lower + (i + 1) w)}, the last bin also holds the largest sample. When every sample is the
 * same value the histogram has one bin of width 0.
 *
 * @param lower the smallest sample, the first bin's lower edge
 * @param upper the largest sample, the last bin's upper edge
 * @param counts samples per bin; they sum to the sample count
 */
public record Histogram(double lower, double upper, long[] counts) {

  /**
   * Validates and copies the counts.
   *
   * @throws IllegalArgumentException if the edges are not finite or not ordered, or a count is negative
   */
  public Histogram {
    checkArgument(
        Double.isFinite(lower) && Double.isFinite(upper) && lower <= upper,
        "histogram edges (%s, %s) must be finite and ordered",
        lower,
        upper);
    checkArgument(counts != null && counts.length > 0, "histogram counts must hold at least one bin");
    counts = counts.clone();
    for (long count : counts) {
      Checks.nonNegative("histogram count", count);
    }
  }

  /**
   * Counts {@code values} into {@code bins} equal-width bins.
   *
   * @param values the samples, all finite, at least one
   * @param bins the number of bins, {@code >= 1}
   * @throws IllegalArgumentException if there are no values, a value is not finite, or {@code bins < 1}
   */
  public static Histogram of(double[] values, int bins) {
    checkArgument(bins >= 1, "bins (%s) must be >= 1", bins);
    checkArgument(values != null && values.length > 0, "histogram values must hold at least one value");
    double lower = Double.POSITIVE_INFINITY;
    double upper = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      Checks.finite("histogram value", value);
      lower = Math.min(lower, value);
      upper = Math.max(upper, value);
    }
    if (lower == upper) {
      return new Histogram(lower, upper, new long[] {values.length});
    }
    long[] counts = new long[bins];
    double width = (upper - lower) / bins;
    for (double value : values) {
      int bin = (int) ((value - lower) / width);
      counts[Math.min(bins - 1, Math.max(0, bin))]++;
    }
    return new Histogram(lower, upper, counts);
  }

  /** The counts (a copy). */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  /** The bins' width ({@code 0} for the single bin of a constant sample). */
  public double binWidth() {
    return (upper - lower) / counts.length;
  }

  /**
   * The lower edge of bin {@code bin}.
   *
   * @param bin the bin, from 0
   */
  public double binLower(int bin) {
    checkArgument(bin >= 0 && bin < counts.length, "bin (%s) must be in [0, %s)", bin, counts.length);
    return lower + bin * binWidth();
  }

  /** The samples counted. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Histogram h
        && Double.compare(lower, h.lower) == 0
        && Double.compare(upper, h.upper) == 0
        && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Double.hashCode(lower) + Double.hashCode(upper)) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Histogram[lower=" + lower + ", upper=" + upper + ", counts=" + Arrays.toString(counts) + "]";
  }
}
