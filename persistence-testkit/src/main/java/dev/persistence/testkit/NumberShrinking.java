package dev.persistence.testkit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/** Shrink trees of numbers: every candidate lies between the target and the value, closest to the target first. */
final class NumberShrinking {

  /** Halving steps toward a real value; beyond this the candidates differ in the last bits only. */
  private static final int REAL_HALVINGS = 24;

  private NumberShrinking() {}

  /** The simplest value of {@code [min, max]}: 0 when it is in range, else the end nearest 0. */
  static long simplest(long min, long max) {
    if (min <= 0 && max >= 0) {
      return 0;
    }
    return min > 0 ? min : max;
  }

  /** The simplest value of {@code [min, max]}: 0 when it is in range, else the end nearest 0. */
  static double simplest(double min, double max) {
    if (min <= 0 && max >= 0) {
      return 0;
    }
    return min > 0 ? min : max;
  }

  /**
   * A long that shrinks toward {@code target}: first the target, then points halfway, three quarters, ... of
   * the way to the value, ending one step from it. A monotone property therefore shrinks to its exact boundary.
   */
  static Shrinkable<Long> integral(long value, long target) {
    return Shrinkable.of(value, () -> integralCandidates(value, target).map(c -> integral(c, target)));
  }

  private static Stream<Long> integralCandidates(long value, long target) {
    if (value == target) {
      return Stream.empty();
    }
    boolean up = value > target;
    // Rounds toward the value so that the sequence reaches value - 1 (or + 1) and stops; overflow-safe.
    return Stream.iterate(
        target,
        candidate -> candidate != value,
        candidate -> up ? ceilingAverage(candidate, value) : floorAverage(candidate, value));
  }

  private static long floorAverage(long a, long b) {
    return (a & b) + ((a ^ b) >> 1);
  }

  private static long ceilingAverage(long a, long b) {
    return (a | b) - ((a ^ b) >> 1);
  }

  /**
   * A double that shrinks toward {@code target}: the target, then the value cut to 1, 2, 3 and 4 significant
   * digits toward the target, then points ever closer to the value (halfway in linear or in log space).
   */
  static Shrinkable<Double> real(double value, double target, boolean logScale) {
    return Shrinkable.of(
        value, () -> realCandidates(value, target, logScale).stream().map(c -> real(c, target, logScale)));
  }

  private static Set<Double> realCandidates(double value, double target, boolean logScale) {
    Set<Double> candidates = new LinkedHashSet<>();
    if (value == target || !Double.isFinite(value) || !Double.isFinite(target)) {
      return candidates;
    }
    candidates.add(target);
    RoundingMode towardTarget = value > target ? RoundingMode.FLOOR : RoundingMode.CEILING;
    for (int digits = 1; digits <= 4; digits++) {
      double rounded =
          BigDecimal.valueOf(value).round(new MathContext(digits, towardTarget)).doubleValue();
      if (strictlyBetween(rounded, target, value)) {
        candidates.add(rounded);
      }
    }
    double whole = value > target ? Math.floor(value) : Math.ceil(value);
    if (strictlyBetween(whole, target, value)) {
      candidates.add(whole);
    }
    double candidate = target;
    for (int step = 0; step < REAL_HALVINGS; step++) {
      candidate =
          logScale && candidate > 0 && value > 0
              ? Math.sqrt(candidate) * Math.sqrt(value)
              : candidate / 2 + value / 2;
      if (!strictlyBetween(candidate, target, value)) {
        break;
      }
      candidates.add(candidate);
    }
    return candidates;
  }

  private static boolean strictlyBetween(double candidate, double target, double value) {
    return candidate != value
        && (value > target ? candidate >= target && candidate < value : candidate <= target && candidate > value);
  }
}
