package dev.persistence.io.memory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.memory.ActivationMemory;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.memory.TrainingMemoryBreakdown;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.TrainingPrecision;

/**
 * A {@link TrainingMemoryBreakdown} as one JSON document: the object {@code persistence memory --json} prints.
 */
public final class TrainingMemoryJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TrainingMemoryJson() {}

  /**
   * The most-loaded rank's memory as a JSON tree: {@code modelType}, {@code accelerator},
   * {@code acceleratorCount}, {@code precision}, each part in bytes ({@code weightsBytes}, {@code gradientsBytes},
   * {@code masterWeightsBytes}, {@code optimizerStatesBytes}, {@code optimizerBytes}, {@code activationsBytes},
   * {@code allowanceBytes}, {@code totalBytes}, {@code capacityBytes}), {@code fits}, {@code pipelineStage} and the
   * {@code allowance}'s description; for a hybrid stack also {@code layerKinds}: its attention and mixer layers' (and
   * feed-forward-only layers', where the stack has them)
   * parameters (one tensor-parallel rank, before ZeRO) and activations per micro-batch, one layer of each kind.
   *
   * @param architecture the model
   * @param accelerator the accelerator
   * @param plan the parallelism plan
   * @param precision the training precision
   * @param allowance the framework allowance reserved
   * @param memory the estimate
   */
  public static ObjectNode toJson(
      Architecture architecture,
      Accelerator accelerator,
      ParallelismPlan plan,
      TrainingPrecision precision,
      MemoryAllowance allowance,
      TrainingMemoryBreakdown memory) {
    ObjectNode out = NODES.objectNode();
    out.put("modelType", architecture.family());
    out.put("accelerator", accelerator.name());
    out.put("acceleratorCount", plan.acceleratorCount());
    out.put("precision", precision.name());
    out.setAll(breakdown(memory));
    out.put("allowance", allowance.description());
    if (architecture.sequenceMixerLayers() > 0) {
      out.set("layerKinds", layerKinds(architecture, plan));
    }
    return out;
  }

  /**
   * The breakdown's own figures, as both this document and the plan report's {@code memory} write them: each part
   * in bytes ({@code weightsBytes}, {@code gradientsBytes}, {@code masterWeightsBytes}, {@code optimizerStatesBytes},
   * {@code optimizerBytes}, {@code activationsBytes}, {@code allowanceBytes}, {@code totalBytes},
   * {@code capacityBytes}), {@code fits} and the most-loaded {@code pipelineStage}.
   *
   * @param memory the estimate
   */
  public static ObjectNode breakdown(TrainingMemoryBreakdown memory) {
    ObjectNode out = NODES.objectNode();
    out.put("weightsBytes", memory.weightsBytes());
    out.put("gradientsBytes", memory.gradientsBytes());
    out.put("masterWeightsBytes", memory.masterWeightsBytes());
    out.put("optimizerStatesBytes", memory.optimizerStatesBytes());
    out.put("optimizerBytes", memory.optimizerBytes());
    out.put("activationsBytes", memory.activationsBytes());
    out.put("allowanceBytes", memory.allowanceBytes());
    out.put("totalBytes", memory.totalBytes());
    out.put("capacityBytes", memory.capacityBytes());
    out.put("fits", memory.fits());
    out.put("pipelineStage", memory.pipelineStage());
    return out;
  }

  private static ObjectNode layerKinds(Architecture architecture, ParallelismPlan plan) {
    long hidden = architecture.hiddenSize();
    double tensorParallel = plan.tensorParallel();
    int firstAttention = -1;
    int firstMixer = -1;
    int firstFeedForwardOnly = -1;
    for (int layer = architecture.numLayers() - 1; layer >= 0; layer--) {
      if (architecture.isSequenceMixerLayer(layer)) {
        firstMixer = layer;
      } else if (architecture.isFeedForwardOnlyLayer(layer)) {
        firstFeedForwardOnly = layer;
      } else {
        firstAttention = layer;
      }
    }
    ObjectNode kinds = NODES.objectNode();
    kinds.put("attentionLayers", architecture.attentionLayers());
    kinds.put("attentionParametersPerLayer", architecture.attention().parameters(hidden) / tensorParallel);
    kinds.put(
        "attentionLayerActivationBytes",
        firstAttention < 0 ? 0.0 : ActivationMemory.layerBytes(architecture, firstAttention, plan));
    kinds.put("sequenceMixerLayers", architecture.sequenceMixerLayers());
    kinds.put("sequenceMixer", architecture.sequenceMixer().get().kind());
    kinds.put("sequenceMixerParametersPerLayer", architecture.sequenceMixer().get().parameters(hidden) / tensorParallel);
    kinds.put("sequenceMixerLayerActivationBytes", ActivationMemory.layerBytes(architecture, firstMixer, plan));
    if (firstFeedForwardOnly >= 0) {
      // Nemotron-H's MLP layers: a norm and the feed-forward block, no token mixer.
      kinds.put("feedForwardOnlyLayers", architecture.feedForwardOnlyLayerIndices().size());
      kinds.put(
          "feedForwardOnlyLayerActivationBytes", ActivationMemory.layerBytes(architecture, firstFeedForwardOnly, plan));
    }
    return kinds;
  }
}
