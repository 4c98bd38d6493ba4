package dev.persistence.testkit;

import dev.persistence.core.check.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Range checks, uniform and log-uniform draws, and the edge cases of numeric ranges. */
final class Ranges {

  private Ranges() {}

  static void checkArgument(boolean condition, String template, Object... arguments) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, template, arguments));
    }
  }

  static void checkRange(long min, long max) {
    checkArgument(min <= max, "min (%s) must be <= max (%s)", min, max);
  }

  static void checkRange(double min, double max) {
    Checks.finite("min", min);
    Checks.finite("max", max);
    checkArgument(min <= max, "min (%s) must be <= max (%s)", min, max);
  }

  /** A long uniform in {@code [min, max]}, both ends included. */
  static long uniformLong(SplittableRandom random, long min, long max) {
    if (max < Long.MAX_VALUE) {
      return random.nextLong(min, max + 1);
    }
    if (min > Long.MIN_VALUE) {
      return random.nextLong(min - 1, max) + 1;
    }
    return random.nextLong();
  }

  /** A long whose logarithm is uniform in {@code [log min, log (max + 1))}. */
  static long logUniformLong(SplittableRandom random, long min, long max) {
    double low = Math.log(min);
    double high = Math.log((double) max + 1);
    long value = (long) Math.floor(Math.exp(low + (high - low) * random.nextDouble()));
    return Math.max(min, Math.min(max, value));
  }

  /** A double uniform in {@code [min, max]}. */
  static double uniformDouble(SplittableRandom random, double min, double max) {
    double fraction = random.nextDouble();
    double value = min + (max - min) * fraction;
    if (!Double.isFinite(value)) {
      // max - min overflows a double: interpolate without forming the span.
      value = min * (1 - fraction) + max * fraction;
    }
    return Math.max(min, Math.min(max, value));
  }

  /** A double whose logarithm is uniform in {@code [log min, log max]}. */
  static double logUniformDouble(SplittableRandom random, double min, double max) {
    double low = Math.log(min);
    double high = Math.log(max);
    return Math.max(min, Math.min(max, Math.exp(low + (high - low) * random.nextDouble())));
  }

  static List<Shrinkable<Long>> integralEdges(long min, long max, long target) {
    List<Shrinkable<Long>> edges = new ArrayList<>();
    edges.add(NumberShrinking.integral(min, target));
    if (max != min) {
      edges.add(NumberShrinking.integral(max, target));
    }
    if (min < 0 && max > 0) {
      edges.add(NumberShrinking.integral(0, target));
    }
    return edges;
  }

  static List<Shrinkable<Double>> realEdges(double min, double max, double target, boolean logScale) {
    List<Shrinkable<Double>> edges = new ArrayList<>();
    edges.add(NumberShrinking.real(min, target, logScale));
    if (max != min) {
      edges.add(NumberShrinking.real(max, target, logScale));
    }
    if (min < 0 && max > 0) {
      edges.add(NumberShrinking.real(0.0, target, logScale));
    }
    return edges;
  }
}
