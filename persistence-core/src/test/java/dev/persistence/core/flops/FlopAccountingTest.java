package dev.persistence.core.flops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.core.ReferenceData;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.ImmutableArchitecture;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.parallelism.ActivationRecomputation;
import org.junit.jupiter.api.Test;

/** The FLOP conventions against the published figures of their papers. */
class FlopAccountingTest {

  /** A plain transformer: MHA with biases, a 4d plain MLP, LayerNorms, learned positions (GPT-2 style). */
  static Architecture plain(int layers, int dModel, int heads, int headDim, int ffw, int vocab, int context) {
    return Architecture.builder()
        .numLayers(layers)
        .hiddenSize(dModel)
        .vocabSize(vocab)
        .contextLength(context)
        .attention(
            GroupedQueryAttention.builder()
                .numAttentionHeads(heads)
                .headDim(headDim)
                .queryKeyValueBias(true)
                .outputBias(true)
                .build())
        .feedForward(DenseFeedForward.builder().intermediateSize(ffw).gated(false).bias(true).build())
        .normKind(NormKind.LAYER_NORM)
        .tiedEmbeddings(true)
        .build();
  }

  /**
   * Kaplan et al. 2020 eq. 2.1/2.2 and Table 1 for the (48, 1600) model at n_ctx = 1024
   * ({@code scaling-cases.json} case {@code kaplan.flops.forward}), and eq. 2.1 for (12, 768)
   * ({@code kaplan.params.124M}).
   */
  @Test
  void kaplanReproducesTheCasesFile() {
    JsonNode flopsCase = ReferenceData.scalingCase("kaplan.flops.forward");
    JsonNode in = flopsCase.get("inputs");
    JsonNode expected = flopsCase.get("expected");
    int nLayer = in.get("n_layer").asInt();
    int dModel = in.get("d_model").asInt();
    int nCtx = in.get("n_ctx").asInt();
    Architecture model = plain(nLayer, dModel, 25, dModel / 25, 4 * dModel, 50257, nCtx);
    FlopEstimate kaplan = FlopAccounting.estimate(model, nCtx, FlopConvention.KAPLAN);
    FlopEstimate sixN = FlopAccounting.estimate(model, nCtx, FlopConvention.KAPLAN_6N);
    double tolerance = flopsCase.get("tolerance").get("rel").asDouble();
    assertRelative(expected.get("N").asDouble(), sixN.forwardFlopsPerToken() / 2, tolerance);
    assertRelative(expected.get("C_forward_per_token").asDouble(), kaplan.forwardFlopsPerToken(), tolerance);
    assertRelative(expected.get("C_train_per_token_6N").asDouble(), sixN.trainingFlopsPerToken(), tolerance);
    assertRelative(
        expected.get("C_train_per_token_with_ctx").asDouble(), kaplan.trainingFlopsPerToken(), tolerance);

    JsonNode paramsCase = ReferenceData.scalingCase("kaplan.params.124M");
    Architecture small = plain(12, 768, 12, 64, 4 * 768, 50257, 1024);
    assertEquals(
        paramsCase.get("expected").get("N").asDouble(),
        FlopAccounting.estimate(small, 1024, FlopConvention.KAPLAN_6N).forwardFlopsPerToken() / 2);
  }

  /**
   * Hoffmann et al. 2022 Table A4: FLOPs per sequence of six models at seq 2048 and their ratio to 6ND with the
   * paper's own parameter count ({@code scaling-cases.json} case {@code chinchilla.tableA4}; the ratios printed
   * in the paper are reproduced only without embeddings and logits).
   */
  @Test
  void chinchillaTableA4() {
    JsonNode tableCase = ReferenceData.scalingCase("chinchilla.tableA4");
    int seq = tableCase.get("inputs").get("seq_len").asInt();
    int vocab = tableCase.get("inputs").get("vocab").asInt();
    double ratioTolerance = tableCase.get("tolerance").get("abs_ratio").asDouble();
    int rows = 0;
    for (JsonNode row : tableCase.get("expected").get("rows")) {
      Architecture model =
          plain(
              row.get("num_layers").asInt(),
              row.get("d_model").asInt(),
              row.get("num_heads").asInt(),
              row.get("kq_size").asInt(),
              row.get("ffw_size").asInt(),
              vocab,
              seq);
      FlopEstimate estimate = FlopAccounting.estimate(model, seq, FlopConvention.CHINCHILLA_TABLE_A4);
      double flopsPerSequence = estimate.trainingFlopsPerToken() * seq;
      assertRelative(row.get("F_per_seq").asDouble(), flopsPerSequence, 1e-12);
      double ratio = flopsPerSequence / (6.0 * row.get("N_convention").asDouble() * seq);
      assertEquals(row.get("ratio_paper").asDouble(), ratio, ratioTolerance, "ratio of row " + row);
      // The printed variant adds embeddings and final logits, 2 x 2 x vocab x d per token forward.
      FlopEstimate printed = FlopAccounting.estimate(model, seq, FlopConvention.CHINCHILLA);
      assertRelative(
          estimate.forwardFlopsPerToken() + 4.0 * vocab * row.get("d_model").asDouble(),
          printed.forwardFlopsPerToken(),
          1e-12);
      rows++;
    }
    assertEquals(6, rows);
  }

  /**
   * Korthikanti et al. 2022 Table 5: MFU from eq. 7 and HFU from eq. 8 (selective recomputation) for the four
   * models of Table 3 at their measured iteration times on A100s (312 TFLOP/s). The paper prints one decimal;
   * the tolerance of 0.2 percentage points covers its rounding of iteration times (1.10 s for 22B).
   */
  @Test
  void megatronReproducesKorthikantiTable5() {
    JsonNode paper = ReferenceData.json("megatron/korthikanti-2022.json");
    int seq = paper.get("table3_common").get("seq_len").asInt();
    int vocab = paper.get("table3_common").get("vocab").asInt();
    double peak = 312e12;
    for (int i = 0; i < 4; i++) {
      JsonNode config = paper.get("table3_model_configs").get(i);
      JsonNode result = paper.get("table5_end_to_end").get(i);
      Architecture model =
          Architecture.megatronGpt(
              config.get("layers").asInt(), config.get("hidden").asInt(), config.get("heads").asInt(), vocab, seq);
      double tokens = config.get("global_batch").asDouble() * seq;
      double denominator = result.get("iter_s_present_work").asDouble() * config.get("gpus").asDouble() * peak;
      FlopEstimate selective =
          FlopAccounting.estimate(model, seq, FlopConvention.MEGATRON, ActivationRecomputation.SELECTIVE);
      assertEquals(
          result.get("mfu_pct").asDouble(),
          100 * selective.modelTrainingFlopsPerToken() * tokens / denominator,
          0.2,
          config.get("model").asText());
      assertEquals(
          result.get("hfu_pct").asDouble(),
          100 * selective.trainingFlopsPerToken() * tokens / denominator,
          0.2,
          config.get("model").asText());
    }
  }

  /** Narayanan et al. 2021 eq. 3 (full recomputation), {@code 96 B s l h^2 (1 + s/(6h) + V/(16 l h))}. */
  @Test
  void megatronFullRecomputationIsNarayananEquation3() {
    double l = 96;
    double h = 12288;
    double s = 2048;
    double vocab = 51200;
    Architecture gpt3 = Architecture.megatronGpt(96, 12288, 96, 51200, 2048);
    double perTokenEquation3 = 96 * l * h * h * (1 + s / (6 * h) + vocab / (16 * l * h));
    FlopEstimate full = FlopAccounting.estimate(gpt3, 2048, FlopConvention.MEGATRON, ActivationRecomputation.FULL);
    assertRelative(perTokenEquation3, full.trainingFlopsPerToken(), 1e-12);
  }

  @Test
  void exactConventionInvariants() {
    Architecture model = plain(12, 768, 12, 64, 3072, 50257, 1024);
    FlopEstimate at512 = FlopAccounting.estimate(model, 512, FlopConvention.EXACT);
    FlopEstimate at1024 = FlopAccounting.estimate(model, 1024, FlopConvention.EXACT);
    assertTrue(at1024.forwardFlopsPerToken() > at512.forwardFlopsPerToken());
    assertEquals(3 * at512.forwardFlopsPerToken(), at512.trainingFlopsPerToken());
    assertTrue(
        at512.forwardFlopsPerToken() >= 2.0 * model.parameters().activeParametersExcludingEmbedding());
    // Attention core at seq 1024, causal: 2 x heads x (64 + 64) x (1024 + 1) / 2 per layer.
    double core = 12 * 2.0 * 12 * 128 * 1025 / 2;
    assertRelative(
        2.0 * model.parameters().activeParametersExcludingEmbedding() + core, at1024.forwardFlopsPerToken(), 1e-12);
    FlopEstimate selective =
        FlopAccounting.estimate(model, 1024, FlopConvention.EXACT, ActivationRecomputation.SELECTIVE);
    assertRelative(core, selective.recomputationFlopsPerToken(), 1e-12);
    FlopEstimate full = FlopAccounting.estimate(model, 1024, FlopConvention.EXACT, ActivationRecomputation.FULL);
    assertRelative(
        at1024.forwardFlopsPerToken() - 2.0 * 50257 * 768, full.recomputationFlopsPerToken(), 1e-12);
  }

  @Test
  void slidingWindowCapsTheContext() {
    // Positions 1..4 with a window of 2 attend to 1, 2, 2, 2 keys.
    assertEquals(7.0 / 4, FlopAccounting.meanCausalContext(4, 2));
    assertEquals(2.5, FlopAccounting.meanCausalContext(4, 0));
    assertEquals(2.5, FlopAccounting.meanCausalContext(4, 8));
    Architecture global = plain(4, 256, 4, 64, 1024, 1000, 8192);
    Architecture windowed =
        ImmutableArchitecture.copyOf(global).withSlidingWindow(512).withSlidingWindowLayers(4);
    assertTrue(
        FlopAccounting.estimate(windowed, 8192, FlopConvention.EXACT).forwardFlopsPerToken()
            < FlopAccounting.estimate(global, 8192, FlopConvention.EXACT).forwardFlopsPerToken());
  }

  @Test
  void rejectsBadSequenceLengths() {
    Architecture model = plain(2, 64, 2, 32, 256, 100, 128);
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> FlopAccounting.estimate(model, 0, FlopConvention.EXACT));
    assertEquals("sequenceLength (0) must be > 0", zero.getMessage());
    IllegalArgumentException tooLong =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FlopAccounting.estimate(
                    Architecture.megatronGpt(2, 64, 2, 100, 128), 129, FlopConvention.EXACT));
    assertEquals(
        "sequenceLength (129) must be <= contextLength (128) with learned absolute positions", tooLong.getMessage());
  }

  static void assertRelative(double expected, double actual, double tolerance) {
    assertEquals(expected, actual, Math.abs(expected) * Math.max(tolerance, 1e-15), "relative to " + expected);
  }
}
