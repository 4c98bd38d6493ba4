package dev.persistence.io.steptime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.costing.steptime.LayerTime;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.StepTimeModel;
import dev.persistence.io.document.ResultDocument;
import dev.persistence.io.search.SearchResultJson;
import java.util.Optional;
import java.util.OptionalDouble;

/** One plan's {@link StepTimeEstimate} as one JSON document: the object {@code persistence train --json} prints. */
public final class StepTimeJson {
  private StepTimeJson() {}

  /** A hybrid stack's layer kinds: one layer of each, its seconds per micro-batch. */
  private record Layers(
      Architecture architecture, LayerTime attention, LayerTime mixer, Optional<LayerTime> feedForwardOnly) {}

  private static final ResultDocument<Layers> LAYER_KINDS =
      ResultDocument.of(Layers.class)
          .field("attentionLayers", l -> l.architecture().attentionLayers())
          .field("attentionLayerSeconds", l -> l.attention().totalSeconds())
          .field("sequenceMixerLayers", l -> l.architecture().sequenceMixerLayers())
          .field("sequenceMixer", l -> l.architecture().sequenceMixer().get().kind())
          .field("sequenceMixerLayerSeconds", l -> l.mixer().totalSeconds())
          .field("feedForwardOnlyLayers", l -> l.architecture().feedForwardOnlyLayerIndices().size())
          .writtenWhen(l -> l.feedForwardOnly().isPresent())
          .field("feedForwardOnlyLayerSeconds", l -> l.feedForwardOnly().map(LayerTime::totalSeconds))
          .build();

  private record Estimated(
      StepTimeModel stepTime, ParallelismPlan plan, StepTimeEstimate estimate, OptionalDouble tokens) {
    Optional<Layers> layers() {
      Architecture architecture = stepTime.architecture();
      return stepTime.mixerLayerTime(plan).map(mixer ->
          new Layers(architecture, stepTime.layerTime(plan), mixer, stepTime.feedForwardOnlyLayerTime(plan)));
    }
  }

  private static final ResultDocument<Estimated> STEP_TIME =
      ResultDocument.of(Estimated.class)
          .field("modelType", e -> e.stepTime().architecture().family())
          .field("accelerator", e -> e.stepTime().cluster().accelerator().name())
          .field("calibration", e -> e.stepTime().calibration().name())
          .field("precision", e -> e.stepTime().precision().name())
          .include(SearchResultJson.ESTIMATE, e -> new SearchResultJson.Planned(e.estimate(), e.tokens()))
          .objectIfPresent("layerKinds", LAYER_KINDS, Estimated::layers)
          .build();

  /**
   * The estimate as a JSON tree: {@code modelType}, {@code accelerator}, {@code calibration}, {@code precision},
   * then the plan's figures as {@code search --json} prints each plan ({@link SearchResultJson#ESTIMATE}); for a
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
    return STEP_TIME.write(new Estimated(stepTime, plan, estimate, tokens));
  }
}
