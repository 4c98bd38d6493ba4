package dev.persistence.costing.training;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;

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
    Checks.positive("acceleratorHours", acceleratorHours);
    Checks.positive("acceleratorCount", acceleratorCount);
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
    Checks.positive("wallClockHours", wallClockHours);
    Checks.positive("acceleratorCount", acceleratorCount);
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
