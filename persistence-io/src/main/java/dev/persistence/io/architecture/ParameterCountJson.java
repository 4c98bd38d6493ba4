package dev.persistence.io.architecture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.ModelComponent;
import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.core.architecture.ParameterComponent;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ResultDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model's {@link ParameterBreakdown} as one JSON document: the object {@code persistence params --json} prints. */
public final class ParameterCountJson {
  private ParameterCountJson() {}

  private static final ResultDocument<CompositeModel> COUNTS =
      ResultDocument.of(CompositeModel.class)
          .field("modelType", composite -> composite.languageModel().family())
          .include(
              ResultDocument.of(ParameterBreakdown.class)
                  .fields("totalParameters", "activeParameters", "activeParametersExcludingEmbedding")
                  .fields("embeddingParameters", "nonEmbeddingParameters")
                  .field("breakdown", parameters -> EnumNames.camelCaseKeys(parameters.components()))
                  .build(),
              composite -> composite.languageModel().parameters())
          .field("components", composite -> byName(composite.components()))
          .field("checkpointParameters", CompositeModel::totalParameters)
          .build();

  /**
   * The counts as a JSON tree, all JSON integers: {@code modelType}, {@code totalParameters},
   * {@code activeParameters}, {@code activeParametersExcludingEmbedding}, {@code embeddingParameters},
   * {@code nonEmbeddingParameters}, the {@code breakdown} by {@link ParameterComponent} (camelCase, every component,
   * summing to the total), the checkpoint's other {@code components} by name and {@code checkpointParameters}.
   *
   * @param composite the checkpoint: its language model and any vision tower, projector or MTP modules
   */
  public static ObjectNode toJson(CompositeModel composite) {
    return COUNTS.write(composite);
  }

  private static Map<String, Long> byName(List<ModelComponent> components) {
    Map<String, Long> parameters = new LinkedHashMap<>();
    components.forEach(component -> parameters.put(component.name(), component.parameters()));
    return parameters;
  }
}
