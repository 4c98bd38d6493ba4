package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.ReferenceJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TorchTitan's June 2025 async-TP benchmark (reference/training-runs-modern.json, rows
 * {@code tt2506-h100-llama3-8b-fsdp8-tp8-bf16} and {@code tt2506-h100-llama3-70b-fsdp32-tp8-bf16}, from
 * pytorch/torchtitan@b5bcd76c66d0acb1a08b176d9639425bc55e0b2a benchmarks/asyncTP_llama3_h100_2025-06_torchtitan.md)
 * runs one plan with async TP off and on: 4378 and 4809.4 tokens/s per GPU for Llama 3 8B on FSDP 8 x TP 8, 597.3
 * and 652.4 for 70B on FSDP 32 x TP 8. The step-time ratio of the plan with its forward TP communication exposed
 * over the overlapped one must match the measured speed-up.
 */
class TensorParallelCommunicationTest {

  @Test
  void asyncTensorParallelSpeedUpOfTorchTitansJune2025Benchmark() {
    for (String id :
        List.of("tt2506-h100-llama3-8b-fsdp8-tp8-bf16", "tt2506-h100-llama3-70b-fsdp32-tp8-bf16")) {
      Map<String, Object> measured = measured(id);
      double speedUp =
          ((Number) measured.get("tokens_per_s_per_gpu_async_tp")).doubleValue()
              / ((Number) measured.get("tokens_per_s_per_gpu")).doubleValue();
      ModernRuns.Run run = run(id);
      ParallelismPlan exposed = ModernRunsTest.asRun(run).orElseThrow();
      assertEquals(TensorParallelCommunication.FORWARD_EXPOSED, exposed.tensorParallelCommunication(), id);
      ParallelismPlan overlapped =
          ImmutableParallelismPlan.copyOf(exposed)
              .withTensorParallelCommunication(TensorParallelCommunication.OVERLAPPED);
      StepTimeModel model =
          StepTimeModel.of(run.architecture(), run.cluster(), run.precision(), Calibration.bundled("production-2025"),
              AttentionKernel.FUSED, FlopConvention.MEGATRON);
      double predicted = model.estimate(exposed).stepSeconds() / model.estimate(overlapped).stepSeconds();
      // 1.0985 measured for 8B, 1.0922 for 70B; exposing everything (backward too) would predict 1.29 and 1.20.
      // The 80-run refit (forward overlap 0.961) predicts 1.123 and 1.126: within 4% of both, held there.
      assertEquals(
          speedUp, predicted, 0.04 * speedUp,
          String.format(Locale.ROOT, "%s: measured speed-up %.4f, predicted %.4f", id, speedUp, predicted));
    }
  }

  @Test
  void asyncTensorParallelRowsGiveTwoRuns() {
    List<ModernRuns.Run> runs = ModernRuns.gradeAb(new ArrayList<>());
    ModernRuns.Run async =
        runs.stream().filter(r -> r.id().equals("tt2506-h100-llama3-8b-fsdp8-tp8-bf16+async-tp")).findFirst()
            .orElseThrow();
    assertEquals(4809.4, async.measured());
    assertEquals(TensorParallelCommunication.OVERLAPPED, async.plan().tensorParallelCommunication());
    // The Megatron families keep the overlap their recipes switch on.
    assertTrue(
        runs.stream()
            .filter(r -> r.id().startsWith("nemo") || r.id().startsWith("mb") || r.id().startsWith("mlm"))
            .allMatch(r -> r.plan().tensorParallelCommunication() == TensorParallelCommunication.OVERLAPPED));
  }

  private static ModernRuns.Run run(String id) {
    return ModernRuns.gradeAb(new ArrayList<>()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> measured(String id) {
    return ReferenceJson.readArray("training-runs-modern.json").stream()
        .filter(row -> id.equals(row.get("id")))
        .map(row -> (Map<String, Object>) row.get("measured"))
        .findFirst()
        .orElseThrow();
  }
}
