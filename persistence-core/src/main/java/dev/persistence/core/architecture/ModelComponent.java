package dev.persistence.core.architecture;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A named, counted part of a checkpoint beside its language model: a vision or audio tower, a projector, the
 * multi-token-prediction modules.
 *
 * @param name what the checkpoint calls it ({@code vision_tower}, {@code multi_modal_projector}, {@code mtp})
 * @param kind what it is
 * @param parameters its trainable parameters, {@code >= 0}
 */
public record ModelComponent(String name, ComponentKind kind, long parameters) {

  /**
   * Validates the component.
   *
   * @throws IllegalArgumentException if the name is blank or the count negative
   */
  public ModelComponent {
    checkArgument(name != null && !name.isBlank(), "name must not be blank");
    checkArgument(kind != null, "kind must not be null");
    checkArgument(parameters >= 0, "parameters (%s) of %s must be >= 0", parameters, name);
  }
}
