package dev.persistence.io.steptime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.StepTimeModel;
import dev.persistence.io.search.SearchResultJson;
import java.util.OptionalDouble;

/** One plan's {@link StepTimeEstimate} as one JSON document: the object {@code persistence train --json} prints. */
public final class StepTimeJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StepTimeJson() {}

  /**
   * The estimate as a JSON tree: {@code modelType}, {@code accelerator}, {@code calibration}, {@code precision},
   * then the plan's figures as {@code search --json} prints each plan ({@link SearchResultJson#estimate}); for a
   * hybrid stack also {@code layerKinds}: how many attention and mixer layers, and what one of each costs per
   * micro-batch (forward, backward and recomputation seconds).
   *
   * @param stepTime the model that estimated
   * @param plan the plan estimated
   * @param estimate its estimate
   * @param tokens a token budget, for training days and accelerator-hours; empty for none
   */
  public static ObjectNode toJson(
      StepTimeModel stepTime, ParallelismPlan plan, StepTimeEstimate estimate, OptionalDouble tokens) {
    Architecture architecture = stepTime.architecture();
    ObjectNode out = NODES.objectNode();
    out.put("modelType", architecture.family());
    out.put("accelerator", stepTime.cluster().accelerator().name());
    out.put("calibration", stepTime.calibration().name());
    out.put("precision", stepTime.precision().name());
    out.setAll(SearchResultJson.estimate(estimate, tokens));
    stepTime
        .mixerLayerTime(plan)
        .ifPresent(
            mixer -> {
              ObjectNode kinds = out.putObject("layerKinds");
              kinds.put("attentionLayers", architecture.attentionLayers());
              kinds.put("attentionLayerSeconds", stepTime.layerTime(plan).totalSeconds());
              kinds.put("sequenceMixerLayers", architecture.sequenceMixerLayers());
              kinds.put("sequenceMixer", architecture.sequenceMixer().get().kind());
              kinds.put("sequenceMixerLayerSeconds", mixer.totalSeconds());
              stepTime
                  .feedForwardOnlyLayerTime(plan)
                  .ifPresent(
                      feedForward -> {
                        kinds.put("feedForwardOnlyLayers", architecture.feedForwardOnlyLayerIndices().size());
                        kinds.put("feedForwardOnlyLayerSeconds", feedForward.totalSeconds());
                      });
            });
    return out;
  }
}
