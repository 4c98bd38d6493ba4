package dev.persistence.io.parallelism;

import dev.persistence.io.precision.PrecisionCodecs;
import dev.persistence.io.parallelism.ParallelismCodecs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import dev.persistence.testkit.parallelism.ParallelismGen;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import org.junit.jupiter.api.Test;

class ParallelismCodecsProperties {

  static final Gen<ParallelismPlan> PLANS =
      Gen.zip(
          Gen.zip(Gen.powersOfTwo(1, 16), Gen.powersOfTwo(1, 64), Gen.powersOfTwo(1, 1024), (t, p, d) -> new int[] {t, p, d}),
          Gen.zip(Gen.powersOfTwo(1, 8), Gen.integers(1, 4), Gen.enumValues(ZeroStage.class), (m, v, z) -> new Object[] {m, v, z}),
          ParallelismGen.activationRecomputations(),
          Gen.booleans(),
          (degrees, other, recomputation, sequenceParallel) ->
              ParallelismPlan.builder()
                  .tensorParallel(degrees[0])
                  .pipelineParallel(degrees[1])
                  .virtualPipelineStages(degrees[1] > 1 ? (Integer) other[1] : 1)
                  .dataParallel(degrees[2])
                  .zeroStage((ZeroStage) other[2])
                  .recomputation(recomputation)
                  .sequenceParallel(sequenceParallel)
                  .microBatchSize((Integer) other[0])
                  .globalBatchSize((Integer) other[0] * degrees[2] * 4)
                  .sequenceLength(4096)
                  .build());

  static <T> void roundTrip(Codec<T> codec, T value, DocumentFormat format) {
    JsonNode written = codec.write(value);
    T back = codec.read(DocumentNode.root(Documents.parse(Documents.print(written, format), format, "d"), "d"));
    assertEquals(value, back);
    assertEquals(written, codec.write(back));
  }

  @Test
  void plansRoundTrip() {
    Property.forAll(PLANS, Gen.enumValues(DocumentFormat.class))
        .verify((plan, format) -> roundTrip(ParallelismCodecs.PARALLELISM_PLAN, plan, format));
  }

  @Test
  void tensorParallelCommunicationIsWrittenOnlyWhenNotTheDefault() {
    // TorchTitan's 2025 async-TP benchmark runs its Llama 3 8B FSDP 8 x TP 8 plan with and without async TP
    // (reference/training-runs-modern.json tt2506-h100-llama3-8b-fsdp8-tp8-bf16, async_tp false).
    Property.forAll(PLANS, Gen.enumValues(DocumentFormat.class))
        .verify(
            (plan, format) -> {
              ParallelismPlan exposed =
                  ImmutableParallelismPlan.copyOf(plan)
                      .withTensorParallelCommunication(TensorParallelCommunication.FORWARD_EXPOSED);
              roundTrip(ParallelismCodecs.PARALLELISM_PLAN, exposed, format);
              assertEquals(
                  "forward-exposed",
                  ParallelismCodecs.PARALLELISM_PLAN.write(exposed).get("tensorParallelCommunication").asText());
              assertEquals(null, ParallelismCodecs.PARALLELISM_PLAN.write(plan).get("tensorParallelCommunication"));
            });
  }

  @Test
  void precisionsRoundTrip() {
    Gen<TrainingPrecision> precisions =
        Gen.elements(TrainingPrecision.presets().toArray(new TrainingPrecision[0]))
            .flatMap(
                preset ->
                    Gen.doubles(0.5, 4)
                        .map(weights -> TrainingPrecision.builder().from(preset).name("custom").weightBytes(weights).build()));
    Property.forAll(Gen.oneOf(precisions, Gen.elements(TrainingPrecision.presets().toArray(new TrainingPrecision[0]))), Gen.enumValues(DocumentFormat.class))
        .verify((precision, format) -> roundTrip(PrecisionCodecs.TRAINING_PRECISION, precision, format));
  }

  @Test
  void plansOfThe2025RecipeRoundTrip() {
    // DeepSeek-V3's recipe (arXiv:2412.19437 sections 3.2-3.3): DualPipe on 16 stages, EP 64 without TP,
    // recomputation of the norms and MLA up-projections; and Llama 3 405B's uneven 16-stage split.
    ParallelismPlan dualPipe =
        ParallelismPlan.builder()
            .pipelineParallel(16)
            .dataParallel(128)
            .expertParallel(64)
            .expertTensorParallel(1)
            .pipelineSchedule(dev.persistence.core.parallelism.PipelineSchedule.DUAL_PIPE)
            .recomputation(dev.persistence.core.parallelism.ActivationRecomputation.SELECTIVE)
            .addRecomputedModules(
                dev.persistence.core.parallelism.RecomputedModule.NORMS,
                dev.persistence.core.parallelism.RecomputedModule.MLA_UP_PROJECTION)
            .microBatchSize(1)
            .globalBatchSize(15360)
            .sequenceLength(4096)
            .build();
    java.util.List<Integer> split = new java.util.ArrayList<>(java.util.Collections.nCopies(16, 8));
    split.set(0, 7);
    split.set(15, 7);
    ParallelismPlan uneven =
        ParallelismPlan.builder()
            .tensorParallel(8)
            .pipelineParallel(16)
            .dataParallel(64)
            .recomputation(dev.persistence.core.parallelism.ActivationRecomputation.FULL)
            .fullyRecomputedLayersPerChunk(2)
            .layersPerChunk(split)
            .microBatchSize(1)
            .globalBatchSize(2048)
            .sequenceLength(8192)
            .build();
    // NeMo AutoModel's DeepSeek-V3 benchmark (Automodel@01926a5 examples/benchmark/configs/deepseek_v3_te_deepep.yaml):
    // PP 4, EP 64 over FSDP 64, DeepEP with its FakeBalancedGate and no dispatch overlap.
    ParallelismPlan autoModel =
        ParallelismPlan.builder()
            .pipelineParallel(4)
            .virtualPipelineStages(8)
            .dataParallel(64)
            .expertParallel(64)
            .expertTensorParallel(1)
            .zeroStage(ZeroStage.PARAMETERS)
            .tokenDispatcher(dev.persistence.core.parallelism.TokenDispatcher.DEEP_EP)
            .expertRouting(dev.persistence.core.parallelism.ExpertRouting.CONTIGUOUS)
            .expertCommunicationOverlap(false)
            .microBatchSize(1)
            .globalBatchSize(512)
            .sequenceLength(4096)
            .build();
    for (DocumentFormat format : DocumentFormat.values()) {
      roundTrip(ParallelismCodecs.PARALLELISM_PLAN, dualPipe, format);
      roundTrip(ParallelismCodecs.PARALLELISM_PLAN, uneven, format);
      roundTrip(ParallelismCodecs.PARALLELISM_PLAN, autoModel, format);
    }
  }
}
