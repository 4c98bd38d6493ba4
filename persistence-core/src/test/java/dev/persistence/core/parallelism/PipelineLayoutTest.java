package dev.persistence.core.parallelism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineLayoutTest {

  @Test
  void llama3405bOnSixteenStagesHasOneLayerFewerOnTheFirstAndTheLast() {
    // Dubey et al. 2024 (arXiv:2407.21783) section 3.3.2: 126 layers on PP 16, "we reduce one Transformer layer
    // each from the first and the last stages".
    PipelineLayout layout = PipelineLayout.balanced(126, 16, 1);
    assertEquals(7, layout.layersOnStage(0));
    assertEquals(7, layout.layersOnStage(15));
    for (int stage = 1; stage < 15; stage++) {
      assertEquals(8, layout.layersOnStage(stage), "stage " + stage);
    }
    assertEquals(126, layout.numLayers());
    assertEquals(0, layout.stageOf(0));
    assertEquals(0, layout.stageOf(6));
    assertEquals(1, layout.stageOf(7));
    assertEquals(15, layout.stageOf(125));
  }

  @Test
  void moreChunksThanLayersLeaveTheEmbeddingAndHeadChunksEmpty() {
    // 126 layers on 16 x 8 = 128 chunks: the first chunk holds only the embedding, the last only the head.
    PipelineLayout layout = PipelineLayout.balanced(126, 16, 8);
    assertEquals(0, layout.layersInChunk(0));
    assertEquals(0, layout.layersInChunk(127));
    assertEquals(1, layout.layersInChunk(1));
    assertEquals(1, layout.chunkOf(0));
    assertTrue(layout.holdsEmbedding(0));
    assertTrue(layout.holdsHead(15));
    assertThrows(IllegalArgumentException.class, () -> PipelineLayout.balanced(126, 16, 9));
  }

  @Test
  void explicitSplitsAreCheckedAgainstTheModel() {
    PipelineLayout layout = PipelineLayout.ofChunks(2, 1, List.of(3, 5), 1);
    assertEquals(3, layout.layersOnStage(0));
    assertEquals(1, layout.stageOf(3));
    assertEquals(1, layout.mtpModules());
    IllegalArgumentException middle =
        assertThrows(IllegalArgumentException.class, () -> PipelineLayout.ofChunks(3, 1, List.of(3, 0, 5), 0));
    assertTrue(middle.getMessage().contains("layersPerChunk[1] (0) must be > 0"), middle.getMessage());
  }

  @Test
  void evenSplitsAreThePlainRoundRobin() {
    // Narayanan et al. 2021 section 2.2.2: with p x v dividing L every chunk holds L / (p v) layers.
    PipelineLayout layout = PipelineLayout.balanced(96, 8, 6);
    for (int chunk = 0; chunk < 48; chunk++) {
      assertEquals(2, layout.layersInChunk(chunk));
    }
    assertEquals(12, layout.layersOnBusiestStage());
  }
}
