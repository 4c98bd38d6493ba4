package dev.persistence.core.parallelism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Invariants of the default pipeline split, over every layer count to 130, 16 stages and 4 virtual stages
 * (exhaustive: persistence-core's tests do not depend on the testkit).
 */
class PipelineLayoutProperties {

  @Test
  void layersAreConservedBalancedAndTheAllocationFreeCountsAgree() {
    for (int layers = 1; layers <= 130; layers++) {
      for (int p = 1; p <= 16; p++) {
        for (int v = 1; v <= 4; v++) {
              if (!PipelineLayout.balancedSplitExists(layers, p, v)) {
                continue;
              }
              PipelineLayout layout = PipelineLayout.balanced(layers, p, v);
              int total = 0;
              int most = 0;
              int least = Integer.MAX_VALUE;
              for (int c = 0; c < layout.chunks(); c++) {
                int n = layout.layersInChunk(c);
                assertEquals(PipelineLayout.layersInChunk(layers, p * v, c), n);
                total += n;
                most = Math.max(most, n);
                least = Math.min(least, n);
              }
              assertEquals(layers, total, "layers conserved");
              assertTrue(most - least <= 1, "chunks differ by at most one layer");
              int stageTotal = 0;
              for (int s = 0; s < p; s++) {
                assertEquals(PipelineLayout.layersOnStage(layers, p, v, s), layout.layersOnStage(s));
                stageTotal += layout.layersOnStage(s);
              }
              assertEquals(layers, stageTotal);
              assertEquals(PipelineLayout.layersOnBusiestStage(layers, p, v), layout.layersOnBusiestStage());
              for (int layer = 0; layer < layers; layer++) {
                int stage = layout.stageOf(layer);
                assertTrue(stage >= 0 && stage < p);
                if (layer > 0) {
                  assertTrue(layout.chunkOf(layer) >= layout.chunkOf(layer - 1), "layers in chunk order");
                }
              }
        }
      }
    }
  }
}
