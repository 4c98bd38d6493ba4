package dev.persistence.io.steptime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.StepTimeModel;
import dev.persistence.io.architecture.ModelFiles;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.search.SearchResultJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The document {@code persistence train --json} prints, built in io so that a library user gets the same one. */
class StepTimeJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode train(Architecture architecture) throws Exception {
    Cluster cluster =
        Cluster.builder()
            .accelerator(AcceleratorCatalog.bundled().get("H100-SXM5-80GB"))
            .acceleratorsPerNode(8)
            .nodeCount(1)
            .scaleOutBandwidthBytesPerSecondPerAccelerator(50e9)
            .scaleOutLatencySeconds(5e-6)
            .build();
    StepTimeModel stepTime =
        StepTimeModel.of(
            architecture,
            cluster,
            TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS,
            Calibration.forAccelerator("H100-SXM5-80GB"));
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .tensorParallel(2)
            .pipelineParallel(1)
            .dataParallel(4)
            .microBatchSize(1)
            .globalBatchSize(8)
            .sequenceLength(2048)
            .build();
    StepTimeEstimate estimate = stepTime.estimate(plan);
    ObjectNode json = StepTimeJson.toJson(stepTime, plan, estimate, OptionalDouble.of(1e9));
    JsonNode read = MAPPER.readTree(MAPPER.writeValueAsString(json));
    List<String> keys = keys(read);
    assertEquals(List.of("modelType", "accelerator", "calibration", "precision"), keys.subList(0, 4));
    // Then exactly the figures search prints for each plan.
    List<String> figures = keys(SearchResultJson.ESTIMATE.write(new SearchResultJson.Planned(estimate, OptionalDouble.of(1e9))));
    assertEquals(figures, keys.subList(4, 4 + figures.size()));
    assertEquals(estimate.stepSeconds(), read.get("stepSeconds").asDouble());
    assertEquals("H100-SXM5-80GB", read.get("accelerator").asText());
    return read;
  }

  @Test
  void documentIsTheRunThenThePlansFigures() throws Exception {
    // GPT-3 1.3B's shape (Brown et al. 2020 Table 2.1: 24 layers, d_model 2048, 16 heads).
    assertFalse(train(Architecture.megatronGpt(24, 2048, 16, 51200, 2048)).has("layerKinds"));
  }

  @Test
  void aHybridStackAlsoListsItsLayerKinds() throws Exception {
    // AI21's Jamba 1.5 Mini: 4 attention and 28 Mamba layers (its config.json, copied into reference/).
    Architecture jamba =
        ModelFiles.read(
            Path.of(System.getProperty("persistence.reference"), "hf-configs-2025", "added", "ai21-jamba-1.5-mini.json"));
    JsonNode kinds = train(jamba).get("layerKinds");
    assertEquals(
        List.of("attentionLayers", "attentionLayerSeconds", "sequenceMixerLayers", "sequenceMixer",
            "sequenceMixerLayerSeconds"),
        keys(kinds));
    assertEquals(28, kinds.get("sequenceMixerLayers").asInt());
    assertEquals("mamba", kinds.get("sequenceMixer").asText());
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
