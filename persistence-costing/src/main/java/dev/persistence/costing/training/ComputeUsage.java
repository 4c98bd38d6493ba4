package dev.persistence.costing.training;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Accelerator time a job occupies: what money and energy are charged on. Built by {@link TrainingRun#usage()},
 * or directly from the accelerator-hours a paper reports.
 *
 * @param acceleratorHours accelerator-hours billed (elapsed time x accelerators, failures included), {@code > 0}
 * @param acceleratorCount accelerators used at once, {@code > 0}
 */
public record ComputeUsage(double acceleratorHours, long acceleratorCount) {

  /**
   * Validates the usage.
   *
   * @throws IllegalArgumentException if a value is not finite and positive
   */
  public ComputeUsage {
    checkArgument(
        acceleratorHours > 0 && Double.isFinite(acceleratorHours),
        "acceleratorHours (%s) must be finite and > 0",
        acceleratorHours);
    checkArgument(acceleratorCount > 0, "acceleratorCount (%s) must be > 0", acceleratorCount);
    checkArgument(
        acceleratorHours <= dev.persistence.core.exact.Amounts.MAX_QUANTITY,
        "acceleratorHours (%s) must be <= %s",
        acceleratorHours,
        dev.persistence.core.exact.Amounts.MAX_QUANTITY);
  }

  /**
   * Usage of {@code acceleratorCount} accelerators for {@code wallClockHours}.
   *
   * @param acceleratorCount accelerators, {@code > 0}
   * @param wallClockHours elapsed hours, {@code > 0}
   * @throws IllegalArgumentException if a value is not finite and positive
   */
  public static ComputeUsage ofWallClock(long acceleratorCount, double wallClockHours) {
    checkArgument(
        wallClockHours > 0 && Double.isFinite(wallClockHours),
        "wallClockHours (%s) must be finite and > 0",
        wallClockHours);
    checkArgument(acceleratorCount > 0, "acceleratorCount (%s) must be > 0", acceleratorCount);
    return new ComputeUsage(acceleratorCount * wallClockHours, acceleratorCount);
  }

  /** Elapsed hours, {@code acceleratorHours / acceleratorCount}. */
  public double wallClockHours() {
    return acceleratorHours / acceleratorCount;
  }

  /** Elapsed seconds. */
  public double wallClockSeconds() {
    return wallClockHours() * Durations.SECONDS_PER_HOUR;
  }

  /** Elapsed days. */
  public double wallClockDays() {
    return wallClockHours() / Durations.HOURS_PER_DAY;
  }

  /**
   * This usage followed by {@code next} (stages of one training, such as pre-training then context extension):
   * hours add up; the accelerator count is the larger of the two.
   *
   * @param next the following stage
   */
  public ComputeUsage plus(ComputeUsage next) {
    return new ComputeUsage(
        acceleratorHours + next.acceleratorHours, Math.max(acceleratorCount, next.acceleratorCount));
  }
}
