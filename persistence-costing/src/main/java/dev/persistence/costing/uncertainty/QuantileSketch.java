package dev.persistence.costing.uncertainty;

import java.util.Arrays;

/**
 * A streaming quantile sketch with a bounded relative error: the logarithmic bucketing of DDSketch (Masson, Rim
 * and Lee 2019, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees", VLDB 12(12),
 * section 2, bucket {@code ceil(log_gamma x)} with {@code gamma = (1 + a) / (1 - a)}), without bucket collapsing.
 *
 * <p>Every quantile it returns is within a relative {@value #RELATIVE_ACCURACY} of the sample quantile it stands
 * for (Hyndman and Fan 1996 definition 7: linear interpolation between the two neighbouring order statistics,
 * each replaced by its bucket's representative). Memory is one {@code int} per occupied bucket range: about 1,150
 * buckets per decade the values span, a few tens of kilobytes for cost figures over a few decades, and at most
 * some 3 MB for values spanning every positive double.
 */
final class QuantileSketch {

  /** The relative accuracy of every quantile. */
  static final double RELATIVE_ACCURACY = 1e-3;

  private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
  private static final double LOG_GAMMA = Math.log(GAMMA);

  private final Store positive = new Store();
  private final Store negative = new Store();
  private long zeros;
  private long count;
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double lastValue = Double.NaN;
  private int lastKey;

  /**
   * Adds a finite value.
   *
   * @param value the value; the caller has checked that it is finite
   */
  void add(double value) {
    count++;
    sum += value;
    min = Math.min(min, value);
    max = Math.max(max, value);
    if (value > 0) {
      // Constant inputs give runs of equal values: reuse the last key rather than take a logarithm again.
      if (value != lastValue) {
        lastValue = value;
        lastKey = key(value);
      }
      positive.add(lastKey);
    } else if (value < 0) {
      negative.add(key(-value));
    } else {
      zeros++;
    }
  }

  private static int key(double magnitude) {
    return (int) Math.ceil(Math.log(magnitude) / LOG_GAMMA);
  }

  private static double representative(int key) {
    return 2 * Math.pow(GAMMA, key) / (GAMMA + 1);
  }

  long count() {
    return count;
  }

  double mean() {
    return sum / count;
  }

  /**
   * The {@code p}-quantile.
   *
   * @param p in [0, 1]
   */
  double quantile(double p) {
    double position = p * (count - 1);
    long below = (long) Math.floor(position);
    long above = Math.min(below + 1, count - 1);
    double low = orderStatistic(below);
    double high = orderStatistic(above);
    return low + (high - low) * (position - below);
  }

  /** The approximate {@code rank}-th smallest value (from 0), clamped to the exact minimum and maximum. */
  private double orderStatistic(long rank) {
    if (rank == 0) {
      return min;
    }
    if (rank == count - 1) {
      return max;
    }
    double value;
    long negatives = negative.total;
    if (rank < negatives) {
      // The negative store orders magnitudes upward; the smallest values are the largest magnitudes.
      value = -representative(negative.keyAtRank(negatives - 1 - rank));
    } else if (rank < negatives + zeros) {
      value = 0;
    } else {
      value = representative(positive.keyAtRank(rank - negatives - zeros));
    }
    return Math.max(min, Math.min(max, value));
  }

  /** Counts per bucket key, in a dense array that grows to cover the keys seen. */
  private static final class Store {
    private int[] counts = new int[0];
    private int offset;
    private long total;

    void add(int key) {
      if (counts.length == 0) {
        counts = new int[64];
        offset = key - 32;
      }
      int index = key - offset;
      if (index < 0 || index >= counts.length) {
        grow(key);
        index = key - offset;
      }
      counts[index]++;
      total++;
    }

    private void grow(int key) {
      int low = Math.min(offset, key);
      int high = Math.max(offset + counts.length - 1, key);
      int span = high - low + 1;
      int length = Math.max(span + 64, counts.length * 2);
      int newOffset = key < offset ? high - length + 1 : low;
      int[] grown = new int[length];
      System.arraycopy(counts, 0, grown, offset - newOffset, counts.length);
      counts = grown;
      offset = newOffset;
    }

    int keyAtRank(long rank) {
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen > rank) {
          return i + offset;
        }
      }
      throw new AssertionError("rank " + rank + " beyond " + total + " values; " + Arrays.toString(new int[0]));
    }
  }
}
