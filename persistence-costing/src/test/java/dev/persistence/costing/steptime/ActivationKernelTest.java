package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.costing.calibration.Calibration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NeMo's Nemotron-4 runs of {@code reference/training-runs-modern.json} (NeMo 24.07 on H100, 25.02 on B200, 25.04
 * on GB200): read with NeMo's eager squared ReLU, each of the 15B rows' predicted step comes closer to its
 * published one, by 3 to 5 points.
 */
class ActivationKernelTest {

  private static double stepError(ModernRuns.Run run, ActivationKernel kernel) {
    ParallelismPlan plan = ModernRunsTest.asRun(run).orElseThrow();
    StepTimeModel model =
        StepTimeModel.of(run.architecture(), run.cluster(), run.precision(),
                Calibration.bundled("production-2025"), AttentionKernel.FUSED, FlopConvention.MEGATRON)
            .withActivationKernel(kernel);
    double megatronFlops =
        FlopAccounting.estimate(run.architecture(), plan.sequenceLength(), FlopConvention.MEGATRON,
                ActivationRecomputation.NONE).modelTrainingFlopsPerToken() * plan.globalBatchTokens();
    return model.estimate(plan, ModernRunsTest.ALLOWANCE).stepSeconds()
            / ModernRuns.measuredStepSeconds(run, megatronFlops)
        - 1;
  }

  @Test
  void nemoNemotronRowsAreReadWithTheEagerSquaredRelu() {
    List<ModernRuns.Run> nemotron = new ArrayList<>();
    for (ModernRuns.Run run : ModernRuns.gradeAb(new ArrayList<>())) {
      boolean nemoNemotron = run.id().startsWith("nemo") && run.id().contains("nemotron");
      assertEquals(
          nemoNemotron ? ActivationKernel.UNFUSED_SQUARED_RELU : ActivationKernel.FUSED,
          run.activationKernel(), run.id());
      if (nemoNemotron) {
        nemotron.add(run);
      }
    }
    assertEquals(5, nemotron.size(), "NeMo Nemotron-4 rows (15B on B200 and GB200, 340B on H100, B200, GB200)");
  }

  @Test
  void theFifteenBillionRowsComeCloserToTheirPublishedThroughput() {
    for (ModernRuns.Run run : ModernRuns.gradeAb(new ArrayList<>())) {
      if (!run.id().contains("nemotron4-15b")) {
        continue;
      }
      double fused = stepError(run, ActivationKernel.FUSED);
      double eager = stepError(run, ActivationKernel.UNFUSED_SQUARED_RELU);
      // Both rows are predicted too fast (14,760 and 17,809 tokens/s per GPU published, TP 1, FP8); the eager
      // activation adds 3 to 5 points of step time at TP 1 with a 24,576-wide MLP.
      assertTrue(fused < 0 && eager < 0, run.id() + ": " + fused + " " + eager);
      assertTrue(eager - fused > 0.03 && eager - fused < 0.05, run.id() + ": " + fused + " -> " + eager);
    }
  }
}
