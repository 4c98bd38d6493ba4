package dev.persistence.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.core.ReferenceData;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ParallelismPlan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Activation memory against Korthikanti et al. 2022, arXiv:2205.05198: the Table 2 formulas, evaluated by hand
 * here for the four model configurations of Table 3 (22B, 175B, 530B, 1T; s = 2048, v = 51200), and eq. 5, eq. 6,
 * the interleaving factor and the section 4.3 extra terms.
 */
class ActivationMemoryTest {

  private static final double RELATIVE = 1e-12;

  /** One Table 3 row, read from the reference transcription of the paper. */
  private record Config(String model, int heads, int hidden, int layers, int tp, int pp, int globalBatch, int micro) {}

  private static List<Config> table3() {
    JsonNode paper = ReferenceData.json("megatron/korthikanti-2022.json");
    List<Config> configs = new ArrayList<>();
    for (JsonNode row : paper.get("table3_model_configs")) {
      configs.add(
          new Config(
              row.get("model").asText(),
              row.get("heads").asInt(),
              row.get("hidden").asInt(),
              row.get("layers").asInt(),
              row.get("tp").asInt(),
              row.get("pp").asInt(),
              row.get("global_batch").asInt(),
              row.get("micro_batch").asInt()));
    }
    assertEquals(4, configs.size(), "Table 3 has four models");
    assertEquals(2048, paper.get("table3_common").get("seq_len").asInt());
    assertEquals(51200, paper.get("table3_common").get("vocab").asInt());
    return configs;
  }

  private static Architecture model(Config config) {
    return Architecture.megatronGpt(config.layers(), config.hidden(), config.heads(), 51200, 2048);
  }

  private static ParallelismPlan plan(
      Config config, int tp, int pp, boolean sequenceParallel, ActivationRecomputation recomputation) {
    return ParallelismPlan.builder()
        .tensorParallel(tp)
        .pipelineParallel(pp)
        .sequenceParallel(sequenceParallel)
        .recomputation(recomputation)
        .microBatchSize(config.micro())
        .globalBatchSize(config.globalBatch())
        .sequenceLength(2048)
        .build();
  }

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, Math.abs(expected) * RELATIVE, what);
  }

  @Test
  void table2FormsPerLayerForTable3Configurations() {
    for (Config config : table3()) {
      Architecture model = model(config);
      double s = 2048;
      double b = config.micro();
      double h = config.hidden();
      double a = config.heads();
      double t = config.tp();
      String name = config.model();
      // Table 2, "no parallelism": sbh(34 + 5as/h).
      assertClose(
          s * b * h * (34 + 5 * a * s / h),
          ActivationMemory.layerBytes(model, 0, plan(config, 1, 1, false, ActivationRecomputation.NONE)),
          name + " no parallelism");
      // Table 2, "tensor parallel (baseline)": sbh(10 + 24/t + 5as/(ht)).
      assertClose(
          s * b * h * (10 + 24 / t + 5 * a * s / (h * t)),
          ActivationMemory.layerBytes(model, 0, plan(config, config.tp(), 1, false, ActivationRecomputation.NONE)),
          name + " tensor parallel");
      // Table 2, "tensor + sequence parallel": sbh(34/t + 5as/(ht)).
      assertClose(
          s * b * h * (34 / t + 5 * a * s / (h * t)),
          ActivationMemory.layerBytes(model, 0, plan(config, config.tp(), 1, true, ActivationRecomputation.NONE)),
          name + " tensor + sequence parallel");
      // Table 2, "tensor parallel + selective activation recomputation": sbh(10 + 24/t).
      assertClose(
          s * b * h * (10 + 24 / t),
          ActivationMemory.layerBytes(
              model, 0, plan(config, config.tp(), 1, false, ActivationRecomputation.SELECTIVE)),
          name + " tensor parallel + selective");
      // Table 2, "tensor + sequence parallel + selective activation recomputation": sbh(34/t).
      assertClose(
          s * b * h * (34 / t),
          ActivationMemory.layerBytes(
              model, 0, plan(config, config.tp(), 1, true, ActivationRecomputation.SELECTIVE)),
          name + " tensor + sequence parallel + selective");
      // Table 2, "full activation recomputation": sbh(2).
      assertClose(
          s * b * h * 2,
          ActivationMemory.layerBytes(model, 0, plan(config, config.tp(), 1, false, ActivationRecomputation.FULL)),
          name + " full recomputation");
    }
  }

  @Test
  void fusedAttentionStoresNoScores() {
    for (Config config : table3()) {
      Architecture model = model(config);
      double s = 2048;
      double b = config.micro();
      double h = config.hidden();
      double a = config.heads();
      double t = config.tp();
      ParallelismPlan fused =
          ImmutableParallelismPlan.copyOf(plan(config, config.tp(), 1, true, ActivationRecomputation.NONE))
              .withFusedAttention(true);
      // Table 2's sbh(34/t) without the 5as^2b score terms, plus FlashAttention's fp32 log-sum-exp per query row
      // and head, 4asb/t bytes (Dao et al. 2022, Algorithm 2).
      assertClose(
          s * b * h * (34 / t) + 4 * a * s * b / t,
          ActivationMemory.layerBytes(model, 0, fused),
          config.model() + " fused attention");
    }
  }

  @Test
  void firstStageMatchesEquations5And6UnderOneF1B() {
    for (Config config : table3()) {
      Architecture model = model(config);
      double s = 2048;
      double b = config.micro();
      double h = config.hidden();
      double a = config.heads();
      double t = config.tp();
      double layers = config.layers();
      // Eq. 5: (sbhL/t)(34 + 5as/h), tensor + sequence parallel, first stage holding p micro-batches of L/p layers.
      assertClose(
          s * b * h * layers / t * (34 + 5 * a * s / h),
          ActivationMemory.stageLayerBytes(
              model, plan(config, config.tp(), config.pp(), true, ActivationRecomputation.NONE), 0),
          config.model() + " eq. 5");
      // Eq. 6: 34 sbhL/t with selective recomputation.
      assertClose(
          34 * s * b * h * layers / t,
          ActivationMemory.stageLayerBytes(
              model, plan(config, config.tp(), config.pp(), true, ActivationRecomputation.SELECTIVE), 0),
          config.model() + " eq. 6");
    }
  }

  @Test
  void interleavedScheduleMultipliesByOnePlusPMinusOneOverPm() {
    // Section 4.2.3 and Table 3's common settings: 175B and 530B use m = 3 interleaving stages.
    for (Config config : table3()) {
      if (!config.model().startsWith("175B") && !config.model().startsWith("530B")) {
        continue;
      }
      Architecture model = model(config);
      double s = 2048;
      double b = config.micro();
      double h = config.hidden();
      double t = config.tp();
      double p = config.pp();
      double m = 3;
      ParallelismPlan interleaved =
          ImmutableParallelismPlan.copyOf(
                  plan(config, config.tp(), config.pp(), true, ActivationRecomputation.SELECTIVE))
              .withVirtualPipelineStages(3);
      assertClose(
          34 * s * b * h * config.layers() / t * (1 + (p - 1) / (p * m)),
          ActivationMemory.stageLayerBytes(model, interleaved, 0),
          config.model() + " interleaved");
    }
  }

  @Test
  void extraTermsOfSection43() {
    // (sbhL/t)(p/L + delta_{p=1} (4/L)(1 + v/h)), summed over the first stage and, with p = 1, the same stage.
    for (Config config : table3()) {
      Architecture model = model(config);
      double s = 2048;
      double b = config.micro();
      double h = config.hidden();
      double t = config.tp();
      double p = config.pp();
      double layers = config.layers();
      double v = 51200;
      double delta = config.pp() == 1 ? 1 : 0;
      ParallelismPlan plan = plan(config, config.tp(), config.pp(), true, ActivationRecomputation.SELECTIVE);
      assertClose(
          s * b * h * layers / t * (p / layers + delta * (4 / layers) * (1 + v / h)),
          ActivationMemory.stageEmbeddingAndOutputBytes(model, plan, 0),
          config.model() + " extra terms");
    }
  }

  @Test
  void selectiveRecomputationSavingsQuotedInSection5() {
    // Section 5: 5as/h = 80 for GPT-3 and 64 for MT-NLG; selective recomputation saves 70% and 65% of the
    // activation memory (34 vs 34 + 5as/h): 80/114 = 70.2%, 64/98 = 65.3%.
    JsonNode examples = ReferenceData.json("megatron/korthikanti-2022.json").get("selective_recompute_examples");
    for (String name : List.of("GPT-3", "MT-NLG")) {
      JsonNode example = examples.get(name);
      int a = example.get("a").asInt();
      int s = example.get("s").asInt();
      int h = example.get("h").asInt();
      Architecture model = Architecture.megatronGpt(2, h, a, 51200, s);
      ParallelismPlan none =
          ParallelismPlan.builder().microBatchSize(1).globalBatchSize(1).sequenceLength(s).build();
      ParallelismPlan selective =
          ImmutableParallelismPlan.copyOf(none).withRecomputation(ActivationRecomputation.SELECTIVE);
      double saved =
          1 - ActivationMemory.layerBytes(model, 0, selective) / ActivationMemory.layerBytes(model, 0, none);
      assertEquals(example.get("memory_saved_pct").asDouble(), 100 * saved, 0.5, name);
      assertEquals(
          example.get("5as_over_h").asDouble(), 5.0 * a * s / h, 1e-9, name + " 5as/h as printed");
    }
  }

  @Test
  void contextParallelismDividesTheLinearTerms() {
    Architecture model = Architecture.megatronGpt(4, 4096, 32, 51200, 8192);
    ParallelismPlan base =
        ParallelismPlan.builder()
            .microBatchSize(1)
            .globalBatchSize(4)
            .dataParallel(4)
            .sequenceLength(8192)
            .recomputation(ActivationRecomputation.SELECTIVE)
            .build();
    ParallelismPlan split = ImmutableParallelismPlan.copyOf(base).withContextParallel(4);
    double s = 8192;
    double h = 4096;
    // Table 2's selective form sbh(34) with s/cp tokens per rank.
    assertClose(34 * s * h, ActivationMemory.layerBytes(model, 0, base), "cp 1");
    assertClose(34 * (s / 4) * h, ActivationMemory.layerBytes(model, 0, split), "cp 4");
    assertTrue(ActivationMemory.layerBytes(model, 0, split) < ActivationMemory.layerBytes(model, 0, base));
  }
}
