package dev.persistence.io.architecture;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.ModelComponent;
import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.core.architecture.ParameterComponent;
import dev.persistence.io.document.EnumNames;

/** A model's {@link ParameterBreakdown} as one JSON document: the object {@code persistence params --json} prints. */
public final class ParameterCountJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ParameterCountJson() {}

  /**
   * The counts as a JSON tree, all JSON integers: {@code modelType}, {@code totalParameters},
   * {@code activeParameters}, {@code activeParametersExcludingEmbedding}, {@code embeddingParameters},
   * {@code nonEmbeddingParameters}, the {@code breakdown} by {@link ParameterComponent} (camelCase, every component,
   * summing to the total), the checkpoint's other {@code components} by name and {@code checkpointParameters}.
   *
   * @param composite the checkpoint: its language model and any vision tower, projector or MTP modules
   */
  public static ObjectNode toJson(CompositeModel composite) {
    Architecture architecture = composite.languageModel();
    ParameterBreakdown parameters = architecture.parameters();
    ObjectNode out = NODES.objectNode();
    out.put("modelType", architecture.family());
    out.put("totalParameters", parameters.totalParameters());
    out.put("activeParameters", parameters.activeParameters());
    out.put("activeParametersExcludingEmbedding", parameters.activeParametersExcludingEmbedding());
    out.put("embeddingParameters", parameters.embeddingParameters());
    out.put("nonEmbeddingParameters", parameters.nonEmbeddingParameters());
    ObjectNode breakdown = out.putObject("breakdown");
    for (ParameterComponent component : ParameterComponent.values()) {
      breakdown.put(EnumNames.camelCase(component), parameters.get(component));
    }
    ObjectNode components = out.putObject("components");
    for (ModelComponent component : composite.components()) {
      components.put(component.name(), component.parameters());
    }
    out.put("checkpointParameters", composite.totalParameters());
    return out;
  }
}
