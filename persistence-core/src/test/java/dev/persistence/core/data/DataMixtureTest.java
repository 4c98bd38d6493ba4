package dev.persistence.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataMixtureTest {

  private static DataSource source(String name, double tokens) {
    return DataSource.builder()
        .name(name)
        .size(DataSize.tokens(tokens, "test"))
        .licenceClass(LicenceClass.PUBLIC_PERMISSIVE)
        .build();
  }

  @Test
  void allocatesByWeightAndCountsEpochs() {
    DataMixture mixture =
        DataMixture.builder()
            .addComponents(new MixtureComponent(source("web", 1e12), 0.75))
            .addComponents(new MixtureComponent(source("books", 1e10), 0.25))
            .build();
    MixtureAllocation allocation = mixture.allocate(1e12);
    assertEquals(7.5e11, allocation.sources().get(0).tokens(), 1);
    assertEquals(0.75, allocation.sources().get(0).epochs(), 1e-12);
    assertEquals(25, allocation.sources().get(1).epochs(), 1e-9);
    assertEquals(1, allocation.overRepeated().size());
    assertEquals("books", allocation.overRepeated().get(0).name());
    assertEquals(7.5e11 + 1e10, allocation.uniqueTokens(), 1);
  }

  @Test
  void weightsMustSumToOne() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DataMixture.builder()
                    .addComponents(new MixtureComponent(source("web", 1e12), 0.5))
                    .addComponents(new MixtureComponent(source("code", 1e12), 0.4))
                    .build());
    assertTrue(e.getMessage().contains("sum to 0.9"), e.getMessage());
  }

  @Test
  void aZeroTokenSourceWithPositiveWeightIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DataMixture.builder()
                    .addComponents(new MixtureComponent(source("web", 1e12), 0.9))
                    .addComponents(new MixtureComponent(source("empty-books", 0), 0.1))
                    .build());
    assertTrue(e.getMessage().contains("empty-books"), e.getMessage());
  }

  @Test
  void aZeroTokenSourceWithZeroWeightIsAllowed() {
    DataMixture mixture =
        DataMixture.builder()
            .addComponents(new MixtureComponent(source("web", 1e12), 1.0))
            .addComponents(new MixtureComponent(source("later", 0), 0.0))
            .build();
    assertEquals(0, mixture.allocate(1e12).sources().get(1).epochs());
  }

  @Test
  void byteAndDocumentSizesUseTheirTokenizerRatio() {
    assertEquals(2.5e11, DataSize.bytes(1e12, 4, "gpt2").tokens(), 1);
    assertEquals(3e11, DataSize.documents(1e9, 300, "gpt2").tokens(), 1);
    assertThrows(IllegalArgumentException.class, () -> DataSize.bytes(1e12, 0, "gpt2"));
    assertThrows(IllegalArgumentException.class, () -> DataSize.tokens(Double.NaN, "gpt2"));
  }

  @Test
  void syntheticTokensAreTheAcceptedOnesAndAllGeneratedOnesArePaid() {
    SyntheticGeneration generation =
        SyntheticGeneration.builder()
            .generatorModel("model")
            .accelerator("H100-SXM5-80GB")
            .generatedTokens(1e9)
            .acceptanceRate(0.25)
            .usdPerMillionGeneratedTokens(2)
            .build();
    assertEquals(2.5e8, generation.acceptedTokens(), 1e-3);
    assertEquals(2000, generation.generationCostUsd(), 1e-9);
    assertEquals(8, generation.usdPerMillionAcceptedTokens(), 1e-12);
    DataSource source = generation.toSource("synthetic", "en", "math", QualityTier.HIGH);
    assertEquals(LicenceClass.SYNTHETIC, source.licenceClass());
    assertEquals(2.5e8, source.tokens(), 1e-3);
    assertEquals(4000, generation.repriced((model, accelerator) -> 4.0).generationCostUsd(), 1e-9);
    assertThrows(
        IllegalArgumentException.class,
        () -> SyntheticGeneration.builder().from(generation).acceptanceRate(0).build());
  }

  @Test
  void acquisitionChargesUniqueTokensAndTheFlatFeeOnlyWhenUsed() {
    AcquisitionCost cost = new AcquisitionCost(2, 100);
    assertEquals(0, cost.costUsd(0));
    assertEquals(100 + 2 * 5, cost.costUsd(5e6), 1e-9);
  }

  @Test
  void curationCostChargesTheBytesEnteringEachStage() {
    CurationPipeline pipeline =
        CurationPipeline.builder()
            .name("example")
            .addStages(new CurationStage(CurationStageKind.TEXT_EXTRACTION, "", 0.5))
            .addStages(new CurationStage(CurationStageKind.FUZZY_DEDUPLICATION, "", 0.5))
            .build();
    CurationCostModel model =
        CurationCostModel.builder()
            .putUsdPerTerabyte(CurationStageKind.TEXT_EXTRACTION, 10.0)
            .putUsdPerTerabyte(CurationStageKind.FUZZY_DEDUPLICATION, 1.0)
            .bytesPerToken(2)
            .build();
    // 1e12 output tokens need 4e12 input tokens: 8 TB enter extraction ($80), 4 TB enter dedup ($4).
    assertEquals(84, model.costUsd(pipeline, 1e12), 1e-9);
  }
}
