package dev.persistence.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Published yields reproduced by the presets; expected values are the publishers' figures, cited. */
class CurationPipelinesTest {

  @Test
  void fineWebEduKeepsOnePointThreeOfFifteenTrillionTokens() {
    // HuggingFaceFW/blogpost-fineweb-v1 (2024): FineWeb 15T tokens; FineWeb-Edu 1.3T tokens (score >= 3).
    assertEquals(1.3e12, CurationPipelines.FINEWEB_EDU.survivingTokens(15e12), 1e3);
    // Same source: "a larger, less heavily filtered version containing 5.4 trillion tokens".
    assertEquals(5.4e12, CurationPipelines.FINEWEB_EDU_SCORE_2.survivingTokens(15e12), 1e3);
  }

  @Test
  void dclmBaselineIsAboutOnePointSixPercentOfThePool() {
    // Li et al. 2024, arXiv:2406.11794: DCLM-Pool 240T tokens (abstract); DCLM-Baseline 3.8T tokens (secondary).
    assertEquals(3.8e12, CurationPipelines.DCLM_BASELINE.survivingTokens(240e12), 1e3);
    assertEquals(CurationStageKind.COMBINED, CurationPipelines.DCLM_BASELINE.stageRemovingMost().kind());
  }

  @Test
  void redPajamaV2KeepsThirtyTrillionOfAtLeastOneHundred() {
    // together.ai/blog/redpajama-data-v2 (2023-10-30): "30 trillion filtered and deduplicated tokens (100+
    // trillions raw)".
    assertEquals(30e12, CurationPipelines.REDPAJAMA_V2.survivingTokens(100e12), 1e3);
  }

  @Test
  void theStackV2DeduplicationKeeps32Point1Of67Point5Terabytes() {
    // huggingface/blog starcoder2.md (2024-02-28): full 67.5TB, deduplicated 32.1TB.
    assertEquals(32.1, CurationPipelines.THE_STACK_V2_DEDUPLICATION.survivingTokens(67.5), 1e-9);
  }

  @Test
  void refinedWebRemovesNearlyNinetyPercentOfDocuments() {
    // Penedo et al. 2023, arXiv:2306.01116, Fig. 2 caption: stages "remove nearly 90% of the documents
    // originally in CommonCrawl" (seen in a secondary copy). The per-stage shares are unconfirmed, so only this
    // loose bound is tested.
    double removed = 1 - CurationPipelines.REFINEDWEB.retention();
    assertTrue(removed > 0.85 && removed < 0.90, "removed " + removed);
    assertTrue(CurationPipelines.REFINEDWEB.source().contains("UNCONFIRMED"));
  }

  @Test
  void stageRemovingMostCountsTokensNotRetention() {
    // The first stage keeps 50% of 100 (removes 50); the second keeps 10% of 50 (removes 45).
    CurationPipeline pipeline =
        CurationPipeline.builder()
            .name("example")
            .addStages(new CurationStage(CurationStageKind.LANGUAGE_IDENTIFICATION, "", 0.5))
            .addStages(new CurationStage(CurationStageKind.MODEL_QUALITY_FILTER, "", 0.1))
            .build();
    assertSame(pipeline.stages().get(0), pipeline.stageRemovingMost());
    assertEquals(5.0, pipeline.survivingTokens(100), 1e-12);
  }

  @Test
  void everyPresetNamesItsSourceAndIsFoundByName() {
    for (CurationPipeline preset : CurationPipelines.presets()) {
      assertTrue(!preset.source().isBlank(), preset.name());
      assertSame(preset, CurationPipelines.find(preset.name().toUpperCase(java.util.Locale.ROOT)).orElseThrow());
    }
  }
}
