package dev.persistence.core.architecture;

import java.util.List;
import org.immutables.value.Value;

/**
 * A checkpoint as a whole: the language model that is planned, trained and served as an {@link Architecture},
 * and the named components stored beside it (vision or audio towers, projectors, multi-token-prediction modules)
 * that a published total such as HuggingFace's {@code safetensors} count includes.
 *
 * <p>Only the language model enters FLOPs per token, key/value caches and memory plans; the components are counted
 * so that {@link #totalParameters()} matches the checkpoint and {@link #languageModel()} matches the text model.
 */
@Value.Immutable
public abstract class CompositeModel {

  /** Returns a new builder. */
  public static ImmutableCompositeModel.Builder builder() {
    return ImmutableCompositeModel.builder();
  }

  /**
   * A model with no components beside its language model.
   *
   * @param languageModel the language model
   */
  public static CompositeModel of(Architecture languageModel) {
    return builder().languageModel(languageModel).build();
  }

  /** The language model (for a multimodal wrapper, its text model). */
  public abstract Architecture languageModel();

  /** The components beside it, in the order the checkpoint lists them. */
  public abstract List<ModelComponent> components();

  /** Parameters of the language model alone. */
  public long languageModelParameters() {
    return languageModel().parameters().totalParameters();
  }

  /** Parameters of the components of one kind. */
  public long componentParameters(ComponentKind kind) {
    long total = 0;
    for (ModelComponent component : components()) {
      if (component.kind() == kind) {
        total = Math.addExact(total, component.parameters());
      }
    }
    return total;
  }

  /** Every parameter of the checkpoint: the language model and every component. */
  public long totalParameters() {
    long total = languageModelParameters();
    for (ModelComponent component : components()) {
      total = Math.addExact(total, component.parameters());
    }
    return total;
  }
}
