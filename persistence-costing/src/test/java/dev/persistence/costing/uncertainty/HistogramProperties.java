package dev.persistence.costing.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramProperties {

  /** Conservation: every sample lands in exactly one bin, and each bin holds the samples inside its edges. */
  @Test
  void everySampleInExactlyItsBin() {
    Property.forAll(Gen.lists(Gen.doubles(-1e6, 1e6), 1, 300), Gen.integers(1, 50))
        .verify(
            (values, bins) -> {
              double[] samples = values.stream().mapToDouble(Double::doubleValue).toArray();
              Histogram histogram = Histogram.of(samples, bins);
              assertEquals(samples.length, histogram.total());
              long[] counts = histogram.counts();
              if (histogram.binWidth() == 0) {
                assertEquals(1, counts.length);
                return;
              }
              assertEquals(bins, counts.length);
              for (int bin = 0; bin < bins; bin++) {
                double low = histogram.binLower(bin);
                double high = bin == bins - 1 ? Double.POSITIVE_INFINITY : histogram.binLower(bin + 1);
                long inside = 0;
                for (double sample : samples) {
                  // Edges are computed in floating point; a sample within rounding of an edge may go either way.
                  double slack = 1e-9 * (histogram.upper() - histogram.lower());
                  if (sample >= low + slack && sample < high - slack) {
                    inside++;
                  }
                }
                assertTrue(counts[bin] >= inside, bin + ": " + counts[bin] + " < " + inside);
              }
            });
  }

  @Test
  void constantSampleIsOneBinOfWidthZero() {
    Histogram histogram = Histogram.of(new double[] {2.5, 2.5, 2.5}, 30);
    assertArrayEquals(new long[] {3}, histogram.counts());
    assertEquals(0, histogram.binWidth());
    assertEquals(2.5, histogram.lower());
  }

  @Test
  void extremesLandInTheEndBins() {
    Histogram histogram = Histogram.of(new double[] {0, 1, 2, 3, 4}, 4);
    assertArrayEquals(new long[] {1, 1, 1, 2}, histogram.counts());
  }

  @Test
  void badInputIsNamed() {
    assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[0], 3));
    assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, 0));
    IllegalArgumentException nan =
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1, Double.NaN}, 3));
    assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
  }

  @Test
  void countsAreCopied() {
    long[] counts = {1, 2};
    Histogram histogram = new Histogram(0, 1, counts);
    counts[0] = 99;
    histogram.counts()[1] = 99;
    assertEquals(List.of(1L, 2L), List.of(histogram.counts()[0], histogram.counts()[1]));
  }
}
