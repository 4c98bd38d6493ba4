package dev.persistence.io.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineSchedule;
import dev.persistence.core.parallelism.RecomputedModule;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.OptimizerState;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.hardware.HardwareCodecs;

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
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TrainingCodecs() {}

  /** Parallelism plans; every degree defaults to 1. */
  public static final Codec<ParallelismPlan> PARALLELISM_PLAN =
      new Codec<>() {
        @Override
        public ParallelismPlan read(DocumentNode node) {
          ObjectFields fields = node.fields();
          var builder =
              ParallelismPlan.builder()
                  .microBatchSize(fields.requiredInt("microBatchSize"))
                  .globalBatchSize(fields.requiredInt("globalBatchSize"))
                  .sequenceLength(fields.requiredInt("sequenceLength"));
          fields.optionalInt("tensorParallel").ifPresent(builder::tensorParallel);
          fields.optionalInt("pipelineParallel").ifPresent(builder::pipelineParallel);
          fields.optionalInt("virtualPipelineStages").ifPresent(builder::virtualPipelineStages);
          fields.optionalInt("dataParallel").ifPresent(builder::dataParallel);
          fields.optionalInt("contextParallel").ifPresent(builder::contextParallel);
          fields.optionalInt("expertParallel").ifPresent(builder::expertParallel);
          fields.optionalBoolean("sequenceParallel").ifPresent(builder::sequenceParallel);
          fields
              .optional("zeroStage")
              .ifPresent(stage -> builder.zeroStage(stage.build(() -> ZeroStage.of(stage.asInt()))));
          fields.optionalEnum("recomputation", ActivationRecomputation.class).ifPresent(builder::recomputation);
          fields.optionalBoolean("optimizerOffload").ifPresent(builder::optimizerOffload);
          fields.optionalBoolean("activationOffload").ifPresent(builder::activationOffload);
          fields.optionalBoolean("fusedAttention").ifPresent(builder::fusedAttention);
          fields.optionalInt("expertTensorParallel").ifPresent(builder::expertTensorParallel);
          fields.optionalEnum("pipelineSchedule", PipelineSchedule.class).ifPresent(builder::pipelineSchedule);
          fields
              .optional("recomputedModules")
              .ifPresent(
                  modules -> {
                    for (DocumentNode module : modules.elements()) {
                      builder.addRecomputedModules(module.asEnum(RecomputedModule.class));
                    }
                  });
          fields.optionalInt("fullyRecomputedLayersPerChunk").ifPresent(builder::fullyRecomputedLayersPerChunk);
          fields
              .optional("layersPerChunk")
              .ifPresent(
                  chunks -> {
                    for (DocumentNode chunk : chunks.elements()) {
                      builder.addLayersPerChunk(chunk.asInt());
                    }
                  });
          fields.finish();
          return node.build(builder::build);
        }

        @Override
        public JsonNode write(ParallelismPlan plan) {
          ObjectNode out = NODES.objectNode();
          out.put("tensorParallel", plan.tensorParallel());
          out.put("pipelineParallel", plan.pipelineParallel());
          out.put("virtualPipelineStages", plan.virtualPipelineStages());
          out.put("dataParallel", plan.dataParallel());
          out.put("contextParallel", plan.contextParallel());
          out.put("expertParallel", plan.expertParallel());
          out.put("sequenceParallel", plan.sequenceParallel());
          out.put("zeroStage", plan.zeroStage().stage());
          out.put("recomputation", EnumNames.kebabCase(plan.recomputation()));
          out.put("microBatchSize", plan.microBatchSize());
          out.put("globalBatchSize", plan.globalBatchSize());
          out.put("sequenceLength", plan.sequenceLength());
          out.put("optimizerOffload", plan.optimizerOffload());
          out.put("activationOffload", plan.activationOffload());
          out.put("fusedAttention", plan.fusedAttention());
          // The 2025-recipe fields are written only when they differ from their defaults.
          if (plan.expertTensorParallel() != plan.tensorParallel()) {
            out.put("expertTensorParallel", plan.expertTensorParallel());
          }
          if (plan.pipelineSchedule() != PipelineSchedule.ONE_F_ONE_B) {
            out.put("pipelineSchedule", EnumNames.kebabCase(plan.pipelineSchedule()));
          }
          if (!plan.recomputedModules().isEmpty()) {
            var modules = out.putArray("recomputedModules");
            for (RecomputedModule module : RecomputedModule.values()) {
              if (plan.recomputedModules().contains(module)) {
                modules.add(EnumNames.kebabCase(module));
              }
            }
          }
          plan.fullyRecomputedLayersPerChunk().ifPresent(n -> out.put("fullyRecomputedLayersPerChunk", n));
          if (!plan.layersPerChunk().isEmpty()) {
            var chunks = out.putArray("layersPerChunk");
            plan.layersPerChunk().forEach(chunks::add);
          }
          return out;
        }
      };

  /** Training precisions: a preset's name ({@code bf16-adam}) or a full object. */
  public static final Codec<TrainingPrecision> TRAINING_PRECISION =
      new Codec<>() {
        @Override
        public TrainingPrecision read(DocumentNode node) {
          if (node.json().isTextual()) {
            return node.build(() -> TrainingPrecision.preset(node.asText()));
          }
          ObjectFields fields = node.fields();
          var builder =
              TrainingPrecision.builder()
                  .name(fields.requiredText("name"))
                  .computeFormat(
                      fields.required("computeFormat").build(() -> NumericFormat.parse(fields.requiredText("computeFormat"))))
                  .weightBytes(fields.requiredDouble("weightBytes"))
                  .gradientBytes(fields.requiredDouble("gradientBytes"))
                  .masterWeightBytes(fields.requiredDouble("masterWeightBytes"))
                  .source(fields.requiredText("source"));
          fields.optionalDouble("linearInputActivationBytes").ifPresent(builder::linearInputActivationBytes);
          for (DocumentNode state : fields.required("optimizerStates").elements()) {
            ObjectFields stateFields = state.fields();
            String name = stateFields.requiredText("name");
            double bytes = stateFields.requiredDouble("bytesPerParameter");
            stateFields.finish();
            builder.addOptimizerStates(state.build(() -> new OptimizerState(name, bytes)));
          }
          fields.finish();
          return node.build(builder::build);
        }

        @Override
        public JsonNode write(TrainingPrecision precision) {
          for (TrainingPrecision preset : TrainingPrecision.presets()) {
            if (preset.equals(precision)) {
              return NODES.textNode(preset.name());
            }
          }
          ObjectNode out = NODES.objectNode();
          out.put("name", precision.name());
          out.put("computeFormat", precision.computeFormat().key());
          out.put("weightBytes", precision.weightBytes());
          out.put("gradientBytes", precision.gradientBytes());
          out.put("masterWeightBytes", precision.masterWeightBytes());
          out.put("linearInputActivationBytes", precision.linearInputActivationBytes());
          var states = out.putArray("optimizerStates");
          for (OptimizerState state : precision.optimizerStates()) {
            states.addObject().put("name", state.name()).put("bytesPerParameter", state.bytesPerParameter());
          }
          out.put("source", precision.source());
          return out;
        }
      };

  /**
   * Clusters whose accelerator is named in {@code catalog} (an unknown name is an error listing the close names) or
   * written out in full in the catalog's entry format.
   *
   * @param catalog where accelerator names are looked up
   */
  public static Codec<Cluster> cluster(AcceleratorCatalog catalog) {
    return new Codec<>() {
      @Override
      public Cluster read(DocumentNode node) {
        ObjectFields fields = node.fields();
        Accelerator accelerator = fields.required("accelerator", HardwareCodecs.namedOrInline(catalog));
        var builder =
            Cluster.builder()
                .accelerator(accelerator)
                .acceleratorsPerNode(fields.requiredInt("acceleratorsPerNode"))
                .nodeCount(fields.requiredInt("nodeCount"))
                .scaleOutBandwidthBytesPerSecondPerAccelerator(
                    fields.requiredDouble("scaleOutBandwidthBytesPerSecondPerAccelerator"))
                .scaleOutLatencySeconds(fields.requiredDouble("scaleOutLatencySeconds"));
        fields.optionalInt("scaleUpDomainSize").ifPresent(builder::scaleUpDomainSize);
        fields.optionalDouble("powerUsageEffectiveness").ifPresent(builder::powerUsageEffectiveness);
        fields.optionalDouble("nodeOverheadPowerWatts").ifPresent(builder::nodeOverheadPowerWatts);
        fields.finish();
        return node.build(builder::build);
      }

      @Override
      public JsonNode write(Cluster cluster) {
        ObjectNode out = NODES.objectNode();
        out.set("accelerator", HardwareCodecs.namedOrInline(catalog).write(cluster.accelerator()));
        out.put("acceleratorsPerNode", cluster.acceleratorsPerNode());
        out.put("nodeCount", cluster.nodeCount());
        out.put("scaleUpDomainSize", cluster.scaleUpDomainSize());
        out.put(
            "scaleOutBandwidthBytesPerSecondPerAccelerator", cluster.scaleOutBandwidthBytesPerSecondPerAccelerator());
        out.put("scaleOutLatencySeconds", cluster.scaleOutLatencySeconds());
        out.put("powerUsageEffectiveness", cluster.powerUsageEffectiveness());
        out.put("nodeOverheadPowerWatts", cluster.nodeOverheadPowerWatts());
        return out;
      }
    };
  }
}
