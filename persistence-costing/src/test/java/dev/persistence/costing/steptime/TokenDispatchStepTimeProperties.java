package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.PublishedModels;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * DeepEP's dispatch ({@code TokenDispatcher.DEEP_EP}) sends a token once per node and once per rank holding one of
 * its experts, never more than the all-to-all's one copy per expert; consecutive routing ({@code CONTIGUOUS})
 * never reaches more ranks than uniform routing; and a dispatch the compute waits for is never cheaper than one
 * it overlaps.
 */
class TokenDispatchStepTimeProperties {

  private static final double SCALE_UP = 450e9 * 0.77;
  private static final double SCALE_OUT = 50e9;
  private static final double LATENCY = 5e-6;

  @Test
  void deepEpNeverMovesMoreThanTheAllToAll() {
    Property.forAll(
            Gen.elements(8, 16, 32, 64, 128, 256, 384),
            Gen.elements(1, 2, 4, 6, 8),
            Gen.powersOfTwo(2, 128))
        .verify(
            (experts, k, ranks) -> {
              if (experts % ranks != 0) {
                return;
              }
              int nodes = Math.max(1, ranks / 8);
              double tokens = 4096;
              double row = 2 * 7168;
              for (boolean contiguous : new boolean[] {false, true}) {
              double deepEp =
                  StepTimeModel.deepEpSeconds(
                      tokens, row, experts, k, ranks, nodes, contiguous, SCALE_UP, SCALE_OUT, LATENCY);
              double allToAll =
                  Collectives.allToAll(tokens * k * row, ranks, nodes > 1 ? SCALE_OUT : SCALE_UP, LATENCY);
              assertTrue(deepEp <= allToAll * (1 + 1e-12), deepEp + " > " + allToAll);
              }
              double uniform =
                  StepTimeModel.deepEpSeconds(
                      tokens, row, experts, k, ranks, nodes, false, SCALE_UP, SCALE_OUT, LATENCY);
              double consecutive =
                  StepTimeModel.deepEpSeconds(
                      tokens, row, experts, k, ranks, nodes, true, SCALE_UP, SCALE_OUT, LATENCY);
              assertTrue(consecutive <= uniform * (1 + 1e-12), consecutive + " > " + uniform);
            });
  }

  /**
   * NeMo AutoModel's DeepSeek-V3 benchmark (Automodel@01926a5 examples/benchmark/configs/deepseek_v3_te_deepep.yaml:
   * ep_size 64, fake_balanced_gate true; 256 experts, 8 per token, DeepSeek-V3 config.json): FakeBalancedGate
   * gives token t experts 8t .. 8t + 7, which with 4 experts per rank lie on ranks 2t and 2t + 1 (mod 64), one
   * node of eight. The token crosses the network once (to one of the 7 other nodes 7 times in 8) and NVLink to 2
   * ranks (less the landing GPUs: 2 x 56/64); under uniform routing 8 (1 - prod_{i<8} (224 - i)/(256 - i)) = 5.3
   * nodes hold its experts.
   */
  @Test
  void autoModelDeepSeekV3TokenReachesTwoRanksOfOneNode() {
    double tokens = 4096;
    double row = 2 * 7168;
    double contiguous =
        StepTimeModel.deepEpSeconds(tokens, row, 256, 8, 64, 8, true, SCALE_UP, SCALE_OUT, LATENCY);
    double expected =
        Math.max(tokens * row * 2 * 56 / 64 / SCALE_UP, tokens * row * 7.0 / 8 / SCALE_OUT) + 63 * LATENCY;
    assertEquals(expected, contiguous, 1e-12 * expected);
    double miss = 1;
    for (int i = 0; i < 8; i++) {
      miss *= (224.0 - i) / (256 - i);
    }
    assertEquals(5.3, 8 * (1 - miss), 0.05);
    double uniform = StepTimeModel.deepEpSeconds(tokens, row, 256, 8, 64, 8, false, SCALE_UP, SCALE_OUT, LATENCY);
    assertEquals(tokens * row * 8 * (1 - miss) * 7 / 8 / SCALE_OUT + 63 * LATENCY, uniform, 1e-9 * uniform);
  }

  @Test
  void aDispatchTheComputeWaitsForIsNeverCheaper() {
    Property.forAll(
            Gen.elements(PublishedModels.deepSeekV3(), PublishedModels.kimiK2()),
            Gen.elements(8, 16, 32, 64),
            Gen.integers(0, 3))
        .verify(
            (architecture, e, flags) -> {
              boolean deepEp = (flags & 1) != 0;
              boolean contiguous = (flags & 2) != 0;
              StepTimeModel model = model(architecture, 256);
              double[] overlapped = new double[StepTimeModel.LAYER_COSTS_SIZE];
              double[] waited = new double[StepTimeModel.LAYER_COSTS_SIZE];
              model.layerCosts(1, 1, e, 1, 4096, false, deepEp, contiguous, true, false, overlapped);
              model.layerCosts(1, 1, e, 1, 4096, false, deepEp, contiguous, false, false, waited);
              assertTrue(waited[StepTimeModel.FORWARD_EXPERT] >= overlapped[StepTimeModel.FORWARD_EXPERT]);
              assertTrue(waited[StepTimeModel.BACKWARD_EXPERT] >= overlapped[StepTimeModel.BACKWARD_EXPERT]);
              // Only the dispatch changes: the compute is the same.
              assertEquals(overlapped[StepTimeModel.FORWARD_COMPUTE], waited[StepTimeModel.FORWARD_COMPUTE], 0);
            });
  }

  private static StepTimeModel model(Architecture architecture, int gpus) {
    Cluster cluster = Selene.cluster(gpus);
    return StepTimeModel.of(
        architecture, cluster, TrainingPrecision.MIXED_BF16_ADAM, Calibration.bundled("production-2025"),
        AttentionKernel.FUSED, FlopConvention.EXACT);
  }
}
