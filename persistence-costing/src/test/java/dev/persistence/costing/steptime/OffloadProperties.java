package dev.persistence.costing.steptime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.memory.TrainingMemoryBreakdown;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.Offload;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * Offload (ZeRO-Offload and ZeRO-Infinity) over generated plans: it only ever moves state off the accelerator, and
 * it only ever adds time (host transfers and the CPU optimizer step).
 */
class OffloadProperties {

  private static final Gen<Architecture> MODELS =
      Gen.elements(
          Architecture.megatronGpt(24, 2048, 16, 51200, 2048),
          Architecture.megatronGpt(32, 2560, 32, 51200, 2048),
          Architecture.megatronGpt(2, 2048, 16, 51200, 2048));

  /** tensor, pipeline, data, micro-batch, ZeRO stage. */
  private static final Gen<int[]> SHAPES =
      Gen.zip(
          Gen.zip(Gen.elements(1, 2, 4), Gen.elements(1, 2), Gen.elements(1, 2, 8, 32), (t, p, d) -> new int[] {t, p, d}),
          Gen.elements(1, 2, 4),
          Gen.integers(0, 3),
          (degrees, micro, zero) -> new int[] {degrees[0], degrees[1], degrees[2], micro, zero});

  private static final Gen<ShardedGathers> GATHERS =
      Gen.elements(ShardedGathers.FSDP_UNITS, ShardedGathers.DEEPSPEED_DEFAULTS, ShardedGathers.OPEN_INSTRUCT_RL);

  private static ParallelismPlan plan(int[] shape, ActivationRecomputation recomputation, Offload offload) {
    return ParallelismPlan.builder()
        .tensorParallel(shape[0])
        .pipelineParallel(shape[1])
        .dataParallel(shape[2])
        .microBatchSize(shape[3])
        .globalBatchSize(shape[3] * shape[2] * 4)
        .sequenceLength(2048)
        .recomputation(recomputation)
        .zeroStage(ZeroStage.of(shape[4]))
        .optimizerOffload(offload.optimizer())
        .parameterOffload(offload.parameters())
        .build();
  }

  private static StepTimeModel model(Architecture architecture, int[] shape, ShardedGathers gathers) {
    return StepTimeModel.of(
        architecture,
        Selene.cluster(Math.max(8, shape[0] * shape[1] * shape[2])),
        TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS,
        Calibration.bundled("a100-sxm-80gb"),
        AttentionKernel.FUSED,
        FlopConvention.EXACT,
        gathers);
  }

  /** Each offload the ZeRO stage allows: parameters only under ZeRO-3. */
  private static Offload[] offloads(int zeroStage) {
    return zeroStage == 3
        ? new Offload[] {Offload.OPTIMIZER, Offload.OPTIMIZER_AND_PARAMETERS}
        : new Offload[] {Offload.OPTIMIZER};
  }

  @Test
  void offloadingNeverIncreasesAcceleratorMemory() {
    Property.forAll(MODELS, SHAPES, Gen.enumValues(ActivationRecomputation.class))
        .verify(
            (architecture, shape, recomputation) -> {
              StepTimeModel model = model(architecture, shape, ShardedGathers.FSDP_UNITS);
              TrainingMemoryBreakdown none = model.estimate(plan(shape, recomputation, Offload.NONE)).memory();
              TrainingMemoryBreakdown previous = none;
              for (Offload offload : offloads(shape[4])) {
                TrainingMemoryBreakdown offloaded = model.estimate(plan(shape, recomputation, offload)).memory();
                assertTrue(
                    offloaded.totalBytes() <= previous.totalBytes(),
                    offload + " " + offloaded.totalBytes() + " > " + previous.totalBytes());
                assertTrue(offloaded.weightsBytes() <= none.weightsBytes(), offload + " weights");
                assertTrue(offloaded.optimizerStatesBytes() == 0 && offloaded.masterWeightsBytes() == 0, offload + " optimizer");
                previous = offloaded;
              }
            });
  }

  @Test
  void offloadingNeverMakesAStepThatFitsFaster() {
    Property.forAll(MODELS, SHAPES, GATHERS)
        .verify(
            (architecture, shape, gathers) -> {
              StepTimeModel model = model(architecture, shape, gathers);
              StepTimeEstimate none = model.estimate(plan(shape, ActivationRecomputation.FULL, Offload.NONE));
              if (!none.fits()) {
                return;
              }
              for (Offload offload : offloads(shape[4])) {
                StepTimeEstimate offloaded = model.estimate(plan(shape, ActivationRecomputation.FULL, offload));
                assertTrue(
                    offloaded.stepSeconds() >= none.stepSeconds(),
                    offload + " " + offloaded.stepSeconds() + " s < " + none.stepSeconds() + " s");
              }
            });
  }
}
