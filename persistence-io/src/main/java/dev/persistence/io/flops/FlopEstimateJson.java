package dev.persistence.io.flops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopEstimate;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ResultDocument;

/** A {@link FlopEstimate} as one JSON document: the object {@code persistence flops --json} prints. */
public final class FlopEstimateJson {
  private FlopEstimateJson() {}

  private record Counted(Architecture architecture, FlopEstimate estimate) {}

  private static final ResultDocument<Counted> ESTIMATE =
      ResultDocument.of(Counted.class)
          .field("modelType", c -> c.architecture().family())
          .include(
              ResultDocument.of(FlopEstimate.class)
                  .field("convention", estimate -> EnumNames.kebabCase(estimate.convention()))
                  .fields("sequenceLength")
                  .field("recomputation", estimate -> EnumNames.kebabCase(estimate.recomputation()))
                  .fields("forwardFlopsPerToken", "backwardFlopsPerToken", "recomputationFlopsPerToken")
                  .fields("modelTrainingFlopsPerToken", "trainingFlopsPerToken")
                  .build(),
              Counted::estimate)
          .field(
              "forwardFlopsPerTokenByComponent",
              c -> FlopAccounting.forwardFlopsByComponent(c.architecture(), c.estimate().sequenceLength()))
          .build();

  /**
   * The estimate as a JSON tree: {@code modelType}, {@code convention}, {@code sequenceLength},
   * {@code recomputation}, the forward, backward, recomputation, model-training and training FLOPs per token, and
   * {@code forwardFlopsPerTokenByComponent} (exact, at the estimate's sequence length).
   *
   * @param architecture the model counted
   * @param estimate its estimate
   */
  public static ObjectNode toJson(Architecture architecture, FlopEstimate estimate) {
    return ESTIMATE.write(new Counted(architecture, estimate));
  }
}
