package dev.persistence.io.training;

import static dev.persistence.io.document.ValueCodecs.BOOLEAN;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.integer;

import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.hardware.ImmutableCluster;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ImmutableParallelismPlan.Builder;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineSchedule;
import dev.persistence.core.parallelism.RecomputedModule;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.ImmutableTrainingPrecision;
import dev.persistence.core.precision.OptimizerState;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.hardware.HardwareCodecs;
import dev.persistence.io.precision.PrecisionCodecs;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Codecs of clusters, parallelism plans and training precisions. Field names are the accessors' names; the ZeRO
 * stage is its number (0 to 3); a cluster names its accelerator from a catalog; a training precision is a preset's
 * name or a full object.
 *
 * <pre>{@code
 * cluster: {accelerator: H100-SXM5-80GB, acceleratorsPerNode: 8, nodeCount: 1024,
 *           scaleOutBandwidthBytesPerSecondPerAccelerator: 50.0e9, scaleOutLatencySeconds: 5.0e-6}
 * parallelism: {tensorParallel: 8, pipelineParallel: 8, dataParallel: 128, sequenceParallel: true,
 *               zeroStage: 1, recomputation: selective, microBatchSize: 1, globalBatchSize: 2048,
 *               sequenceLength: 8192}
 * precision: megatron-bf16-adam
 * }</pre>
 */
public final class TrainingCodecs {
  private TrainingCodecs() {}

  /** Parallelism plans; every degree defaults to 1. */
  public static final Codec<ParallelismPlan> PARALLELISM_PLAN =
      ObjectCodec.builder(ParallelismPlan.class, "parallelismPlan", ParallelismPlan::builder, ImmutableParallelismPlan.Builder::build)
          .description("a fixed parallelism plan; every degree defaults to 1")
          .optional("tensorParallel", integer(1))
          .optional("pipelineParallel", integer(1))
          .optional("virtualPipelineStages", integer(1))
          .optional("dataParallel", integer(1))
          .optional("contextParallel", integer(1))
          .optional("expertParallel", integer(1))
          .optional("sequenceParallel", BOOLEAN)
          .optional("zeroStage", ValueCodecs.mapped(integer(0, 3), ZeroStage::of, ZeroStage::stage))
          .optional("recomputation", enumeration(ActivationRecomputation.class))
          .required("microBatchSize", integer(1))
          .required("globalBatchSize", integer(1))
          .required("sequenceLength", integer(1))
          .optional("optimizerOffload", BOOLEAN)
          .optional("activationOffload", BOOLEAN)
          .optional("fusedAttention", BOOLEAN)
          .describedAs(
              "Whether the attention core is one fused kernel that never stores the s x s scores (Dao et al. 2022).")
          // The 2025-recipe fields are written only when they differ from their defaults, so that plans written
          // before they existed read and write as before.
          .optional("expertTensorParallel", integer(1))
          .writtenWhen(plan -> plan.expertTensorParallel() != plan.tensorParallel())
          .describedAs("tensor parallelism inside each expert; default tensorParallel")
          .optional("pipelineSchedule", enumeration(PipelineSchedule.class))
          .writtenWhen(plan -> plan.pipelineSchedule() != PipelineSchedule.ONE_F_ONE_B)
          .optional("recomputedModules", ValueCodecs.enumSet(RecomputedModule.class))
          .writtenWhen(plan -> !plan.recomputedModules().isEmpty())
          .optional("fullyRecomputedLayersPerChunk", integer(0))
          .optional("layersPerChunk", ValueCodecs.list(integer(0)))
          .writtenWhen(plan -> !plan.layersPerChunk().isEmpty())
          .build();

  private static final Codec<OptimizerState> OPTIMIZER_STATE =
      ObjectCodec.components(
              OptimizerState.class,
              "optimizerState",
              (ObjectCodec.Values v) -> new OptimizerState(v.get("name"), v.<Double>get("bytesPerParameter")))
          .required("name", NAME)
          .required("bytesPerParameter", NUMBER)
          .build();

  private static final Codec<TrainingPrecision> TRAINING_PRECISION_OBJECT =
      ObjectCodec.builder(
              TrainingPrecision.class,
              "trainingPrecisionObject", TrainingPrecision::builder, ImmutableTrainingPrecision.Builder::build)
          .required("name", NAME)
          .required("computeFormat", PrecisionCodecs.NUMERIC_FORMAT)
          .required("weightBytes", NUMBER)
          .required("gradientBytes", NUMBER)
          .required("masterWeightBytes", NUMBER)
          .optional("linearInputActivationBytes", NUMBER)
          .describedAs("bytes per element of stored linear-layer inputs; default 2 (bf16), 1 for FP8 caching")
          .required("optimizerStates", ValueCodecs.list(OPTIMIZER_STATE))
          .required("source", NAME)
          .build();

  /** Training precisions: a preset's name ({@code bf16-adam}) or a full object. */
  public static final Codec<TrainingPrecision> TRAINING_PRECISION =
      ValueCodecs.namedOrObject(
          "trainingPrecision",
          () -> TrainingPrecision.presets().stream().map(TrainingPrecision::name).collect(Collectors.toList()),
          "a preset's name",
          TrainingPrecision::preset,
          precision -> TrainingPrecision.presets().contains(precision) ? Optional.of(precision.name()) : Optional.empty(),
          TRAINING_PRECISION_OBJECT);

  /**
   * Clusters whose accelerator is named in {@code catalog} (an unknown name is an error listing the close names) or
   * written out in full in the catalog's entry format.
   *
   * @param catalog where accelerator names are looked up
   */
  public static Codec<Cluster> cluster(AcceleratorCatalog catalog) {
    return ObjectCodec.builder(Cluster.class, "cluster", Cluster::builder, ImmutableCluster.Builder::build)
        .required("accelerator", HardwareCodecs.namedOrInline(catalog))
        .required("acceleratorsPerNode", integer(1))
        .required("nodeCount", integer(1))
        .optional("scaleUpDomainSize", integer(1))
        .required("scaleOutBandwidthBytesPerSecondPerAccelerator", POSITIVE_NUMBER)
        .required("scaleOutLatencySeconds", NON_NEGATIVE_NUMBER)
        .optional("powerUsageEffectiveness", NUMBER)
        .optional("nodeOverheadPowerWatts", NON_NEGATIVE_NUMBER)
        .build();
  }
}
