package dev.persistence.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.testkit.Property;
import dev.persistence.testkit.data.DataGen;
import org.junit.jupiter.api.Test;

/** Invariants of {@link CurationPipeline} over generated pipelines. */
class CurationPipelineProperties {

  @Test
  void tokensOnlyShrinkThroughThePipelineAndTheLastCountIsTheSurvivors() {
    Property.forAll(DataGen.pipelines(), DataGen.sourceTokens())
        .verify(
            (pipeline, input) -> {
              double[] tokens = pipeline.tokensAtEachStage(input);
              for (int i = 1; i < tokens.length; i++) {
                assertTrue(tokens[i] <= tokens[i - 1]);
              }
              assertEquals(pipeline.survivingTokens(input), tokens[tokens.length - 1], 1e-9 * input);
              assertEquals(input, pipeline.inputTokensFor(pipeline.survivingTokens(input)), 1e-9 * input);
            });
  }

  @Test
  void theStageRemovingMostRemovesAtLeastAsMuchAsAnyOther() {
    Property.forAll(DataGen.pipelines(), DataGen.sourceTokens())
        .verify(
            (pipeline, input) -> {
              double[] tokens = pipeline.tokensAtEachStage(input);
              int most = pipeline.stages().indexOf(pipeline.stageRemovingMost());
              double removedByMost = tokens[most] - tokens[most + 1];
              for (int i = 0; i < pipeline.stages().size(); i++) {
                assertTrue(removedByMost >= (tokens[i] - tokens[i + 1]) * (1 - 1e-12));
              }
            });
  }
}
