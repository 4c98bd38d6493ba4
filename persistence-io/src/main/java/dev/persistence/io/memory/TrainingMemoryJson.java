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
import dev.persistence.io.document.ResultDocument;

/**
 * A {@link TrainingMemoryBreakdown} as one JSON document: the object {@code persistence memory --json} prints.
 */
public final class TrainingMemoryJson {
  private TrainingMemoryJson() {}

  /**
   * The breakdown's own figures, as both this document and the plan report's {@code memory} write them: each part
   * in bytes ({@code weightsBytes}, {@code gradientsBytes}, {@code masterWeightsBytes}, {@code optimizerStatesBytes},
   * {@code optimizerBytes}, {@code activationsBytes}, {@code allowanceBytes}, {@code totalBytes},
   * {@code capacityBytes}), {@code fits} and the most-loaded {@code pipelineStage}.
   */
  public static final ResultDocument<TrainingMemoryBreakdown> BREAKDOWN =
      ResultDocument.of(TrainingMemoryBreakdown.class)
          .fields("weightsBytes", "gradientsBytes", "masterWeightsBytes", "optimizerStatesBytes", "optimizerBytes")
          .fields("activationsBytes", "allowanceBytes", "totalBytes", "capacityBytes", "fits", "pipelineStage")
          .build();

  /** A hybrid stack and the first layer of each kind (-1 for a kind it lacks), for {@code layerKinds}. */
  private record Layers(
      Architecture architecture, ParallelismPlan plan, int firstAttention, int firstMixer, int firstFeedForwardOnly) {
    static Layers of(Architecture architecture, ParallelismPlan plan) {
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
      return new Layers(architecture, plan, firstAttention, firstMixer, firstFeedForwardOnly);
    }

    /** An attention layer's parameters on one tensor-parallel rank, before ZeRO. */
    double attentionParameters() {
      return architecture.attention().parameters(architecture.hiddenSize()) / (double) plan.tensorParallel();
    }

    /** A mixer layer's parameters on one tensor-parallel rank, before ZeRO. */
    double mixerParameters() {
      return architecture.sequenceMixer().get().parameters(architecture.hiddenSize()) / (double) plan.tensorParallel();
    }

    /** One layer's activations per micro-batch; 0 for a kind the stack lacks. */
    double activationBytes(int layer) {
      return layer < 0 ? 0.0 : ActivationMemory.layerBytes(architecture, layer, plan);
    }
  }

  private static final ResultDocument<Layers> LAYER_KINDS =
      ResultDocument.of(Layers.class)
          .field("attentionLayers", l -> l.architecture().attentionLayers())
          .field("attentionParametersPerLayer", Layers::attentionParameters)
          .field("attentionLayerActivationBytes", l -> l.activationBytes(l.firstAttention()))
          .field("sequenceMixerLayers", l -> l.architecture().sequenceMixerLayers())
          .field("sequenceMixer", l -> l.architecture().sequenceMixer().get().kind())
          .field("sequenceMixerParametersPerLayer", Layers::mixerParameters)
          .field("sequenceMixerLayerActivationBytes", l -> l.activationBytes(l.firstMixer()))
          // Nemotron-H's MLP layers: a norm and the feed-forward block, no token mixer.
          .field("feedForwardOnlyLayers", l -> l.architecture().feedForwardOnlyLayerIndices().size())
          .writtenWhen(l -> l.firstFeedForwardOnly() >= 0)
          .field("feedForwardOnlyLayerActivationBytes", l -> l.activationBytes(l.firstFeedForwardOnly()))
          .writtenWhen(l -> l.firstFeedForwardOnly() >= 0)
          .build();

  private record Estimated(
      Architecture architecture,
      Accelerator accelerator,
      ParallelismPlan plan,
      TrainingPrecision precision,
      MemoryAllowance allowance,
      TrainingMemoryBreakdown memory) {}

  private static final ResultDocument<Estimated> MEMORY =
      ResultDocument.of(Estimated.class)
          .field("modelType", m -> m.architecture().family())
          .field("accelerator", m -> m.accelerator().name())
          .field("acceleratorCount", m -> m.plan().acceleratorCount())
          .field("precision", m -> m.precision().name())
          .include(BREAKDOWN, Estimated::memory)
          .field("allowance", m -> m.allowance().description())
          .object("layerKinds", LAYER_KINDS, m -> Layers.of(m.architecture(), m.plan()))
          .writtenWhen(m -> m.architecture().sequenceMixerLayers() > 0)
          .build();

  /**
   * The most-loaded rank's memory as a JSON tree: {@code modelType}, {@code accelerator},
   * {@code acceleratorCount}, {@code precision}, the {@link #BREAKDOWN}'s figures and the {@code allowance}'s
   * description; for a hybrid stack also {@code layerKinds}: its attention and mixer layers' (and
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
    return MEMORY.write(new Estimated(architecture, accelerator, plan, precision, allowance, memory));
  }
}
