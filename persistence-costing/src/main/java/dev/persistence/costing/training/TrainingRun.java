package dev.persistence.costing.training;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.Amounts;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.precision.NumericFormat;

/**
 * Time and accelerator-hours of a training run: {@code trainingFlops} executed at
 * {@code achievedFlopsPerSecondPerAccelerator} on each of {@code acceleratorCount} accelerators, with a goodput
 * allowance for failures, restarts and checkpointing.
 *
 * <p>Uninterrupted time is {@code trainingFlops / (acceleratorCount x achievedFlopsPerSecondPerAccelerator)}
 * (Narayanan et al. 2021, arXiv:2104.04473, eq. 4, {@code 8TP/(nX)}, with the FLOPs per token folded into
 * {@code trainingFlops}); elapsed time divides it by {@link Goodput#fraction()}. The achieved FLOP/s is the general
 * input (a step-time model supplies it); {@link #withModelFlopsUtilization} is the convenient form, model FLOPs
 * utilisation times the dense peak (Chowdhery et al. 2022, PaLM, arXiv:2204.02311, section 4.1 and Appendix B).
 *
 * @param trainingFlops FLOPs of the whole run (model FLOPs when the achieved rate is MFU-based), {@code > 0}
 * @param acceleratorCount accelerators training at once, {@code > 0}
 * @param achievedFlopsPerSecondPerAccelerator FLOP/s each accelerator sustains while training, {@code > 0}
 * @param goodput useful time over elapsed time
 */
public record TrainingRun(
    double trainingFlops, long acceleratorCount, double achievedFlopsPerSecondPerAccelerator, Goodput goodput) {

  /**
   * Validates the run.
   *
   * @throws IllegalArgumentException if a number is not finite and positive, or {@code goodput} is null
   */
  public TrainingRun {
    Checks.positive("trainingFlops", trainingFlops);
    Checks.positive("acceleratorCount", acceleratorCount);
    Checks.positive("achievedFlopsPerSecondPerAccelerator", achievedFlopsPerSecondPerAccelerator);
    checkArgument(goodput != null, "goodput must not be null");
    // Accelerator-hours = trainingFlops / (achieved FLOP/s x goodput x 3600): bounded like every quantity.
    double hours = trainingFlops / achievedFlopsPerSecondPerAccelerator / goodput.fraction() / 3600;
    Checks.check(
        hours <= Amounts.MAX_QUANTITY,
        "trainingFlops",
        trainingFlops,
        "/ achievedFlopsPerSecondPerAccelerator (" + achievedFlopsPerSecondPerAccelerator + ") must need at most "
            + Amounts.MAX_QUANTITY + " accelerator-hours, not " + hours);
  }

  /**
   * A run at a given model FLOPs utilisation of a dense peak.
   *
   * @param trainingFlops model FLOPs of the run, {@code > 0}
   * @param acceleratorCount accelerators, {@code > 0}
   * @param densePeakFlopsPerSecond dense peak of one accelerator in the training format, FLOP/s
   * @param modelFlopsUtilization achieved model FLOP/s over peak, in (0, 1]
   * @param goodput useful time over elapsed time
   * @throws IllegalArgumentException if {@code modelFlopsUtilization} is not in (0, 1] or another value is invalid
   */
  public static TrainingRun withModelFlopsUtilization(
      double trainingFlops,
      long acceleratorCount,
      double densePeakFlopsPerSecond,
      double modelFlopsUtilization,
      Goodput goodput) {
    Checks.positiveFraction("modelFlopsUtilization", modelFlopsUtilization);
    Checks.positive("densePeakFlopsPerSecond", densePeakFlopsPerSecond);
    double achieved = modelFlopsUtilization * densePeakFlopsPerSecond;
    Checks.check(
        goodput == null || trainingFlops / achieved / goodput.fraction() / 3600 <= Amounts.MAX_QUANTITY,
        "trainingFlops",
        trainingFlops,
        "/ (modelFlopsUtilization (" + modelFlopsUtilization + ") x densePeakFlopsPerSecond ("
            + densePeakFlopsPerSecond + ")) must need at most " + Amounts.MAX_QUANTITY + " accelerator-hours");
    return new TrainingRun(trainingFlops, acceleratorCount, achieved, goodput);
  }

  /**
   * A run on {@code acceleratorCount} of {@code accelerator} at a model FLOPs utilisation of its dense peak in
   * {@code format}.
   *
   * @param trainingFlops model FLOPs of the run, {@code > 0}
   * @param accelerator the chip
   * @param format the format the peak is taken in ({@code bf16})
   * @param acceleratorCount accelerators, {@code > 0}
   * @param modelFlopsUtilization in (0, 1]
   * @param goodput useful time over elapsed time
   * @throws IllegalArgumentException if the chip has no peak in {@code format} or a value is invalid
   */
  public static TrainingRun withModelFlopsUtilization(
      double trainingFlops,
      Accelerator accelerator,
      NumericFormat format,
      long acceleratorCount,
      double modelFlopsUtilization,
      Goodput goodput) {
    return withModelFlopsUtilization(
        trainingFlops,
        acceleratorCount,
        accelerator.densePeakFlopsPerSecond(format),
        modelFlopsUtilization,
        goodput);
  }

  /** Seconds of uninterrupted training: {@code trainingFlops / (acceleratorCount x achieved FLOP/s)}. */
  public double productiveSeconds() {
    return trainingFlops / (acceleratorCount * achievedFlopsPerSecondPerAccelerator);
  }

  /** Elapsed seconds, failures and restarts included: productive seconds over goodput. */
  public double wallClockSeconds() {
    return productiveSeconds() / goodput.fraction();
  }

  /** Elapsed days. */
  public double wallClockDays() {
    return wallClockSeconds() / Durations.SECONDS_PER_DAY;
  }

  /** Accelerator-hours of useful training. */
  public double productiveAcceleratorHours() {
    return acceleratorCount * productiveSeconds() / Durations.SECONDS_PER_HOUR;
  }

  /** Accelerator-hours occupied (and billed), failures and restarts included. */
  public double acceleratorHours() {
    return acceleratorCount * wallClockSeconds() / Durations.SECONDS_PER_HOUR;
  }

  /** Accelerator-hours lost to failures, restarts and checkpointing. */
  public double lostAcceleratorHours() {
    return acceleratorHours() - productiveAcceleratorHours();
  }

  /** The occupied accelerator time, for money and energy. */
  public ComputeUsage usage() {
    return new ComputeUsage(acceleratorHours(), acceleratorCount);
  }
}
