package dev.persistence.io.posttraining;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.costing.posttraining.BenchmarkSuite;
import dev.persistence.costing.posttraining.Distillation;
import dev.persistence.costing.posttraining.DistillationMode;
import dev.persistence.costing.posttraining.EvaluationRun;
import dev.persistence.costing.posttraining.GenerationEngine;
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
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.precision.PrecisionCodecs;
import dev.persistence.io.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Codecs of the post-training types. A stage is an object whose {@code kind} ({@code sft}, {@code preference},
 * {@code rl}, {@code distillation}, {@code evaluation}) selects its fields, which are the builders' names; enums
 * are kebab-case ({@code length-normalized-dpo}, {@code disaggregated}); an auxiliary model (reward, value,
 * teacher) takes any form a scenario's {@code model} takes ({@code file: PATH}, {@code megatronGpt}, an
 * architecture object, a HuggingFace config), files resolved against the document's folder.
 */
public final class PostTrainingCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PostTrainingCodecs() {}

  /** {@link TrainingLayout}: {@code tensorParallel}, {@code pipelineParallel}, {@code expertParallel}, {@code zeroStage} (0-3), {@code microBatchSize}, {@code recomputation}. */
  public static final Codec<TrainingLayout> TRAINING_LAYOUT =
      new Codec<>() {
        @Override
        public TrainingLayout read(DocumentNode node) {
          ObjectFields fields = node.fields();
          TrainingLayout d = TrainingLayout.ZERO3;
          int tp = fields.optionalInt("tensorParallel").orElse(d.tensorParallel());
          int pp = fields.optionalInt("pipelineParallel").orElse(d.pipelineParallel());
          int ep = fields.optionalInt("expertParallel").orElse(d.expertParallel());
          ZeroStage zero =
              fields
                  .optional("zeroStage")
                  .map(stage -> stage.build(() -> ZeroStage.of(stage.asInt())))
                  .orElse(d.zeroStage());
          int micro = fields.optionalInt("microBatchSize").orElse(d.microBatchSize());
          ActivationRecomputation recomputation =
              fields.optionalEnum("recomputation", ActivationRecomputation.class).orElse(d.recomputation());
          fields.finish();
          return node.build(() -> new TrainingLayout(tp, pp, ep, zero, micro, recomputation));
        }

        @Override
        public JsonNode write(TrainingLayout layout) {
          return NODES
              .objectNode()
              .put("tensorParallel", layout.tensorParallel())
              .put("pipelineParallel", layout.pipelineParallel())
              .put("expertParallel", layout.expertParallel())
              .put("zeroStage", layout.zeroStage().stage())
              .put("microBatchSize", layout.microBatchSize())
              .put("recomputation", EnumNames.kebabCase(layout.recomputation()));
        }
      };

  /** {@link PostTrainingCalibration}: its name and four factors, all required. */
  public static final Codec<PostTrainingCalibration> CALIBRATION =
      new Codec<>() {
        @Override
        public PostTrainingCalibration read(DocumentNode node) {
          ObjectFields fields = node.fields();
          String name = fields.requiredText("name");
          double training = fields.requiredDouble("trainingThroughputFactor");
          double compute = fields.requiredDouble("generationComputeEfficiency");
          double bandwidth = fields.requiredDouble("generationBandwidthEfficiency");
          double sync = fields.requiredDouble("weightSyncEfficiency");
          fields.finish();
          return node.build(() -> new PostTrainingCalibration(name, training, compute, bandwidth, sync));
        }

        @Override
        public JsonNode write(PostTrainingCalibration calibration) {
          return NODES
              .objectNode()
              .put("name", calibration.name())
              .put("trainingThroughputFactor", calibration.trainingThroughputFactor())
              .put("generationComputeEfficiency", calibration.generationComputeEfficiency())
              .put("generationBandwidthEfficiency", calibration.generationBandwidthEfficiency())
              .put("weightSyncEfficiency", calibration.weightSyncEfficiency());
        }
      };

  /** {@link BenchmarkSuite}: {@code name}, {@code items}, {@code promptTokens}, {@code outputTokens}, {@code samplesPerItem} (1 by default). */
  public static final Codec<BenchmarkSuite> SUITE =
      new Codec<>() {
        @Override
        public BenchmarkSuite read(DocumentNode node) {
          ObjectFields fields = node.fields();
          String name = fields.requiredText("name");
          long items = fields.requiredLong("items");
          int prompt = fields.requiredInt("promptTokens");
          int output = fields.requiredInt("outputTokens");
          int samples = fields.optionalInt("samplesPerItem").orElse(1);
          fields.finish();
          return node.build(() -> new BenchmarkSuite(name, items, prompt, output, samples));
        }

        @Override
        public JsonNode write(BenchmarkSuite suite) {
          return NODES
              .objectNode()
              .put("name", suite.name())
              .put("items", suite.items())
              .put("promptTokens", suite.promptTokens())
              .put("outputTokens", suite.outputTokens())
              .put("samplesPerItem", suite.samplesPerItem());
        }
      };

  /**
   * A stage, its kind selecting its fields.
   *
   * @param folder where {@code file:} models are resolved
   */
  public static Codec<PostTrainingStage> stage(Path folder) {
    return new Codec<>() {
      @Override
      public PostTrainingStage read(DocumentNode node) {
        ObjectFields fields = node.fields();
        StageKind kind = fields.requiredEnum("kind", StageKind.class);
        PostTrainingStage stage;
        switch (kind) {
          case SFT:
            stage = readSft(node, fields);
            break;
          case PREFERENCE:
            stage = readPreference(node, fields, folder);
            break;
          case RL:
            stage = readRl(node, fields, folder);
            break;
          case DISTILLATION:
            stage = readDistillation(node, fields, folder);
            break;
          case EVALUATION:
            stage = readEvaluation(node, fields);
            break;
          default:
            throw new AssertionError(kind);
        }
        fields.finish();
        return stage;
      }

      @Override
      public JsonNode write(PostTrainingStage stage) {
        return writeStage(stage);
      }
    };
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
    return new Codec<>() {
      @Override
      public PlannedStage read(DocumentNode node) {
        ObjectFields fields = node.fields();
        var builder = PlannedStage.builder();
        if (defaultAccelerators > 0 && !fields.has("accelerators")) {
          builder.accelerators(defaultAccelerators);
        } else {
          builder.accelerators(fields.requiredLong("accelerators"));
        }
        fields.optional("trainingLayout", TRAINING_LAYOUT).ifPresent(builder::trainingLayout);
        fields.optionalInt("generationTensorParallel").ifPresent(builder::generationTensorParallel);
        fields.optional("generationWeightFormat", PrecisionCodecs.WEIGHT_FORMAT).ifPresent(builder::generationWeightFormat);
        fields.optionalEnum("generationEngine", GenerationEngine.class).ifPresent(builder::generationEngine);
        fields.optionalInt("generationBatchLimit").ifPresent(builder::generationBatchLimit);
        fields.optional("calibration", CALIBRATION).ifPresent(builder::calibration);
        builder.stage(fields.required("stage", stage(folder)));
        fields.finish();
        return node.build(builder::build);
      }

      @Override
      public JsonNode write(PlannedStage planned) {
        ObjectNode out = NODES.objectNode();
        out.put("accelerators", planned.accelerators());
        out.set("trainingLayout", TRAINING_LAYOUT.write(planned.trainingLayout()));
        out.put("generationTensorParallel", planned.generationTensorParallel());
        out.set("generationWeightFormat", PrecisionCodecs.WEIGHT_FORMAT.write(planned.generationWeightFormat()));
        out.put("generationEngine", EnumNames.kebabCase(planned.generationEngine()));
        out.put("generationBatchLimit", planned.generationBatchLimit());
        out.set("calibration", CALIBRATION.write(planned.calibration()));
        out.set("stage", writeStage(planned.stage()));
        return out;
      }
    };
  }

  private static Architecture model(DocumentNode node, Path folder) {
    return ScenarioFiles.model(node, folder);
  }

  private static SupervisedFineTuning readSft(DocumentNode node, ObjectFields fields) {
    var builder =
        SupervisedFineTuning.builder()
            .examples(fields.requiredDouble("examples"))
            .meanTokensPerExample(fields.requiredDouble("meanTokensPerExample"))
            .sequenceLength(fields.requiredInt("sequenceLength"));
    fields.optionalDouble("epochs").ifPresent(builder::epochs);
    fields.optionalDouble("packingEfficiency").ifPresent(builder::packingEfficiency);
    fields.optionalInt("globalBatchSize").ifPresent(builder::globalBatchSize);
    return node.build(builder::build);
  }

  private static PreferenceTuning readPreference(DocumentNode node, ObjectFields fields, Path folder) {
    var builder =
        PreferenceTuning.builder()
            .pairs(fields.requiredDouble("pairs"))
            .promptTokens(fields.requiredDouble("promptTokens"))
            .chosenTokens(fields.requiredDouble("chosenTokens"))
            .rejectedTokens(fields.requiredDouble("rejectedTokens"))
            .sequenceLength(fields.requiredInt("sequenceLength"));
    fields.optionalEnum("loss", PreferenceLoss.class).ifPresent(builder::loss);
    fields.optionalDouble("epochs").ifPresent(builder::epochs);
    fields.optionalDouble("packingEfficiency").ifPresent(builder::packingEfficiency);
    fields.optionalInt("globalBatchSize").ifPresent(builder::globalBatchSize);
    fields.optional("rewardModel").ifPresent(m -> builder.rewardModel(model(m, folder)));
    fields.optionalDouble("rewardModelEpochs").ifPresent(builder::rewardModelEpochs);
    return node.build(builder::build);
  }

  private static ReinforcementLearning readRl(DocumentNode node, ObjectFields fields, Path folder) {
    var builder =
        ReinforcementLearning.builder()
            .steps(fields.requiredLong("steps"))
            .promptsPerStep(fields.requiredInt("promptsPerStep"))
            .promptTokens(fields.requiredInt("promptTokens"))
            .meanResponseTokens(fields.requiredDouble("meanResponseTokens"))
            .maxResponseTokens(fields.requiredInt("maxResponseTokens"));
    fields.optionalEnum("algorithm", RlAlgorithm.class).ifPresent(builder::algorithm);
    fields.optionalInt("samplesPerPrompt").ifPresent(builder::samplesPerPrompt);
    fields.optionalInt("innerEpochs").ifPresent(builder::innerEpochs);
    fields.optionalInt("miniBatches").ifPresent(builder::miniBatches);
    fields.optionalBoolean("referenceModel").ifPresent(builder::referenceModel);
    fields.optional("rewardModel").ifPresent(m -> builder.rewardModel(model(m, folder)));
    fields.optional("valueModel").ifPresent(m -> builder.valueModel(model(m, folder)));
    fields.optionalDouble("verifierSecondsPerStep").ifPresent(builder::verifierSecondsPerStep);
    fields.optionalEnum("placement", RolloutPlacement.class).ifPresent(builder::placement);
    fields.optionalLong("generationAccelerators").ifPresent(builder::generationAccelerators);
    fields.optionalBoolean("sequencePacking").ifPresent(builder::sequencePacking);
    return node.build(builder::build);
  }

  private static Distillation readDistillation(DocumentNode node, ObjectFields fields, Path folder) {
    var builder =
        Distillation.builder()
            .teacher(model(fields.required("teacher"), folder))
            .prompts(fields.requiredLong("prompts"))
            .promptTokens(fields.requiredInt("promptTokens"))
            .meanResponseTokens(fields.requiredDouble("meanResponseTokens"))
            .maxResponseTokens(fields.requiredInt("maxResponseTokens"));
    fields.optionalEnum("mode", DistillationMode.class).ifPresent(builder::mode);
    fields.optionalInt("samplesPerPrompt").ifPresent(builder::samplesPerPrompt);
    fields.optionalDouble("epochs").ifPresent(builder::epochs);
    fields.optionalDouble("packingEfficiency").ifPresent(builder::packingEfficiency);
    fields.optionalInt("teacherTensorParallel").ifPresent(builder::teacherTensorParallel);
    fields.optionalInt("promptsPerStep").ifPresent(builder::promptsPerStep);
    return node.build(builder::build);
  }

  private static EvaluationRun readEvaluation(DocumentNode node, ObjectFields fields) {
    var builder = EvaluationRun.builder().addAllSuites(fields.list("suites", SUITE));
    fields.optionalInt("checkpoints").ifPresent(builder::checkpoints);
    fields.optionalDouble("redTeamingPeopleHours").ifPresent(builder::redTeamingPeopleHours);
    fields.optionalDouble("humanEvaluationPeopleHours").ifPresent(builder::humanEvaluationPeopleHours);
    fields.optionalDouble("usdPerPeopleHour").ifPresent(builder::usdPerPeopleHour);
    return node.build(builder::build);
  }

  private static JsonNode writeStage(PostTrainingStage stage) {
    ObjectNode out = NODES.objectNode();
    out.put("kind", EnumNames.kebabCase(stage.kind()));
    if (stage instanceof SupervisedFineTuning sft) {
      out.put("examples", sft.examples())
          .put("meanTokensPerExample", sft.meanTokensPerExample())
          .put("epochs", sft.epochs())
          .put("sequenceLength", sft.sequenceLength())
          .put("packingEfficiency", sft.packingEfficiency())
          .put("globalBatchSize", sft.globalBatchSize());
    } else if (stage instanceof PreferenceTuning p) {
      out.put("loss", EnumNames.kebabCase(p.loss()))
          .put("pairs", p.pairs())
          .put("promptTokens", p.promptTokens())
          .put("chosenTokens", p.chosenTokens())
          .put("rejectedTokens", p.rejectedTokens())
          .put("epochs", p.epochs())
          .put("sequenceLength", p.sequenceLength())
          .put("packingEfficiency", p.packingEfficiency())
          .put("globalBatchSize", p.globalBatchSize())
          .put("rewardModelEpochs", p.rewardModelEpochs());
      p.rewardModel().ifPresent(m -> out.set("rewardModel", ArchitectureCodecs.ARCHITECTURE.write(m)));
    } else if (stage instanceof ReinforcementLearning rl) {
      out.put("algorithm", EnumNames.kebabCase(rl.algorithm()))
          .put("steps", rl.steps())
          .put("promptsPerStep", rl.promptsPerStep())
          .put("samplesPerPrompt", rl.samplesPerPrompt())
          .put("promptTokens", rl.promptTokens())
          .put("meanResponseTokens", rl.meanResponseTokens())
          .put("maxResponseTokens", rl.maxResponseTokens())
          .put("innerEpochs", rl.innerEpochs())
          .put("miniBatches", rl.miniBatches())
          .put("referenceModel", rl.referenceModel())
          .put("verifierSecondsPerStep", rl.verifierSecondsPerStep())
          .put("placement", EnumNames.kebabCase(rl.placement()))
          .put("sequencePacking", rl.sequencePacking());
      rl.rewardModel().ifPresent(m -> out.set("rewardModel", ArchitectureCodecs.ARCHITECTURE.write(m)));
      rl.valueModel().ifPresent(m -> out.set("valueModel", ArchitectureCodecs.ARCHITECTURE.write(m)));
      rl.generationAccelerators().ifPresent(g -> out.put("generationAccelerators", g));
    } else if (stage instanceof Distillation d) {
      out.set("teacher", ArchitectureCodecs.ARCHITECTURE.write(d.teacher()));
      out.put("mode", EnumNames.kebabCase(d.mode()))
          .put("prompts", d.prompts())
          .put("samplesPerPrompt", d.samplesPerPrompt())
          .put("promptTokens", d.promptTokens())
          .put("meanResponseTokens", d.meanResponseTokens())
          .put("maxResponseTokens", d.maxResponseTokens())
          .put("epochs", d.epochs())
          .put("packingEfficiency", d.packingEfficiency())
          .put("teacherTensorParallel", d.teacherTensorParallel())
          .put("promptsPerStep", d.promptsPerStep());
    } else if (stage instanceof EvaluationRun e) {
      ArrayNode suites = out.putArray("suites");
      e.suites().forEach(suite -> suites.add(SUITE.write(suite)));
      out.put("checkpoints", e.checkpoints())
          .put("redTeamingPeopleHours", e.redTeamingPeopleHours())
          .put("humanEvaluationPeopleHours", e.humanEvaluationPeopleHours())
          .put("usdPerPeopleHour", e.usdPerPeopleHour());
    } else {
      throw new IllegalArgumentException("unknown stage type " + stage.getClass().getName());
    }
    return out;
  }

  /** The stage kinds' file names, for messages. */
  static List<String> kinds() {
    List<String> names = new ArrayList<>();
    for (StageKind kind : StageKind.values()) {
      names.add(EnumNames.kebabCase(kind));
    }
    return names;
  }
}
