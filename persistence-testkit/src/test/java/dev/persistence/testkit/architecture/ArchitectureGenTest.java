package dev.persistence.testkit.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.AttentionVariant;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import dev.persistence.testkit.PropertyFailure;
import dev.persistence.testkit.PropertyReport;
import dev.persistence.testkit.parallelism.ParallelismGen;
import org.junit.jupiter.api.Test;

/** The domain generators produce valid, realistic values and cover every variant. */
class ArchitectureGenTest {

  private static boolean variant(Architecture architecture, AttentionVariant variant) {
    return architecture.attention().variant() == variant;
  }

  @Test
  void architecturesSpanTheRealisticRangeAndEveryVariant() {
    PropertyReport report =
        Property.forAll(ArchitectureGen.architectures())
            .classify("dense", a -> !a.isMixtureOfExperts())
            .classify("mixture-of-experts", Architecture::isMixtureOfExperts)
            .classify("multi-head", a -> variant(a, AttentionVariant.MULTI_HEAD))
            .classify("grouped-query", a -> variant(a, AttentionVariant.GROUPED_QUERY))
            .classify("multi-query", a -> variant(a, AttentionVariant.MULTI_QUERY))
            .classify("multi-head latent", a -> variant(a, AttentionVariant.MULTI_HEAD_LATENT))
            .classify("under 1B", a -> a.parameters().totalParameters() < 1_000_000_000L)
            .classify("over 100B", a -> a.parameters().totalParameters() > 100_000_000_000L)
            .requireCoverage("dense", 0.30)
            .requireCoverage("mixture-of-experts", 0.30)
            .requireCoverage("multi-head", 0.05)
            .requireCoverage("grouped-query", 0.10)
            .requireCoverage("multi-query", 0.05)
            .requireCoverage("multi-head latent", 0.10)
            .requireCoverage("under 1B", 0.10)
            .requireCoverage("over 100B", 0.03)
            .check(
                a -> {
                  long total = a.parameters().totalParameters();
                  return total >= ArchitectureGen.MIN_PARAMETERS && total <= ArchitectureGen.MAX_PARAMETERS;
                });
    assertTrue(report.tries() > 0);
  }

  @Test
  void denseAndMixtureOfExpertsGeneratorsKeepToTheirKind() {
    Property.forAll(ArchitectureGen.dense()).tries(50).check(a -> !a.isMixtureOfExperts());
    Property.forAll(ArchitectureGen.mixtureOfExperts())
        .tries(50)
        .check(a -> a.isMixtureOfExperts() && a.sparseLayers() > 0);
  }

  @Test
  void attentionHeadsAlwaysDivide() {
    Property.forAll(ArchitectureGen.hiddenSizes().flatMap(ArchitectureGen::groupedQueryAttention))
        .check(attention -> attention.numAttentionHeads() % attention.numKeyValueHeads() == 0);
    Property.forAll(ArchitectureGen.hiddenSizes().flatMap(ArchitectureGen::multiQueryAttention))
        .check(attention -> attention.variant() == AttentionVariant.MULTI_QUERY);
    Property.forAll(ArchitectureGen.hiddenSizes().flatMap(ArchitectureGen::multiHeadAttention))
        .check(attention -> attention.variant() == AttentionVariant.MULTI_HEAD);
  }

  @Test
  void mixturesAlwaysHaveTheDenseBlockTheirDenseLayersNeed() {
    Gen<MixtureOfExperts> mixtures =
        Gen.zip(ArchitectureGen.hiddenSizes(), ArchitectureGen.layerCounts(), (h, l) -> l)
            .flatMap(layers -> ArchitectureGen.mixtureOfExpertsFeedForward(1024, layers));
    Property.forAll(mixtures)
        .check(
            moe ->
                moe.expertsPerToken() <= moe.numExperts()
                    && (moe.firstDenseLayers() == 0 && moe.layerPeriod() == 1
                        || moe.denseFeedForward().isPresent()));
  }

  @Test
  void architecturesShrinkTowardASmallPlainModel() {
    // A planted failure: "no model has more than 8 layers" shrinks to a 9-layer model of the smallest width.
    PropertyFailure failure =
        assertThrows(
            PropertyFailure.class,
            () -> Property.forAll(ArchitectureGen.dense()).check(a -> a.numLayers() <= 8));
    Architecture shrunk = (Architecture) failure.shrunk();
    assertEquals(9, shrunk.numLayers());
    assertTrue(shrunk.hiddenSize() <= ((Architecture) failure.original()).hiddenSize());
  }

  @Test
  void parallelismGeneratorsCoverEverySetting() {
    Property.forAll(ParallelismGen.activationRecomputations())
        .classify("full", r -> r == ActivationRecomputation.FULL)
        .requireCoverage("full", 0.1)
        .check(r -> r != null);
    Property.forAll(ParallelismGen.degrees(1024)).check(d -> Integer.bitCount(d) == 1 && d <= 1024);
  }
}
