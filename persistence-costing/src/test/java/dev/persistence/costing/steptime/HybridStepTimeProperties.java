package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.Mamba2Mixer;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.HybridModels;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Step time of hybrid stacks (issue 22): a mixer layer's cost is linear in the sequence, a layer without a
 * feed-forward block has none, and the slowest pipeline stage follows which layers it holds, not an average.
 */
class HybridStepTimeProperties {

  private static StepTimeModel model(Architecture architecture) {
    return StepTimeModel.of(
        architecture, Selene.cluster(64), TrainingPrecision.MIXED_BF16_ADAM, Calibration.bundled("production-2025"),
        AttentionKernel.FUSED, dev.persistence.core.flops.FlopConvention.EXACT);
  }

  private static ParallelismPlan plan(int p, int sequenceLength, ActivationRecomputation recomputation) {
    return ParallelismPlan.builder()
        .pipelineParallel(p)
        .dataParallel(1)
        .microBatchSize(1)
        .globalBatchSize(4 * p)
        .sequenceLength(sequenceLength)
        .recomputation(recomputation)
        .fusedAttention(true)
        .build();
  }

  private static double secondsPerToken(Architecture architecture, int p, int s, ActivationRecomputation r) {
    return model(architecture).estimate(plan(p, s, r)).stepSeconds() / (4.0 * p * s);
  }

  @Test
  void hybridCostPerTokenGrowsMoreSlowlyWithTheSequence() {
    Property.forAll(
            Gen.elements(
                List.of(HybridModels.jambaMini(true), HybridModels.jambaMini(false)),
                List.of(HybridModels.granite4Micro(true), HybridModels.granite4Micro(false)),
                List.of(HybridModels.nemotronNano9b(true), HybridModels.nemotronNano9b(false))),
            Gen.elements(1, 2, 4),
            Gen.elements(ActivationRecomputation.values()))
        .verify(
            (pair, p, recomputation) -> {
              for (int s = 2048; s <= 32768; s *= 2) {
                double hybridGrowth =
                    secondsPerToken(pair.get(0), p, 2 * s, recomputation)
                        - secondsPerToken(pair.get(0), p, s, recomputation);
                double attentionGrowth =
                    secondsPerToken(pair.get(1), p, 2 * s, recomputation)
                        - secondsPerToken(pair.get(1), p, s, recomputation);
                // Below ~8K tokens larger GEMMs can still make a token cheaper; beyond, the s^2 core dominates.
                if (s >= 8192) {
                  assertTrue(attentionGrowth > 0, "attention's cost per token grows with s " + s);
                }
                assertTrue(
                    hybridGrowth < attentionGrowth,
                    "hybrid grew " + hybridGrowth + " vs " + attentionGrowth + " at s " + s);
              }
            });
  }

  /** Eight layers of 2048 with attention in {@code attentionLayers} and Mamba-2 elsewhere; a tiny vocabulary. */
  private static Architecture eightLayers(List<Integer> mixerLayers, boolean feedForward) {
    var builder =
        Architecture.builder()
            .vocabSize(256)
            .hiddenSize(2048)
            .numLayers(8)
            .contextLength(1 << 16)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(16).numKeyValueHeads(4).headDim(128).build())
            .feedForward(DenseFeedForward.of(8192, true))
            .normKind(NormKind.RMS_NORM)
            .tiedEmbeddings(true)
            .sequenceMixer(
                Mamba2Mixer.builder().numHeads(64).headDim(64).stateSize(128).numGroups(1).convKernel(4).build())
            .addAllSequenceMixerLayerIndices(mixerLayers);
    if (!feedForward) {
      builder.addAllNoFeedForwardLayerIndices(java.util.stream.IntStream.range(0, 8).boxed().toList()).normsPerLayer(1);
    }
    return builder.build();
  }

  @Test
  void theSlowestStageIsTheOneHoldingTheAttentionLayers() {
    // Two attention layers on one stage of two (and two mixers beside them) against one on each stage: the same
    // average layer, but at long sequences the first pipeline waits for the stage with both attention layers.
    Architecture together = eightLayers(List.of(2, 3, 4, 5, 6, 7), true);
    Architecture apart = eightLayers(List.of(1, 2, 3, 5, 6, 7), true);
    for (int s = 8192; s <= 65536; s *= 2) {
      double concentrated = model(together).estimate(plan(2, s, ActivationRecomputation.NONE)).stepSeconds();
      double spread = model(apart).estimate(plan(2, s, ActivationRecomputation.NONE)).stepSeconds();
      assertTrue(concentrated > spread * 1.01, "at s " + s + ": " + concentrated + " vs " + spread);
      // Without pipeline parallelism the order of the layers does not matter.
      assertEquals(
          model(together).estimate(plan(1, s, ActivationRecomputation.NONE)).stepSeconds(),
          model(apart).estimate(plan(1, s, ActivationRecomputation.NONE)).stepSeconds(),
          1e-12);
    }
  }

  @Test
  void layersWithoutFeedForwardCostNone() {
    List<Integer> all = List.of(0, 1, 2, 3, 4, 5, 6, 7);
    for (int s = 1024; s <= 16384; s *= 2) {
      double withBlock = model(eightLayers(all, true)).estimate(plan(1, s, ActivationRecomputation.NONE)).stepSeconds();
      double without = model(eightLayers(all, false)).estimate(plan(1, s, ActivationRecomputation.NONE)).stepSeconds();
      assertTrue(without < withBlock * 0.8, "a pure-mixer stack still pays for an MLP at s " + s);
    }
  }

  /**
   * Eight one-block layers of 2048 (Nemotron-H's layout): {@code pattern}'s {@code M} a Mamba-2 mixer, {@code *}
   * attention, {@code -} a plain MLP of 8192, each with one norm.
   */
  private static Architecture oneBlockLayers(String pattern) {
    var builder =
        Architecture.builder()
            .vocabSize(256)
            .hiddenSize(2048)
            .numLayers(pattern.length())
            .contextLength(1 << 16)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(16).numKeyValueHeads(4).headDim(128).build())
            .feedForward(DenseFeedForward.of(8192, false))
            .normKind(NormKind.RMS_NORM)
            .normsPerLayer(1)
            .tiedEmbeddings(true)
            .sequenceMixer(
                Mamba2Mixer.builder().numHeads(64).headDim(64).stateSize(128).numGroups(1).convKernel(4).build());
    for (int layer = 0; layer < pattern.length(); layer++) {
      switch (pattern.charAt(layer)) {
        case 'M':
          builder.addSequenceMixerLayerIndices(layer).addNoFeedForwardLayerIndices(layer);
          break;
        case '*':
          builder.addNoFeedForwardLayerIndices(layer);
          break;
        default:
          builder.addFeedForwardOnlyLayerIndices(layer);
      }
    }
    return builder.build();
  }

  /**
   * A stage's time is the sum of its own layers of each of the three kinds: with the four MLP layers on one
   * stage of two and the mixer and attention layers on the other, the slower of the two is at least the average
   * that spreading them evenly gives each stage; with one stage, the order of the layers does not matter; and
   * an MLP-only layer adds time, as a mixer-only layer does.
   */
  @Test
  void oneBlockLayersAreCostedByKind() {
    Architecture together = oneBlockLayers("----M*M*");
    Architecture apart = oneBlockLayers("-M-*-M-*");
    Property.forAll(Gen.elements(2048, 8192, 32768), Gen.elements(ActivationRecomputation.values()))
        .verify(
            (s, recomputation) -> {
              double concentrated = model(together).estimate(plan(2, s, recomputation)).stepSeconds();
              double spread = model(apart).estimate(plan(2, s, recomputation)).stepSeconds();
              assertTrue(concentrated >= spread * (1 - 1e-12), "at s " + s + ": " + concentrated + " vs " + spread);
              assertEquals(
                  model(together).estimate(plan(1, s, recomputation)).stepSeconds(),
                  model(apart).estimate(plan(1, s, recomputation)).stepSeconds(),
                  1e-9 * spread);
              double withoutOneMlp = model(oneBlockLayers("---M*M*")).estimate(plan(1, s, recomputation)).stepSeconds();
              double withoutOneMixer = model(oneBlockLayers("----*M*")).estimate(plan(1, s, recomputation)).stepSeconds();
              double all = model(together).estimate(plan(1, s, recomputation)).stepSeconds();
              assertTrue(withoutOneMlp < all, "an MLP layer costs time at s " + s);
              assertTrue(withoutOneMixer < all, "a mixer layer costs time at s " + s);
            });
  }
}
