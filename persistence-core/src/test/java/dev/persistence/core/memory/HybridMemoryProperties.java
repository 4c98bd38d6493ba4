package dev.persistence.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MambaMixer;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Training memory of hybrid stacks (issue 19): the model state is the exact parameter count times its bytes, and
 * a mixer layer's activations do not grow quadratically with the sequence as an attention layer's do.
 */
class HybridMemoryProperties {

  private static final long CAPACITY = 80L << 30;

  private static Architecture jambaShaped(boolean pureMamba) {
    List<Integer> mambaLayers = new ArrayList<>();
    for (int layer = 0; layer < 24; layer++) {
      if (pureMamba || layer % 8 != 4) {
        mambaLayers.add(layer);
      }
    }
    var builder =
        Architecture.builder()
            .vocabSize(32000)
            .hiddenSize(2048)
            .numLayers(24)
            .contextLength(1 << 18)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(16).numKeyValueHeads(8).headDim(128).build())
            .feedForward(DenseFeedForward.of(5632, true))
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(false)
            .sequenceMixer(
                MambaMixer.builder().intermediateSize(4096).stateSize(16).convKernel(4).timeStepRank(128).build())
            .addAllSequenceMixerLayerIndices(mambaLayers);
    if (pureMamba) {
      builder.feedForwardLayers(0).normsPerLayer(1);
    }
    return builder.build();
  }

  private static ParallelismPlan plan(int sequenceLength, ActivationRecomputation recomputation) {
    return ParallelismPlan.builder()
        .tensorParallel(1)
        .pipelineParallel(1)
        .dataParallel(1)
        .zeroStage(ZeroStage.NONE)
        .recomputation(recomputation)
        .microBatchSize(1)
        .globalBatchSize(16)
        .sequenceLength(sequenceLength)
        .build();
  }

  @Test
  void modelStateIsTheExactParameterCount() {
    for (boolean pure : new boolean[] {false, true}) {
      Architecture model = jambaShaped(pure);
      for (TrainingPrecision precision : TrainingPrecision.presets()) {
        TrainingMemoryBreakdown memory =
            TrainingMemory.estimate(
                model, plan(2048, ActivationRecomputation.FULL), precision, CAPACITY, MemoryAllowance.NONE);
        double parameters = model.parameters().totalParameters();
        assertEquals(Math.ceil(precision.weightBytes() * parameters), memory.weightsBytes());
      }
    }
  }

  @Test
  void mixerLayerActivationsAreLinearInTheSequence() {
    Architecture model = jambaShaped(false);
    for (int s : new int[] {1024, 4096, 16384}) {
      double mixer = ActivationMemory.layerBytes(model, 0, plan(s, ActivationRecomputation.NONE));
      double mixerDouble = ActivationMemory.layerBytes(model, 0, plan(2 * s, ActivationRecomputation.NONE));
      assertEquals(2 * mixer, mixerDouble, 1e-9 * mixer, "mixer layer at " + s);
      double attention = ActivationMemory.layerBytes(model, 4, plan(s, ActivationRecomputation.NONE));
      double attentionDouble = ActivationMemory.layerBytes(model, 4, plan(2 * s, ActivationRecomputation.NONE));
      assertTrue(attentionDouble > 2 * attention, "attention layer grows faster than linearly at " + s);
    }
  }
}
