package dev.persistence.costing.steptime;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.memory.TrainingMemoryBreakdown;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.costing.training.Durations;

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
    checkArgument(stepSeconds > 0 && Double.isFinite(stepSeconds), "stepSeconds (%s) must be > 0", stepSeconds);
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
   * Time and accelerator-hours to train on a token budget at this step's throughput (optimizer steps rounded
   * up to whole steps).
   *
   * @param tokens training tokens, {@code > 0}
   * @throws IllegalArgumentException if {@code tokens} is not positive
   */
  public TrainingTime trainingTime(double tokens) {
    checkArgument(tokens > 0 && Double.isFinite(tokens), "tokens (%s) must be finite and > 0", tokens);
    double steps = Math.ceil(tokens / plan.globalBatchTokens());
    double seconds = steps * stepSeconds;
    return new TrainingTime(
        tokens, steps, seconds, seconds / Durations.SECONDS_PER_DAY, seconds / Durations.SECONDS_PER_HOUR * plan.acceleratorCount());
  }
}
