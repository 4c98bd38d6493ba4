package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.memory.ActivationMemory;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineLayout;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * Memory ({@link ActivationMemory#stageOf}), step time ({@link StepTimeModel#layersOnBusiestStage},
 * {@link StepTimeModel#layersOnLastStage}) and the layout itself place the layers the same way.
 */
class PipelineLayoutAgreementProperties {

  @Test
  void memoryAndStepTimeSeeTheSameStages() {
    Property.forAll(Gen.integers(2, 130), Gen.integers(1, 16), Gen.integers(1, 4))
        .verify(
            (layers, p, v) -> {
              if (p > layers || v > 1 && p == 1 || !PipelineLayout.balancedSplitExists(layers, p, v)) {
                return;
              }
              Architecture model = Architecture.megatronGpt(layers, 256, 4, 1000, 128);
              ParallelismPlan plan =
                  ParallelismPlan.builder()
                      .pipelineParallel(p)
                      .virtualPipelineStages(v)
                      .microBatchSize(1)
                      .globalBatchSize(p)
                      .sequenceLength(128)
                      .build();
              int[] perStage = new int[p];
              for (int layer = 0; layer < layers; layer++) {
                perStage[ActivationMemory.stageOf(model, layer, plan)]++;
              }
              int busiest = 0;
              for (int count : perStage) {
                busiest = Math.max(busiest, count);
              }
              assertEquals(busiest, StepTimeModel.layersOnBusiestStage(layers, p, v), "busiest stage");
              assertEquals(perStage[p - 1], StepTimeModel.layersOnLastStage(layers, p, v), "last stage");
            });
  }
}
