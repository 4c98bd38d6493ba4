package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.CalibrationParameter;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * An activation run as eager kernels ({@link ActivationKernel#UNFUSED_SQUARED_RELU}) costs exactly its extra bytes
 * at the memory bandwidth, forward and backward, and nothing else; it never makes a layer faster.
 */
class ActivationKernelProperties {

  private static final Calibration CALIBRATION = Calibration.bundled("production-2025");

  private static Architecture plain(int hidden, int intermediate) {
    return Architecture.builder()
        .vocabSize(256000)
        .hiddenSize(hidden)
        .numLayers(32)
        .contextLength(1 << 20)
        .attention(
            GroupedQueryAttention.builder().numAttentionHeads(hidden / 128).numKeyValueHeads(8).headDim(128).build())
        .feedForward(DenseFeedForward.of(intermediate, false))
        .normKind(NormKind.LAYER_NORM)
        .tiedEmbeddings(false)
        .build();
  }

  private static StepTimeModel model(Architecture architecture, ActivationKernel kernel) {
    Cluster cluster = Selene.cluster(64);
    return StepTimeModel.of(architecture, cluster, TrainingPrecision.MIXED_BF16_ADAM, CALIBRATION,
            AttentionKernel.FUSED, FlopConvention.EXACT)
        .withActivationKernel(kernel);
  }

  private static double[] layer(StepTimeModel model, int t, int b, int s) {
    double[] out = new double[StepTimeModel.LAYER_COSTS_SIZE];
    model.layerCosts(t, 1, 1, b, s, t > 1, out);
    return out;
  }

  @Test
  void theEagerSquaredReluCostsItsExtraBytesAtTheMemoryBandwidth() {
    Property.forAll(Gen.elements(2048, 4096, 6144), Gen.elements(1, 2, 4, 8), Gen.elements(1024, 4096, 8192))
        .verify(
            (hidden, t, s) -> {
              Architecture architecture = plain(hidden, 4 * hidden);
              StepTimeModel fused = model(architecture, ActivationKernel.FUSED);
              StepTimeModel eager = model(architecture, ActivationKernel.UNFUSED_SQUARED_RELU);
              double[] a = layer(fused, t, 2, s);
              double[] e = layer(eager, t, 2, s);
              double bandwidth =
                  Selene.cluster(64).accelerator().memoryBandwidthBytesPerSecond()
                      * CALIBRATION.value(CalibrationParameter.MEMORY_BANDWIDTH_EFFICIENCY);
              double elements = 2.0 * s * 4 * hidden / t;
              double ratio = CALIBRATION.value(CalibrationParameter.BACKWARD_MEMORY_TRAFFIC_RATIO);
              // Forward: relu and pow, 8 bytes per element against the fused kernel's 4.
              double forward = e[StepTimeModel.FORWARD_COMPUTE] - a[StepTimeModel.FORWARD_COMPUTE];
              assertEquals(4 * elements / bandwidth, forward, 1e-9 * a[StepTimeModel.FORWARD_COMPUTE]);
              // Backward: 20 bytes per element against the fused kernel's ratio x 4.
              double backward = e[StepTimeModel.BACKWARD_COMPUTE] - a[StepTimeModel.BACKWARD_COMPUTE];
              assertEquals((20 - 4 * ratio) * elements / bandwidth, backward,
                  1e-9 * a[StepTimeModel.BACKWARD_COMPUTE]);
              assertEquals(8 * elements / bandwidth, e[StepTimeModel.ACTIVATION_FUNCTION_SECONDS],
                  1e-12 * forward + 1e-15);
              // Nothing else moves.
              assertEquals(a[StepTimeModel.HEAD_COMPUTE], e[StepTimeModel.HEAD_COMPUTE]);
              assertEquals(a[StepTimeModel.ATTENTION_CORE], e[StepTimeModel.ATTENTION_CORE]);
              assertEquals(a[StepTimeModel.FORWARD_TENSOR], e[StepTimeModel.FORWARD_TENSOR]);
              assertTrue(forward > 0 && backward > 0);
            });
  }

  @Test
  void aGatedBlockTakesOnlyTheFusedKernel() {
    Architecture gated =
        Architecture.builder()
            .from(plain(4096, 14336))
            .feedForward(DenseFeedForward.of(14336, true))
            .normKind(NormKind.RMS_NORM)
            .build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> model(gated, ActivationKernel.UNFUSED_SQUARED_RELU));
    assertEquals(
        "activationKernel (UNFUSED_SQUARED_RELU) must be FUSED unless the model has a plain (ungated) dense"
            + " feed-forward block",
        e.getMessage());
    assertEquals(ActivationKernel.FUSED, model(gated, ActivationKernel.FUSED).activationKernel());
  }
}
