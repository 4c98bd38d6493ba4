package dev.persistence.io.posttraining;

import static dev.persistence.io.document.ValueCodecs.BOOLEAN;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.integer;
import static dev.persistence.io.document.ValueCodecs.list;
import static dev.persistence.io.document.ValueCodecs.longInteger;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.Offload;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.costing.posttraining.BenchmarkSuite;
import dev.persistence.costing.posttraining.Distillation;
import dev.persistence.costing.posttraining.DistillationMode;
import dev.persistence.costing.posttraining.EvaluationRun;
import dev.persistence.costing.posttraining.GenerationEngine;
import dev.persistence.costing.posttraining.ImmutableDistillation;
import dev.persistence.costing.posttraining.ImmutableEvaluationRun;
import dev.persistence.costing.posttraining.ImmutablePlannedStage;
import dev.persistence.costing.posttraining.ImmutablePreferenceTuning;
import dev.persistence.costing.posttraining.ImmutableReinforcementLearning;
import dev.persistence.costing.posttraining.ImmutableSupervisedFineTuning;
import dev.persistence.costing.posttraining.ImmutableTrainingLayout;
import dev.persistence.costing.posttraining.Packing;
import dev.persistence.costing.posttraining.PlannedStage;
import dev.persistence.costing.posttraining.PostTrainingCalibration;
import dev.persistence.costing.posttraining.PostTrainingStage;
import dev.persistence.costing.posttraining.PreferenceLoss;
import dev.persistence.costing.posttraining.PreferenceTuning;
import dev.persistence.costing.posttraining.ReinforcementLearning;
import dev.persistence.costing.posttraining.RlAlgorithm;
import dev.persistence.costing.posttraining.RolloutPlacement;
import dev.persistence.costing.posttraining.StageKind;
import dev.persistence.costing.posttraining.SupervisedFineTuning;
import dev.persistence.costing.posttraining.TrainingLayout;
import dev.persistence.costing.steptime.ShardedGathers;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.TypedUnion;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.precision.PrecisionCodecs;
import dev.persistence.io.scenario.ScenarioFiles;
import java.nio.file.Path;

/**
 * Codecs of the post-training types, declared as field tables ({@link ObjectCodec}). A stage is an object whose
 * {@code kind} ({@code sft}, {@code preference}, {@code rl}, {@code distillation}, {@code evaluation}) selects its
 * table, whose fields are the builders' names; enums are kebab-case ({@code length-normalized-dpo},
 * {@code disaggregated}); an auxiliary model (reward, value, teacher) takes any form a scenario's {@code model}
 * takes ({@code file: PATH}, {@code megatronGpt}, an architecture object, a HuggingFace config), files resolved
 * against the document's folder ({@link ScenarioFiles#models(Path)}). The stages are a {@link TypedUnion} on
 * {@code kind}; the RL stage's rule (rollouts on their own accelerators say how many) is its table's.
 */
public final class PostTrainingCodecs {
  private PostTrainingCodecs() {}

  private static final ShardedGathers DEEPSPEED = ShardedGathers.DEEPSPEED_DEFAULTS;

  /**
   * {@link ShardedGathers}: {@code kind} ({@code fsdp-units} or {@code deepspeed-buckets}), and DeepSpeed's
   * {@code prefetchBucketParameters}, {@code reduceBucketParameters} and {@code reuseDistanceParameters} in
   * elements, each defaulting to DeepSpeed's own ({@link ShardedGathers#DEEPSPEED_DEFAULTS}).
   */
  public static final Codec<ShardedGathers> SHARDED_GATHERS =
      ObjectCodec.record(ShardedGathers.class, "shardedGathers")
          .description(
              "how a ZeRO-3 trainer issues its collectives: FSDP units, or DeepSpeed buckets with their settings")
          .required("kind", enumeration(ShardedGathers.Kind.class))
          .optional("prefetchBucketParameters", NON_NEGATIVE_NUMBER)
          .byDefault(DEEPSPEED.prefetchBucketParameters())
          .describedAs("DeepSpeed stage3_prefetch_bucket_size (elements); 0 turns prefetching off")
          .optional("reduceBucketParameters", POSITIVE_NUMBER)
          .byDefault(DEEPSPEED.reduceBucketParameters())
          .describedAs("DeepSpeed reduce_bucket_size (elements)")
          .optional("reuseDistanceParameters", NON_NEGATIVE_NUMBER)
          .byDefault(DEEPSPEED.reuseDistanceParameters())
          .describedAs("DeepSpeed stage3_max_reuse_distance (elements)")
          .build();

  /**
   * {@link TrainingLayout}: {@code tensorParallel}, {@code pipelineParallel}, {@code expertParallel},
   * {@code zeroStage} (0-3), {@code microBatchSize}, {@code recomputation}, {@code shardedGathers},
   * {@code offload}; each defaults to ZeRO-3's (FSDP units, nothing offloaded).
   */
  public static final Codec<TrainingLayout> TRAINING_LAYOUT =
      ObjectCodec.builder(TrainingLayout.class, "trainingLayout", TrainingLayout::builder, ImmutableTrainingLayout.Builder::build)
          .description("how training splits the stage's accelerators; ZeRO-3, micro-batch 1, full recomputation by default")
          .optional("tensorParallel", integer(1))
          .optional("pipelineParallel", integer(1))
          .optional("expertParallel", integer(1))
          .optional("zeroStage", ValueCodecs.mapped(integer(0, 3), ZeroStage::of, ZeroStage::stage))
          .optional("microBatchSize", integer(0))
          .describedAs("sequences per micro-batch; 0 for the fastest power of two that fits")
          .optional("recomputation", enumeration(ActivationRecomputation.class))
          .optional("shardedGathers", SHARDED_GATHERS)
          .optional("offload", enumeration(Offload.class))
          // Written only when something is offloaded, so that layouts written before the field existed read and
          // write as before.
          .writtenWhen(layout -> layout.offload() != Offload.NONE)
          .describedAs(
              "what lives in host memory: none, optimizer (ZeRO-Offload) or optimizer-and-parameters"
                  + " (ZeRO-Infinity, zeroStage 3 only); default none")
          .build();

  /** {@link PostTrainingCalibration}: its name and four factors, all required. */
  public static final Codec<PostTrainingCalibration> CALIBRATION =
      ObjectCodec.record(PostTrainingCalibration.class, "postTrainingCalibration")
          .description("the post-training calibration (PostTrainingCalibration); tulu3-405b-rlvr by default")
          .required("name", NAME)
          .required("trainingThroughputFactor", POSITIVE_NUMBER)
          .required("generationComputeEfficiency", ValueCodecs.POSITIVE_FRACTION)
          .required("generationBandwidthEfficiency", ValueCodecs.POSITIVE_FRACTION)
          .required("weightSyncEfficiency", ValueCodecs.POSITIVE_FRACTION)
          .build();

  /**
   * {@link BenchmarkSuite}: {@code name}, {@code items}, {@code promptTokens}, {@code outputTokens},
   * {@code samplesPerItem} (1 by default).
   */
  public static final Codec<BenchmarkSuite> SUITE =
      ObjectCodec.record(BenchmarkSuite.class, "benchmarkSuite")
          .required("name", NAME)
          .required("items", longInteger(1))
          .required("promptTokens", integer(1))
          .required("outputTokens", integer(1))
          .optional("samplesPerItem", integer(1))
          .byDefault(1)
          .build();

  private static ObjectCodec<SupervisedFineTuning, ImmutableSupervisedFineTuning.Builder> sft() {
    var table =
        ObjectCodec.builder(
                SupervisedFineTuning.class, "sftStage", SupervisedFineTuning::builder, ImmutableSupervisedFineTuning.Builder::build)
            .allow("kind")
            .required("examples", POSITIVE_NUMBER)
            .required("meanTokensPerExample", POSITIVE_NUMBER);
    return packedSequences(table).build();
  }

  /** The fields SFT and preference tuning share: epochs, sequence length, packing, its efficiency and the batch. */
  private static <T, B> ObjectCodec.Builder<T, B> packedSequences(ObjectCodec.Builder<T, B> table) {
    return table
        .optional("epochs", POSITIVE_NUMBER)
        .required("sequenceLength", integer(1))
        .optional("packing", enumeration(Packing.class))
        .optional("packingEfficiency", ValueCodecs.POSITIVE_FRACTION)
        .optional("globalBatchSize", integer(1));
  }

  private static ObjectCodec<PreferenceTuning, ImmutablePreferenceTuning.Builder> preference(Codec<Architecture> models) {
    var table =
        ObjectCodec.builder(
                PreferenceTuning.class, "preferenceStage", PreferenceTuning::builder, ImmutablePreferenceTuning.Builder::build)
            .allow("kind")
            .optional("loss", enumeration(PreferenceLoss.class))
            .required("pairs", POSITIVE_NUMBER)
            .required("promptTokens", POSITIVE_NUMBER)
            .required("chosenTokens", POSITIVE_NUMBER)
            .required("rejectedTokens", POSITIVE_NUMBER);
    return packedSequences(table)
        .optional("rewardModelEpochs", POSITIVE_NUMBER)
        .optional("rewardModel", models)
        .build();
  }

  private static ObjectCodec<ReinforcementLearning, ImmutableReinforcementLearning.Builder> rl(Codec<Architecture> models) {
    ObjectCodec<ReinforcementLearning, ImmutableReinforcementLearning.Builder> table =
        ObjectCodec.builder(
                ReinforcementLearning.class, "rlStage", ReinforcementLearning::builder, ImmutableReinforcementLearning.Builder::build)
            .allow("kind")
            .optional("algorithm", enumeration(RlAlgorithm.class))
            .required("steps", longInteger(1))
            .required("promptsPerStep", integer(1))
            .optional("samplesPerPrompt", integer(1))
            .required("promptTokens", integer(1))
            .required("meanResponseTokens", NON_NEGATIVE_NUMBER)
            .required("maxResponseTokens", integer(0))
            .optional("innerEpochs", integer(1))
            .optional("miniBatches", integer(1))
            .optional("referenceModel", BOOLEAN)
            .optional("verifierSecondsPerStep", NON_NEGATIVE_NUMBER)
            .optional("placement", enumeration(RolloutPlacement.class))
            .optional("sequencePacking", BOOLEAN)
            .optional("rewardModel", models)
            .optional("valueModel", models)
            .optional("generationAccelerators", longInteger(1))
            // Rollouts on their own accelerators say how many.
            .rules(fragment -> {
              var unless = fragment.putArray("anyOf");
              unless.addObject().putObject("not").putArray("required").add("placement");
              unless.addObject().putObject("properties").putObject("placement").putArray("enum").add("colocated");
              unless.addObject().putArray("required").add("generationAccelerators");
              fragment.put("description", "generationAccelerators is required unless the placement is colocated");
            })
            .build();
    return table;
  }

  private static ObjectCodec<Distillation, ImmutableDistillation.Builder> distillation(Codec<Architecture> models) {
    return ObjectCodec.builder(
            Distillation.class, "distillationStage", Distillation::builder, ImmutableDistillation.Builder::build)
        .allow("kind")
        .required("teacher", models)
        .optional("mode", enumeration(DistillationMode.class))
        .required("prompts", longInteger(1))
        .optional("samplesPerPrompt", integer(1))
        .required("promptTokens", integer(1))
        .required("meanResponseTokens", POSITIVE_NUMBER)
        .required("maxResponseTokens", integer(1))
        .optional("epochs", POSITIVE_NUMBER)
        .optional("packingEfficiency", ValueCodecs.POSITIVE_FRACTION)
        .optional("teacherTensorParallel", integer(1))
        .optional("promptsPerStep", integer(1))
        .build();
  }

  private static final ObjectCodec<EvaluationRun, ImmutableEvaluationRun.Builder> EVALUATION =
      ObjectCodec.builder(
              EvaluationRun.class, "evaluationStage", EvaluationRun::builder, ImmutableEvaluationRun.Builder::build)
          .allow("kind")
          .optional("suites", list(SUITE), EvaluationRun::suites, ImmutableEvaluationRun.Builder::addAllSuites)
          .optional("checkpoints", integer(1))
          .optional("redTeamingPeopleHours", NON_NEGATIVE_NUMBER)
          .optional("humanEvaluationPeopleHours", NON_NEGATIVE_NUMBER)
          .optional("usdPerPeopleHour", NON_NEGATIVE_NUMBER)
          .build();

  /**
   * A stage, its {@code kind} selecting its table.
   *
   * @param folder where {@code file:} models are resolved
   */
  public static Codec<PostTrainingStage> stage(Path folder) {
    Codec<Architecture> models = ScenarioFiles.models(folder);
    return TypedUnion.<PostTrainingStage>builder("postTrainingStage", "post-training stage")
        .discriminator("kind")
        .kind(name(StageKind.SFT), SupervisedFineTuning.class, sft())
        .kind(name(StageKind.PREFERENCE), PreferenceTuning.class, preference(models))
        .kind(name(StageKind.RL), ReinforcementLearning.class, rl(models))
        .kind(name(StageKind.DISTILLATION), Distillation.class, distillation(models))
        .kind(name(StageKind.EVALUATION), EvaluationRun.class, EVALUATION)
        .build();
  }

  private static String name(StageKind kind) {
    return EnumNames.kebabCase(kind);
  }

  /**
   * A phase's {@code postTraining} section: {@code accelerators}, the optional resource fields
   * ({@code trainingLayout}, {@code generationTensorParallel}, {@code generationWeightFormat},
   * {@code generationEngine}, {@code generationBatchLimit}, {@code calibration}) and {@code stage}.
   *
   * @param folder where {@code file:} models are resolved
   * @param defaultAccelerators the accelerators when the section does not say (0: required)
   */
  public static Codec<PlannedStage> plannedStage(Path folder, long defaultAccelerators) {
    ObjectCodec.Builder<PlannedStage, ImmutablePlannedStage.Builder> table =
        ObjectCodec.builder(
                PlannedStage.class,
                "plannedStage",
                () -> defaultAccelerators > 0 ? PlannedStage.builder().accelerators(defaultAccelerators) : PlannedStage.builder(),
                ImmutablePlannedStage.Builder::build)
            .description(
                "a post-training stage costed from its settings on the scenario's hardware (PostTrainingEstimator);"
                    + " replaces computeCostUsd and computeFractionOfPretraining");
    if (defaultAccelerators > 0) {
      table.optional("accelerators", longInteger(1));
    } else {
      table.required("accelerators", longInteger(1));
    }
    return table
        .describedAs("accelerators the stage holds (of the scenario's cluster; a stage file defaults to the whole cluster)")
        .optional("trainingLayout", TRAINING_LAYOUT)
        .optional("generationTensorParallel", integer(1))
        .describedAs("accelerators per generation replica")
        .optional("generationWeightFormat", PrecisionCodecs.WEIGHT_FORMAT)
        .optional("generationEngine", enumeration(GenerationEngine.class))
        .optional("generationBatchLimit", integer(1))
        .describedAs("most sequences a replica decodes at once (vLLM max_num_seqs, 256 by default)")
        .optional("calibration", CALIBRATION)
        .required("stage", stage(folder))
        .build();
  }
}
