package dev.persistence.io.posttraining;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.posttraining.ComponentKind;
import dev.persistence.costing.posttraining.RlStepTime;
import dev.persistence.costing.posttraining.StageComponent;
import dev.persistence.costing.posttraining.StageEstimate;
import dev.persistence.io.document.EnumNames;

/**
 * A {@link StageEstimate} as JSON: the object {@code persistence post-train --json} prints (after the stage's
 * name) and each stage of the plan report's {@code postTraining} section carries. Field names carry their units;
 * numbers are the estimate's own doubles, unrounded.
 */
public final class StageEstimateJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StageEstimateJson() {}

  /**
   * A stage file's estimate as {@code persistence post-train --json} prints it: the stage's {@code name}, then
   * {@link #toJson(StageEstimate)}.
   *
   * @param file the stage file
   * @param estimate its estimate
   */
  public static ObjectNode toJson(StageFile file, StageEstimate estimate) {
    ObjectNode out = NODES.objectNode().put("name", file.name());
    out.setAll(toJson(estimate));
    return out;
  }

  /**
   * One stage: its totals, the per-step split of a reinforcement-learning stage, and the breakdown by component.
   *
   * @param estimate the stage's estimate
   */
  public static ObjectNode toJson(StageEstimate estimate) {
    ObjectNode out = NODES.objectNode();
    out.put("kind", EnumNames.kebabCase(estimate.kind()));
    out.put("accelerators", estimate.accelerators());
    out.put("wallClockHours", estimate.wallClockHours());
    out.put("acceleratorHours", estimate.acceleratorHours());
    out.put("flops", estimate.totalFlops());
    out.put("computeUsd", estimate.computeUsd());
    out.put("peopleUsd", estimate.peopleUsd());
    out.put("totalUsd", estimate.totalUsd());
    out.put("generationShare", estimate.generationShare());
    out.put("idleAcceleratorHours", estimate.acceleratorHours(ComponentKind.IDLE));
    estimate.step().ifPresent(step -> out.set("step", step(step)));
    ArrayNode parts = out.putArray("breakdown");
    for (StageComponent component : estimate.components()) {
      ObjectNode row = parts.addObject();
      row.put("name", component.name());
      row.put("kind", EnumNames.kebabCase(component.kind()));
      row.put("flops", component.flops());
      row.put("acceleratorHours", component.acceleratorHours());
      row.put("usd", component.usd());
    }
    return out;
  }

  private static ObjectNode step(RlStepTime step) {
    ObjectNode split = NODES.objectNode();
    split.put("generationSeconds", step.generationSeconds());
    split.put("weightSyncSeconds", step.weightSyncSeconds());
    split.put("verifierSeconds", step.verifierSeconds());
    split.put("scoringSeconds", step.scoringSeconds());
    split.put("trainingSeconds", step.trainingSeconds());
    split.put("stepSeconds", step.stepSeconds());
    split.put("generationShare", step.generationShare());
    split.put("generationAccelerators", step.generationAccelerators());
    split.put("trainingAccelerators", step.trainingAccelerators());
    split.put("batchPerReplica", step.batchPerReplica());
    return split;
  }
}
