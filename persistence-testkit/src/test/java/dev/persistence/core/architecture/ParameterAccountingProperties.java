package dev.persistence.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import dev.persistence.testkit.architecture.ArchitectureGen;
import org.junit.jupiter.api.Test;

/**
 * Invariants of {@link ParameterAccounting} over generated architectures (10M to 2T parameters, dense and MoE,
 * every attention variant). They live in persistence-testkit because core cannot depend on it.
 */
class ParameterAccountingProperties {

  @Test
  void componentsSumToTheTotal() {
    Property.forAll(ArchitectureGen.architectures())
        .verify(
            a -> {
              ParameterBreakdown breakdown = ParameterAccounting.count(a);
              long sum = 0;
              for (ParameterComponent component : ParameterComponent.values()) {
                sum += breakdown.get(component);
              }
              assertEquals(sum, breakdown.totalParameters());
              assertEquals(breakdown, a.parameters());
            });
  }

  @Test
  void groupedQueryAttentionWithAllHeadsCountsAsTheDefaultMultiHeadAttention() {
    Gen<GroupedQueryAttention> attentions =
        ArchitectureGen.hiddenSizes().flatMap(ArchitectureGen::groupedQueryAttention);
    Property.forAll(attentions, ArchitectureGen.hiddenSizes())
        .verify(
            (attention, hidden) -> {
              GroupedQueryAttention explicit =
                  ImmutableGroupedQueryAttention.copyOf(attention)
                      .withNumKeyValueHeads(attention.numAttentionHeads());
              GroupedQueryAttention byDefault =
                  GroupedQueryAttention.builder()
                      .numAttentionHeads(attention.numAttentionHeads())
                      .headDim(attention.headDim())
                      .queryKeyValueBias(attention.queryKeyValueBias())
                      .outputBias(attention.outputBias())
                      .queryKeyNorm(attention.queryKeyNorm())
                      .queryKeyNormKind(attention.queryKeyNormKind())
                      .attentionSinks(attention.attentionSinks())
                      .build();
              assertEquals(AttentionVariant.MULTI_HEAD, byDefault.variant());
              assertEquals(byDefault.parameters(hidden), explicit.parameters(hidden));
            });
  }

  @Test
  void tyingTheEmbeddingsRemovesExactlyOneVocabularyByHiddenMatrix() {
    Property.forAll(ArchitectureGen.architectures())
        .verify(
            a -> {
              ImmutableArchitecture copy = ImmutableArchitecture.copyOf(a);
              long untied = copy.withTiedEmbeddings(false).parameters().totalParameters();
              long tied = copy.withTiedEmbeddings(true).parameters().totalParameters();
              assertEquals((long) a.vocabSize() * a.hiddenSize(), untied - tied);
            });
  }

  @Test
  void oneExpertTopOneCountsAsTheDenseBlockPlusItsRouter() {
    Property.forAll(ArchitectureGen.dense())
        .verify(
            a -> {
              DenseFeedForward dense = a.denseFeedForward().orElseThrow();
              MixtureOfExperts single =
                  MixtureOfExperts.builder()
                      .numExperts(1)
                      .expertsPerToken(1)
                      .expertIntermediateSize(dense.intermediateSize())
                      .gated(dense.gated())
                      .expertBias(dense.bias())
                      .build();
              Architecture sparse = ImmutableArchitecture.copyOf(a).withFeedForward(single);
              // The router of one expert is a hidden x 1 matrix in every layer.
              long router = (long) a.numLayers() * a.hiddenSize();
              assertEquals(
                  a.parameters().totalParameters() + router, sparse.parameters().totalParameters());
              assertEquals(
                  sparse.parameters().totalParameters(), sparse.parameters().activeParameters());
            });
  }

  @Test
  void activeNeverExceedsTotal() {
    Property.forAll(ArchitectureGen.architectures())
        .classify("mixture-of-experts", Architecture::isMixtureOfExperts)
        .requireCoverage("mixture-of-experts", 0.3)
        .verify(
            a -> {
              ParameterBreakdown breakdown = a.parameters();
              assertTrue(breakdown.activeParameters() <= breakdown.totalParameters());
              assertTrue(breakdown.activeParametersExcludingEmbedding() <= breakdown.activeParameters());
              if (a.isMixtureOfExperts()) {
                MixtureOfExperts moe = (MixtureOfExperts) a.feedForward();
                assertEquals(
                    moe.expertsPerToken() < moe.numExperts(),
                    breakdown.activeParameters() < breakdown.totalParameters());
              } else {
                assertEquals(breakdown.totalParameters(), breakdown.activeParameters());
              }
            });
  }

  @Test
  void nonEmbeddingPlusEmbeddingPlusOutputHeadIsTheTotal() {
    Property.forAll(ArchitectureGen.architectures())
        .verify(
            a -> {
              ParameterBreakdown breakdown = a.parameters();
              assertEquals(
                  breakdown.totalParameters(),
                  breakdown.nonEmbeddingParameters()
                      + breakdown.embeddingParameters()
                      + breakdown.get(ParameterComponent.OUTPUT_HEAD));
            });
  }
}
