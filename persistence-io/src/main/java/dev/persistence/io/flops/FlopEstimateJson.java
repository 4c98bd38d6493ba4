package dev.persistence.io.flops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopEstimate;
import dev.persistence.io.document.EnumNames;
import java.util.Map;

/** A {@link FlopEstimate} as one JSON document: the object {@code persistence flops --json} prints. */
public final class FlopEstimateJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FlopEstimateJson() {}

  /**
   * The estimate as a JSON tree: {@code modelType}, {@code convention}, {@code sequenceLength},
   * {@code recomputation}, the forward, backward, recomputation, model-training and training FLOPs per token, and
   * {@code forwardFlopsPerTokenByComponent} (exact, at the estimate's sequence length).
   *
   * @param architecture the model counted
   * @param estimate its estimate
   */
  public static ObjectNode toJson(Architecture architecture, FlopEstimate estimate) {
    ObjectNode out = NODES.objectNode();
    out.put("modelType", architecture.family());
    out.put("convention", EnumNames.kebabCase(estimate.convention()));
    out.put("sequenceLength", estimate.sequenceLength());
    out.put("recomputation", EnumNames.kebabCase(estimate.recomputation()));
    out.put("forwardFlopsPerToken", estimate.forwardFlopsPerToken());
    out.put("backwardFlopsPerToken", estimate.backwardFlopsPerToken());
    out.put("recomputationFlopsPerToken", estimate.recomputationFlopsPerToken());
    out.put("modelTrainingFlopsPerToken", estimate.modelTrainingFlopsPerToken());
    out.put("trainingFlopsPerToken", estimate.trainingFlopsPerToken());
    ObjectNode byComponent = out.putObject("forwardFlopsPerTokenByComponent");
    for (Map.Entry<String, Double> component :
        FlopAccounting.forwardFlopsByComponent(architecture, estimate.sequenceLength()).entrySet()) {
      byComponent.put(component.getKey(), component.getValue());
    }
    return out;
  }
}
