package dev.persistence.costing.steptime;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.memory.TrainingMemoryBreakdown;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.costing.training.Goodput;
import dev.persistence.costing.training.TrainingRun;

/**
 * The predicted time of one training step under one plan, with what follows from it.
 *
 * @param plan the plan
 * @param stepSeconds seconds per optimizer step
 * @param breakdown where the time goes
 * @param tokensPerSecond training tokens per second, the whole cluster
 * @param modelFlopsUtilization model FLOPs (recomputation not counted) over the dense peak of the plan's
 *     accelerators for the step (MFU, Chowdhery et al. 2022 Appendix B)
 * @param hardwareFlopsUtilization FLOPs executed, recomputation included, over the same peak (HFU)
 * @param achievedFlopsPerAcceleratorPerSecond FLOPs executed per accelerator per second
 * @param memory memory of the most-loaded accelerator
 */
public record StepTimeEstimate(
    ParallelismPlan plan,
    double stepSeconds,
    StepTimeBreakdown breakdown,
    double tokensPerSecond,
    double modelFlopsUtilization,
    double hardwareFlopsUtilization,
    double achievedFlopsPerAcceleratorPerSecond,
    TrainingMemoryBreakdown memory) {


  /**
   * Validates the estimate.
   *
   * @throws IllegalArgumentException if the step time is not finite and positive
   */
  public StepTimeEstimate {
    Checks.positive("stepSeconds", stepSeconds);
    Checks.positive("tokensPerSecond", tokensPerSecond);
    Checks.nonNegative("modelFlopsUtilization", modelFlopsUtilization);
    Checks.nonNegative("hardwareFlopsUtilization", hardwareFlopsUtilization);
    Checks.positive("achievedFlopsPerAcceleratorPerSecond", achievedFlopsPerAcceleratorPerSecond);
  }

  /** Whether the most-loaded accelerator's memory fits. */
  public boolean fits() {
    return memory.fits();
  }

  /** Bytes of memory the most-loaded accelerator needs. */
  public long memoryBytesPerAccelerator() {
    return memory.totalBytes();
  }

  /**
   * The training run on a token budget at this step's throughput (optimizer steps rounded up to whole steps),
   * with a goodput: the one route from a plan to days, accelerator-hours and money. Its
   * {@link TrainingRun#productiveSeconds()} is {@code steps x stepSeconds}; its wall clock divides by the goodput.
   *
   * @param tokens training tokens, {@code > 0}
   * @param goodput useful time over elapsed time ({@link Goodput#LLAMA_3_405B} for a planning figure,
   *     {@link Goodput#NONE} for an uninterrupted run)
   * @throws IllegalArgumentException if {@code tokens} is not positive or {@code goodput} is null
   */
  public TrainingRun trainingRun(double tokens, Goodput goodput) {
    // A token is indivisible: a subnormal budget would round to one step of nothing. At most 1e24 (Amounts).
    Checks.inRange("tokens", tokens, 1, dev.persistence.core.exact.Amounts.MAX_QUANTITY);
    checkArgument(goodput != null, "goodput must not be null");
    double steps = Math.ceil(tokens / plan.globalBatchTokens());
    double accelerators = plan.acceleratorCount();
    return new TrainingRun(
        steps * stepSeconds * accelerators * achievedFlopsPerAcceleratorPerSecond,
        plan.acceleratorCount(),
        achievedFlopsPerAcceleratorPerSecond,
        goodput);
  }

  /**
   * Time and accelerator-hours to train on a token budget, through {@link #trainingRun}: elapsed seconds and
   * occupied accelerator-hours include the goodput.
   *
   * @param tokens training tokens, {@code > 0}
   * @param goodput useful time over elapsed time
   * @throws IllegalArgumentException if {@code tokens} is not positive or {@code goodput} is null
   */
  public TrainingTime trainingTime(double tokens, Goodput goodput) {
    TrainingRun run = trainingRun(tokens, goodput);
    double steps = Math.ceil(tokens / plan.globalBatchTokens());
    return new TrainingTime(
        tokens, steps, run.wallClockSeconds(), run.wallClockDays(), run.acceleratorHours());
  }

  /**
   * Time and accelerator-hours of an uninterrupted run ({@link Goodput#NONE}): {@code trainingTime(tokens,
   * Goodput.NONE)}. Plans for real clusters should pass a goodput.
   *
   * @param tokens training tokens, {@code > 0}
   * @throws IllegalArgumentException if {@code tokens} is not positive
   */
  public TrainingTime trainingTime(double tokens) {
    return trainingTime(tokens, Goodput.NONE);
  }
}
