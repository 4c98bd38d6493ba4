package dev.persistence.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.ReferenceData;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Parameter counts against published formulas; the exact counts of real models are tested on their HuggingFace
 * configs in persistence-io ({@code ReferenceParameterCountsTest}).
 */
class ParameterAccountingTest {

  /**
   * Narayanan et al. 2021 (arXiv:2104.04473) eq. 2, {@code P = 12lh^2(1 + 13/(12h) + (V+s)/(12lh))}, for the
   * paper's GPT-3 shape (l = 96, h = 12288, V = 51200, s = 2048, from {@code megatron/narayanan-2021-formulas.json}
   * and Korthikanti Table 3); eq. 2 leaves out the final LayerNorm's 2h.
   */
  @Test
  void megatronGptMatchesNarayananEquation2() {
    JsonNode common = ReferenceData.json("megatron/narayanan-2021-formulas.json").get("common");
    long vocab = common.get("vocab_size_V").asLong();
    long seq = common.get("seq_len_s").asLong();
    for (long[] shape : new long[][] {{96, 12288, 96}, {48, 6144, 64}, {105, 20480, 128}, {128, 25600, 160}}) {
      long l = shape[0];
      long h = shape[1];
      // 12lh^2 (1 + 13/(12h) + (V+s)/(12lh)) expanded: 12lh^2 + 13lh + (V+s)h.
      long equation2 = 12 * l * h * h + 13 * l * h + (vocab + seq) * h;
      Architecture gpt = Architecture.megatronGpt((int) l, (int) h, (int) shape[2], (int) vocab, (int) seq);
      assertEquals(equation2 + 2 * h, gpt.parameters().totalParameters(), "l=" + l + " h=" + h);
    }
  }

  @Test
  void breakdownSumsToTotalAndActiveAtMostTotal() {
    Architecture model = ArchitectureTest.llamaLike().build();
    ParameterBreakdown parameters = model.parameters();
    long sum = 0;
    for (ParameterComponent component : ParameterComponent.values()) {
      sum += parameters.get(component);
    }
    assertEquals(sum, parameters.totalParameters());
    assertEquals(parameters.totalParameters(), parameters.activeParameters());
    assertEquals(
        parameters.totalParameters(),
        parameters.nonEmbeddingParameters()
            + parameters.embeddingParameters()
            + parameters.get(ParameterComponent.OUTPUT_HEAD));
  }

  @Test
  void groupedQueryWithAllHeadsIsMultiHead() {
    Architecture grouped =
        ArchitectureTest.llamaLike()
            .attention(ArchitectureTest.attention().numKeyValueHeads(32).build())
            .build();
    Architecture multiHead =
        ArchitectureTest.llamaLike()
            .attention(GroupedQueryAttention.builder().numAttentionHeads(32).headDim(128).build())
            .build();
    assertEquals(multiHead.parameters(), grouped.parameters());
    // Vaswani et al. 2017: four d x d projections per layer when heads x headDim = d.
    assertEquals(4L * 4096 * 4096 * 32, multiHead.parameters().get(ParameterComponent.ATTENTION));
  }

  @Test
  void tyingRemovesExactlyVocabularyTimesHidden() {
    long untied = ArchitectureTest.llamaLike().build().parameters().totalParameters();
    long tied = ArchitectureTest.llamaLike().tiedEmbeddings(true).build().parameters().totalParameters();
    assertEquals(32000L * 4096, untied - tied);
  }

  @Test
  void oneExpertTopOneIsTheDenseBlockPlusItsRouter() {
    Architecture dense = ArchitectureTest.llamaLike().build();
    Architecture moe =
        ArchitectureTest.llamaLike()
            .feedForward(
                MixtureOfExperts.builder().numExperts(1).expertsPerToken(1).expertIntermediateSize(11008).build())
            .build();
    assertEquals(
        dense.parameters().totalParameters() + 32L * 4096, moe.parameters().totalParameters());
    assertEquals(moe.parameters().totalParameters(), moe.parameters().activeParameters());
  }

  @Test
  void activeCountsOnlyTheRoutedExpertsUsed() {
    Architecture moe =
        ArchitectureTest.llamaLike()
            .feedForward(
                MixtureOfExperts.builder().numExperts(8).expertsPerToken(2).expertIntermediateSize(14336).build())
            .build();
    ParameterBreakdown parameters = moe.parameters();
    long perExpert = 3L * 4096 * 14336;
    assertEquals(32L * 8 * perExpert, parameters.get(ParameterComponent.ROUTED_EXPERTS));
    assertEquals(parameters.totalParameters() - 32L * 6 * perExpert, parameters.activeParameters());
    assertTrue(parameters.activeParametersExcludingEmbedding() < parameters.activeParameters());
  }
}
