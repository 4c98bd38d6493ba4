package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.memory.TrainingMemory;
import dev.persistence.core.memory.TrainingMemoryBreakdown;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.costing.calibration.Calibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The production runs of {@code reference/training-runs-modern.json} (grades A and B; sources in that file, one
 * per row: NVIDIA NeMo and Megatron-Bridge performance summaries, the Megatron-LM README, TorchTitan's benchmark
 * tables, NeMo AutoModel's): each must fit in the memory model under the recomputation it states, and its step
 * time must come out near the published throughput, from the one production calibration. Rows are read by
 * {@link ModernRuns}; rows it cannot read are printed with the reason.
 */
class ModernRunsTest {

  static final MemoryAllowance ALLOWANCE = MemoryAllowance.PYTORCH_CUDA_TRAINING;

  /** The plan as run: the stated recomputation, or the least one that fits where the row states none. */
  static Optional<ParallelismPlan> asRun(ModernRuns.Run run) {
    if (run.statedRecomputation().isPresent()) {
      return Optional.of(run.plan());
    }
    for (ActivationRecomputation recomputation : ActivationRecomputation.values()) {
      ParallelismPlan plan = ImmutableParallelismPlan.copyOf(run.plan()).withRecomputation(recomputation);
      if (memory(run, plan).fits()) {
        return Optional.of(plan);
      }
    }
    return Optional.empty();
  }

  static TrainingMemoryBreakdown memory(ModernRuns.Run run, ParallelismPlan plan) {
    return TrainingMemory.estimate(
        run.architecture(), plan, run.precision(), run.cluster().accelerator().memoryBytes(), ALLOWANCE);
  }

  @Test
  void everyGradeAbRunFitsUnderItsStatedRecomputation() {
    List<ModernRuns.Skipped> skipped = new ArrayList<>();
    List<ModernRuns.Run> runs = ModernRuns.gradeAb(skipped);
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-46s %-10s %9s %9s %s%n", "run",
        "recompute", "need GiB", "have GiB", "fits"));
    List<String> failures = new ArrayList<>();
    for (ModernRuns.Run run : runs) {
      ParallelismPlan plan = asRun(run).orElse(ImmutableParallelismPlan.copyOf(run.plan())
          .withRecomputation(ActivationRecomputation.FULL));
      TrainingMemoryBreakdown memory = memory(run, plan);
      table.append(String.format(Locale.ROOT, "%-46s %-10s %9.1f %9.1f %s%n", run.id(),
          plan.recomputation() + (run.statedRecomputation().isPresent() ? "" : "*"),
          memory.totalBytes() / (double) (1L << 30), memory.capacityBytes() / (double) (1L << 30),
          memory.fits() ? "yes" : "NO"));
      if (!memory.fits()) {
        failures.add(run.id());
      }
    }
    for (ModernRuns.Skipped skip : skipped) {
      table.append("skipped ").append(skip.id()).append(": ").append(skip.reason()).append('\n');
    }
    table.append("(* the row states no recomputation: the least that fits)\n");
    System.out.println(table);
    assertTrue(failures.isEmpty(), "runs that do not fit as run: " + failures + "\n" + table);
  }

  @Test
  void stepTimesAgainstPublishedThroughput() {
    List<ModernRuns.Skipped> skipped = new ArrayList<>();
    List<ModernRuns.Run> runs = ModernRuns.gradeAb(skipped);
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-46s %-24s %10s %10s %7s%n", "run",
        "measure", "published", "predicted", "error"));
    double sum = 0;
    double max = 0;
    int count = 0;
    for (ModernRuns.Run run : runs) {
      ParallelismPlan plan = asRun(run).orElse(ImmutableParallelismPlan.copyOf(run.plan())
          .withRecomputation(ActivationRecomputation.FULL));
      StepTimeModel model =
          StepTimeModel.of(run.architecture(), run.cluster(), run.precision(),
              Calibration.forAccelerator(run.cluster().accelerator().name()), AttentionKernel.FUSED,
              FlopConvention.MEGATRON);
      StepTimeEstimate estimate = model.estimate(plan, ALLOWANCE);
      double predicted;
      switch (run.measure()) {
        case TOKENS_PER_SECOND_PER_GPU:
          predicted = estimate.tokensPerSecond() / plan.acceleratorCount();
          break;
        case STEP_SECONDS:
          predicted = estimate.stepSeconds();
          break;
        default:
          predicted = estimate.modelFlopsUtilization() * model.peakFlopsPerSecond() / 1e12;
      }
      double error = (predicted - run.measured()) / run.measured();
      sum += Math.abs(error);
      max = Math.max(max, Math.abs(error));
      count++;
      table.append(String.format(Locale.ROOT, "%-46s %-24s %10.1f %10.1f %+6.1f%%%n", run.id(), run.measure(),
          run.measured(), predicted, 100 * error));
    }
    table.append(String.format(Locale.ROOT, "runs %d, mean |error| %.1f%%, max %.1f%%%n", count, 100 * sum / count,
        100 * max));
    System.out.println(table);
    assertTrue(count > 0);
  }
}
