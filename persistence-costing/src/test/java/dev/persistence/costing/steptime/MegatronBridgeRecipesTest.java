package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.parallelism.ParallelismPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Megatron-Bridge recipe excerpts of {@code reference/megatron-bridge-recipes.json} as {@link ModernRuns}
 * reads them: a row whose table plan disagrees with the recipe at its own commit runs the recipe's plan, and no
 * other row changes.
 */
class MegatronBridgeRecipesTest {

  private static ModernRuns.Run run(String id) {
    List<ModernRuns.Skipped> skipped = new ArrayList<>();
    return ModernRuns.gradeAb(skipped).stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not read: " + skipped));
  }

  @Test
  void qwen3DroplessH100RunsTheRecipePlanOfItsCommit() {
    // Megatron-Bridge@00b7660be0254ac6f95f44164ddd0c3e9cc798ed scripts/performance/configs/qwen/
    // qwen3_workload_base_configs.py QWEN3_30B_A3B_PRETRAIN_CONFIG_H100_FP8_CS_BASE_CONFIG: PP 2, VP 12, EP 8,
    // global batch 512, micro-batch 1 (WorkloadBaseConfig's default); the table prints MBS 2, VP 24, GA 32.
    ParallelismPlan plan = run("mb2511-h100-qwen3-30b-a3b-16g").plan();
    assertEquals(2, plan.pipelineParallel());
    assertEquals(12, plan.virtualPipelineStages());
    assertEquals(8, plan.expertParallel());
    assertEquals(1, plan.microBatchSize());
    assertEquals(512, plan.globalBatchSize());
    assertEquals(8, plan.dataParallel());
    assertTrue(run("mb2511-h100-qwen3-30b-a3b-16g").readings().stream()
        .anyMatch(r -> r.contains("megatron-bridge-recipes.json")));
  }

  @Test
  void rowsWhereTheTableIsKeptReadAsPrinted() {
    // The 26.02 H100 row agrees with its recipe; the 25.11 GB200 gpt-oss row keeps the table (its entry's
    // "chosen": "table"): GBS 1280, MBS 1, sequence 8192 as printed.
    ParallelismPlan qwen = run("mb2602-h100-qwen3-30b-a3b-16g").plan();
    assertEquals(1024, qwen.globalBatchSize());
    assertEquals(1, qwen.microBatchSize());
    assertEquals(12, qwen.virtualPipelineStages());
    ParallelismPlan gptOss = run("mb2511-gb200-gptoss-120b-64g").plan();
    assertEquals(1280, gptOss.globalBatchSize());
    assertEquals(1, gptOss.microBatchSize());
    assertEquals(8192, gptOss.sequenceLength());
    assertTrue(ModernRuns.recipePlanAsRun("mb2511-gb200-gptoss-120b-64g").isEmpty());
  }

  @Test
  void everyEntryNamesARowAndItsSources() {
    List<String> ids = new ArrayList<>();
    ModernRuns.gradeAb(new ArrayList<>()).forEach(r -> ids.add(r.id()));
    for (Map<String, Object> entry : dev.persistence.costing.calibration.ReferenceJson.list(
        dev.persistence.costing.calibration.ReferenceJson.read("megatron-bridge-recipes.json"), "recipes")) {
      assertTrue(ids.contains((String) entry.get("row")), "no grade A/B row " + entry.get("row"));
      assertTrue(!((List<?>) entry.get("sources")).isEmpty(), entry.get("row") + " names no source");
    }
  }
}
