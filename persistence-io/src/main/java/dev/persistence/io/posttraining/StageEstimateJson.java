package dev.persistence.io.posttraining;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.posttraining.ComponentKind;
import dev.persistence.costing.posttraining.RlStepTime;
import dev.persistence.costing.posttraining.StageComponent;
import dev.persistence.costing.posttraining.StageEstimate;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ResultDocument;

/**
 * A {@link StageEstimate} as JSON: the object {@code persistence post-train --json} prints (after the stage's
 * name) and each stage of the plan report's {@code postTraining} section carries. Field names carry their units;
 * numbers are the estimate's own doubles, unrounded.
 */
public final class StageEstimateJson {
  private StageEstimateJson() {}

  private static final ResultDocument<StageComponent> COMPONENT =
      ResultDocument.of(StageComponent.class)
          .fields("name")
          .field("kind", component -> EnumNames.kebabCase(component.kind()))
          .fields("flops", "acceleratorHours", "usd")
          .build();

  /**
   * One stage: its totals, the per-step split of a reinforcement-learning stage ({@code step}), and the
   * {@code breakdown} by component; each stage of the plan report's {@code postTraining} section includes it.
   */
  public static final ResultDocument<StageEstimate> STAGE =
      ResultDocument.of(StageEstimate.class)
          .field("kind", estimate -> EnumNames.kebabCase(estimate.kind()))
          .fields("accelerators", "wallClockHours", "acceleratorHours")
          .field("flops", StageEstimate::totalFlops)
          .fields("computeUsd", "peopleUsd", "totalUsd", "generationShare")
          .field("idleAcceleratorHours", estimate -> estimate.acceleratorHours(ComponentKind.IDLE))
          .objectIfPresent(
              "step",
              ResultDocument.of(RlStepTime.class)
                  .fields("generationSeconds", "weightSyncSeconds", "verifierSeconds", "scoringSeconds")
                  .fields("trainingSeconds", "stepSeconds", "generationShare", "generationAccelerators")
                  .fields("trainingAccelerators", "batchPerReplica")
                  .build(),
              StageEstimate::step)
          .list("breakdown", COMPONENT, StageEstimate::components)
          .build();

  private record Named(StageFile file, StageEstimate estimate) {}

  private static final ResultDocument<Named> NAMED =
      ResultDocument.of(Named.class)
          .field("name", named -> named.file().name())
          .include(STAGE, Named::estimate)
          .build();

  /**
   * A stage file's estimate as {@code persistence post-train --json} prints it: the stage's {@code name}, then
   * {@link #toJson(StageEstimate)}.
   *
   * @param file the stage file
   * @param estimate its estimate
   */
  public static ObjectNode toJson(StageFile file, StageEstimate estimate) {
    return NAMED.write(new Named(file, estimate));
  }

  /**
   * One stage ({@link #STAGE}).
   *
   * @param estimate the stage's estimate
   */
  public static ObjectNode toJson(StageEstimate estimate) {
    return STAGE.write(estimate);
  }
}
