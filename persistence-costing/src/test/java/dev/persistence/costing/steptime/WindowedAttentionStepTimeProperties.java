package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.ImmutableArchitecture;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.HybridModels;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * Step time reads a sliding-window layer's attention core at its window, in hybrid stacks and all-attention ones
 * alike, and context parallelism costs a mixer layer the passing of its constant state down the ranks.
 */
class WindowedAttentionStepTimeProperties {

  private static double[] layer(Architecture architecture, int c, int sequenceLength) {
    StepTimeModel model =
        StepTimeModel.of(
            architecture, Selene.cluster(64), TrainingPrecision.MIXED_BF16_ADAM,
            Calibration.bundled("production-2025"), AttentionKernel.FUSED, FlopConvention.EXACT);
    double[] out = new double[StepTimeModel.LAYER_COSTS_SIZE];
    model.layerCosts(1, c, 1, 1, sequenceLength, false, out);
    return out;
  }

  private static Architecture windowed(Architecture architecture, int window) {
    // slidingWindowLayers is a default that copyOf freezes: every attention layer slides.
    return ImmutableArchitecture.copyOf(architecture)
        .withSlidingWindow(window)
        .withSlidingWindowLayers(architecture.attentionLayers());
  }

  /**
   * Keys per query under a window (Jiang et al. 2023, Mistral 7B, arXiv:2310.06825 section 2): the first w
   * queries see 1..w keys, the rest w each.
   */
  private static double meanKeys(double s, double w) {
    return w >= s ? (s + 1) / 2 : (w * (w + 1) / 2 + (s - w) * w) / s;
  }

  @Test
  void slidingLayersAreTimedByTheirWindow() {
    Property.forAll(
            Gen.elements(HybridModels.jambaMini(true), HybridModels.jambaMini(false), HybridModels.granite4Micro(true)),
            Gen.elements(1024, 4096, 8192),
            Gen.elements(2048, 8192, 32768))
        .verify(
            (model, window, s) -> {
              double full = layer(model, 1, s)[StepTimeModel.ATTENTION_CORE];
              double slid = layer(windowed(model, window), 1, s)[StepTimeModel.ATTENTION_CORE];
              assertEquals(full * meanKeys(s, window) / meanKeys(s, s), slid, 1e-9 * full);
              assertTrue(slid <= full);
            });
  }

  /** Mistral 7B's 4,096-token window at 32,768 tokens: 0.234 of a full causal core (w(2s - w + 1) / (s(s + 1))). */
  @Test
  void mistralWindowAt32kCostsAQuarterOfFullAttention() {
    Architecture attention = HybridModels.jambaMini(false);
    double full = layer(attention, 1, 32768)[StepTimeModel.ATTENTION_CORE];
    double slid = layer(windowed(attention, 4096), 1, 32768)[StepTimeModel.ATTENTION_CORE];
    double expected = 4096.0 * (2 * 32768 - 4096 + 1) / (32768.0 * 32769);
    assertEquals(0.2343, expected, 1e-4);
    assertEquals(expected, slid / full, 1e-12);
  }

  @Test
  void contextParallelMixerLayersPassAConstantState() {
    Property.forAll(
            Gen.elements(HybridModels.jambaMini(true), HybridModels.granite4Micro(true)),
            Gen.elements(2, 4, 8),
            Gen.elements(8192, 32768, 131072))
        .verify(
            (model, c, s) -> {
              // At c ranks each holds s / c tokens: the same local work as one rank with s / c tokens, plus the
              // chain of state hops.
              double chain =
                  layer(model, c, s)[StepTimeModel.MIXER_FORWARD_COMPUTE]
                      - layer(model, 1, s / c)[StepTimeModel.MIXER_FORWARD_COMPUTE];
              assertTrue(chain > 0, "state passing costs something");
              double longer =
                  layer(model, c, 2 * s)[StepTimeModel.MIXER_FORWARD_COMPUTE]
                      - layer(model, 1, 2 * s / c)[StepTimeModel.MIXER_FORWARD_COMPUTE];
              assertEquals(chain, longer, 1e-9 * chain, "the state does not grow with the sequence");
              double fewer =
                  layer(model, c / 2, s)[StepTimeModel.MIXER_FORWARD_COMPUTE]
                      - layer(model, 1, 2 * s / c)[StepTimeModel.MIXER_FORWARD_COMPUTE];
              assertTrue(chain > fewer, "more ranks, a longer chain");
            });
  }
}
