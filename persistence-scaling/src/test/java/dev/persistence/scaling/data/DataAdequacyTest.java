package dev.persistence.scaling.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.data.AcquisitionCost;
import dev.persistence.core.data.CurationCostModel;
import dev.persistence.core.data.CurationPipelines;
import dev.persistence.core.data.DataMixture;
import dev.persistence.core.data.DataSize;
import dev.persistence.core.data.DataSource;
import dev.persistence.core.data.LicenceClass;
import dev.persistence.core.data.MixtureComponent;
import dev.persistence.core.data.QualityTier;
import dev.persistence.core.data.SyntheticGeneration;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.TokensPerParameter;
import org.junit.jupiter.api.Test;

class DataAdequacyTest {
  private static final DataConstrainedLaw LAW = DataConstrainedLaw.MUENNIGHOFF_2023;

  private static DataMixture single(double tokens) {
    return DataMixture.builder()
        .addComponents(
            new MixtureComponent(
                DataSource.builder()
                    .name("web")
                    .size(DataSize.tokens(tokens, "test"))
                    .licenceClass(LicenceClass.PUBLIC_PERMISSIVE)
                    .build(),
                1.0))
        .build();
  }

  @Test
  void enoughUniqueDataHasNoPenalty() {
    DataAdequacy adequacy = DataAdequacy.assess(LAW, TokenTarget.of(TokensPerParameter.CHINCHILLA, 7e9), single(1e12));
    assertEquals(140e9, adequacy.target().tokens(), 1);
    assertTrue(adequacy.sufficient());
    assertEquals(1, adequacy.repetition(), 1e-12);
    assertEquals(0, adequacy.lossPenalty(), 1e-12);
  }

  @Test
  void fourEpochsCostLittleAndFortyCostMuchMore() {
    // Muennighoff et al. 2023 (arXiv:2305.16264, abstract): with constrained data, "training with up to 4 epochs
    // of repeated data yields negligible changes to loss compared to having unique data", while "with more
    // repetition, the value of adding compute eventually decays to zero". Qualitative, so tested as an ordering.
    double parameters = 1e9;
    double tokens = 100e9;
    DataAdequacy fourEpochs = DataAdequacy.assess(LAW, new TokenTarget(parameters, tokens, "test"), single(tokens / 4));
    DataAdequacy fortyEpochs = DataAdequacy.assess(LAW, new TokenTarget(parameters, tokens, "test"), single(tokens / 40));
    assertEquals(4, fourEpochs.repetition(), 1e-9);
    assertFalse(fourEpochs.sufficient());
    assertEquals(75e9, fourEpochs.shortfallTokens(), 1);
    assertTrue(fourEpochs.lossPenalty() > 0);
    assertTrue(fourEpochs.lossPenalty() < 0.01 * fourEpochs.unconstrainedLoss(), "4 epochs: " + fourEpochs.lossPenalty());
    assertTrue(fortyEpochs.lossPenalty() > 10 * fourEpochs.lossPenalty());
  }

  @Test
  void computeOptimalTargetLiesOnTheLawsFrontier() {
    ChinchillaLaw law = ChinchillaLaw.HOFFMANN_2022_UNROUNDED;
    for (double compute : new double[] {1e20, 5.76e23, 1e26}) {
      TokenTarget target = TokenTarget.computeOptimal(law, law.optimalParameters(compute));
      assertEquals(law.optimalTokens(compute), target.tokens(), 1e-9 * target.tokens());
      assertEquals(compute, 6 * target.parameters() * target.tokens(), 1e-9 * compute);
    }
  }

  @Test
  void overTrainedTargetIsTheRatioTimesTheParameters() {
    assertEquals(8e9 * 1875, TokenTarget.of(TokensPerParameter.LLAMA_3_8B, 8e9).tokens(), 1);
    assertEquals(2e12, TokenTarget.tokensPerParameter(200, 1e10).tokens(), 1);
  }

  @Test
  void budgetAddsAcquisitionCurationAndSyntheticGeneration() {
    DataSource bought =
        DataSource.builder()
            .name("books")
            .size(DataSize.tokens(1e10, "test"))
            .licenceClass(LicenceClass.LICENSED)
            .acquisitionCost(new AcquisitionCost(10, 1000))
            .build();
    DataSource crawled =
        DataSource.builder()
            .name("crawl")
            .size(DataSize.tokens(1e12, "test"))
            .licenceClass(LicenceClass.PROPRIETARY)
            .curation(CurationPipelines.FINEWEB_EDU)
            .build();
    DataSource synthetic =
        SyntheticGeneration.builder()
            .generatorModel("model")
            .accelerator("H100-SXM5-80GB")
            .generatedTokens(1e9)
            .acceptanceRate(0.5)
            .usdPerMillionGeneratedTokens(3)
            .build()
            .toSource("synthetic", "en", "math", QualityTier.HIGH);
    DataMixture mixture =
        DataMixture.builder()
            .addComponents(new MixtureComponent(bought, 0.2))
            .addComponents(new MixtureComponent(crawled, 0.7))
            .addComponents(new MixtureComponent(synthetic, 0.1))
            .build();
    DataBudget budget = DataBudget.of(mixture.allocate(1e11), CurationCostModel.ASSUMED);
    // 2e10 tokens drawn from a 1e10-token source: 1e10 unique at $10 per million plus the $1000 fee.
    assertEquals(1e5 + 1000, budget.sources().get(0).acquisitionUsd(), 1e-6);
    // 7e10 tokens from FineWeb-Edu's filter (1.3/15 kept): 7e10 * 15 / 1.3 tokens in, 4 bytes each, $30 per TB.
    assertEquals(7e10 * 15 / 1.3 * 4 / 1e12 * 30, budget.sources().get(1).curationUsd(), 1e-6);
    // 1e9 generated tokens at $3 per million, all paid for.
    assertEquals(3000, budget.syntheticGenerationUsd(), 1e-9);
    assertEquals(
        budget.acquisitionUsd() + budget.curationUsd() + budget.syntheticGenerationUsd(), budget.totalUsd(), 1e-9);
  }

  @Test
  void printsAShortSummaryNotTheRecordDump() {
    DataAdequacy fourEpochs = DataAdequacy.assess(LAW, new TokenTarget(1e9, 100e9, "test"), single(25e9));
    String text = fourEpochs.toString();
    assertTrue(
        text.startsWith("100.00B tokens for 1.00B parameters (test): 25.00B unique available, 4.00 epochs, "), text);
    assertTrue(text.contains(", shortfall 75.00B, loss "), text);
    assertTrue(text.endsWith(" nats/token), 1 source"), text);
    assertTrue(text.length() < 240, text);
  }
}
