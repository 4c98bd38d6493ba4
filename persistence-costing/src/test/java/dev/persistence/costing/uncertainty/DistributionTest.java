package dev.persistence.costing.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionTest {

  private static double[] draws(Distribution distribution, int n) {
    SplittableRandom random = new SplittableRandom(42);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = distribution.sample(random);
    }
    java.util.Arrays.sort(values);
    return values;
  }

  @Test
  void drawsStayInSupportAndMatchKnownQuantiles() {
    int n = 200_000;
    // Uniform(2, 4): median 3.
    double[] uniform = draws(new Uniform(2, 4), n);
    assertEquals(3, uniform[n / 2], 0.01);
    // LogUniform(1, 100): median 10 (geometric midpoint).
    double[] logUniform = draws(new LogUniform(1, 100), n);
    assertEquals(10, logUniform[n / 2], 0.15);
    // Triangular(0, 0, 1): CDF 1 - (1 - x)^2, median 1 - sqrt(0.5).
    double[] triangular = draws(new Triangular(0, 0, 1), n);
    assertEquals(1 - Math.sqrt(0.5), triangular[n / 2], 0.005);
    // Standard normal: P90 = 1.2816 (standard normal table).
    double[] normal = draws(Normal.of(0, 1), n);
    assertEquals(1.2816, normal[9 * n / 10], 0.02);
    // Log-normal with median 5: P50 = 5, P90 = 5 exp(1.2816 sigma).
    double[] logNormal = draws(LogNormal.withMedian(5, 0.5), n);
    assertEquals(5, logNormal[n / 2], 0.05);
    assertEquals(5 * Math.exp(1.2816 * 0.5), logNormal[9 * n / 10], 0.1);
    // Truncated normal never leaves its bounds.
    double[] truncated = draws(new Normal(0.4, 0.2, 0.05, 0.6), n);
    assertTrue(truncated[0] >= 0.05 && truncated[n - 1] <= 0.6);
    // Weighted scenarios: 3:1.
    double[] scenarios = draws(Scenarios.weighted(new double[] {1, 2}, new double[] {3, 1}), n);
    assertEquals(1.0, scenarios[(int) (0.74 * n)], 0.0);
    assertEquals(2.0, scenarios[(int) (0.76 * n)], 0.0);
    for (Distribution d :
        List.of(new Uniform(2, 4), new LogUniform(1, 100), new Triangular(0, 0.3, 1), new Constant(7))) {
      double[] values = draws(d, 10_000);
      assertTrue(values[0] >= d.lowerSupport() && values[values.length - 1] <= d.upperSupport(), d.toString());
    }
  }

  @Test
  void scenariosAreImmutableCopies() {
    double[] values = {1, 2, 3};
    Scenarios scenarios = Scenarios.equallyLikely(values);
    values[0] = 99;
    scenarios.values()[1] = 99;
    assertArrayEquals(new double[] {1, 2, 3}, scenarios.values());
    assertEquals(Scenarios.equallyLikely(1, 2, 3), scenarios);
    assertEquals(1, scenarios.lowerSupport());
    assertEquals(3, scenarios.upperSupport());
  }

  @Test
  void rejections() {
    assertEquals(
        "uniform min (2.0) must be < max (1.0)",
        assertThrows(IllegalArgumentException.class, () -> new Uniform(2, 1)).getMessage());
    assertEquals(
        "uniform min (NaN) must be finite",
        assertThrows(IllegalArgumentException.class, () -> new Uniform(Double.NaN, 1)).getMessage());
    assertEquals(
        "log-uniform min (0.0) must be > 0",
        assertThrows(IllegalArgumentException.class, () -> new LogUniform(0, 1)).getMessage());
    assertEquals(
        "log-uniform min (5.0) must be < max (5.0)",
        assertThrows(IllegalArgumentException.class, () -> new LogUniform(5, 5)).getMessage());
    assertEquals(
        "triangular mode (3.0) must be in [min, max] = [0.0, 1.0]",
        assertThrows(IllegalArgumentException.class, () -> new Triangular(0, 3, 1)).getMessage());
    assertEquals(
        "triangular min (1.0) must be < max (1.0)",
        assertThrows(IllegalArgumentException.class, () -> new Triangular(1, 1, 1)).getMessage());
    assertEquals(
        "normal standardDeviation (0.0) must be finite and > 0",
        assertThrows(IllegalArgumentException.class, () -> Normal.of(1, 0)).getMessage());
    assertEquals(
        "normal lower (1.0) must be < upper (0.0)",
        assertThrows(IllegalArgumentException.class, () -> new Normal(0.5, 1, 1, 0)).getMessage());
    assertEquals(
        "normal mean (100.0) must lie within 6 standard deviations of [lower, upper] = [0.0, 1.0]",
        assertThrows(IllegalArgumentException.class, () -> new Normal(100, 1, 0, 1)).getMessage());
    assertEquals(
        "log-normal sigma (-1.0) must be finite and > 0",
        assertThrows(IllegalArgumentException.class, () -> new LogNormal(0, -1)).getMessage());
    assertEquals(
        "log-normal median (0.0) must be finite and > 0",
        assertThrows(IllegalArgumentException.class, () -> LogNormal.withMedian(0, 1)).getMessage());
    assertEquals(
        "constant value (Infinity) must be finite",
        assertThrows(IllegalArgumentException.class, () -> new Constant(Double.POSITIVE_INFINITY)).getMessage());
    assertEquals(
        "scenarios must have at least one value",
        assertThrows(IllegalArgumentException.class, () -> Scenarios.equallyLikely()).getMessage());
    assertEquals(
        "scenario weights (1) must match values (2) in number",
        assertThrows(
                IllegalArgumentException.class,
                () -> Scenarios.weighted(new double[] {1, 2}, new double[] {1}))
            .getMessage());
    assertEquals(
        "scenario weight 0 (-1.0) must be finite and >= 0",
        assertThrows(
                IllegalArgumentException.class, () -> Scenarios.weighted(new double[] {1}, new double[] {-1}))
            .getMessage());
    assertEquals(
        "scenario weights must not all be 0",
        assertThrows(
                IllegalArgumentException.class, () -> Scenarios.weighted(new double[] {1}, new double[] {0}))
            .getMessage());
    assertEquals(
        "scenario value 1 (NaN) must be finite",
        assertThrows(IllegalArgumentException.class, () -> Scenarios.equallyLikely(1, Double.NaN)).getMessage());
  }
}
