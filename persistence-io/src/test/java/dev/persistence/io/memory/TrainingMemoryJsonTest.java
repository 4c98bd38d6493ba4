package dev.persistence.io.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.memory.TrainingMemory;
import dev.persistence.core.memory.TrainingMemoryBreakdown;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.io.architecture.ModelFiles;
import dev.persistence.io.catalog.AcceleratorCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documents {@code persistence memory --json} and {@code kv-cache --json} print, built in io. */
class TrainingMemoryJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  // GPT-3 1.3B's shape (Brown et al. 2020 Table 2.1: 24 layers, d_model 2048, 16 heads).
  private static final Architecture DENSE = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);

  private static Architecture jamba() {
    // AI21's Jamba 1.5 Mini: 4 attention and 28 Mamba layers (its config.json, copied into reference/).
    return ModelFiles.read(
        Path.of(System.getProperty("persistence.reference"), "hf-configs-2025", "added", "ai21-jamba-1.5-mini.json"));
  }

  private static JsonNode memory(Architecture architecture) throws Exception {
    Accelerator h100 = AcceleratorCatalog.bundled().get("H100-SXM5-80GB");
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .tensorParallel(2)
            .pipelineParallel(1)
            .dataParallel(4)
            .microBatchSize(1)
            .globalBatchSize(4)
            .sequenceLength(2048)
            .build();
    TrainingPrecision precision = TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS;
    MemoryAllowance allowance = MemoryAllowance.PYTORCH_CUDA_TRAINING;
    TrainingMemoryBreakdown memory =
        TrainingMemory.estimate(architecture, plan, precision, h100.memoryBytes(), allowance);
    JsonNode json =
        MAPPER.readTree(
            MAPPER.writeValueAsString(TrainingMemoryJson.toJson(architecture, h100, plan, precision, allowance, memory)));
    assertEquals(memory.totalBytes(), json.get("totalBytes").asLong());
    assertEquals(memory.fits(), json.get("fits").asBoolean());
    assertEquals(8, json.get("acceleratorCount").asLong());
    return json;
  }

  @Test
  void memoryListsEachPartInBytes() throws Exception {
    JsonNode json = memory(DENSE);
    assertEquals(
        List.of("modelType", "accelerator", "acceleratorCount", "precision", "weightsBytes", "gradientsBytes",
            "masterWeightsBytes", "optimizerStatesBytes", "optimizerBytes", "activationsBytes", "allowanceBytes",
            "totalBytes", "capacityBytes", "fits", "pipelineStage", "allowance"),
        keys(json));
    assertTrue(json.get("weightsBytes").isIntegralNumber());
    assertFalse(json.has("layerKinds"));
  }

  @Test
  void aHybridStackAlsoListsItsLayerKinds() throws Exception {
    JsonNode kinds = memory(jamba()).get("layerKinds");
    assertEquals(4, kinds.get("attentionLayers").asInt());
    assertEquals(28, kinds.get("sequenceMixerLayers").asInt());
    assertTrue(kinds.get("sequenceMixerLayerActivationBytes").asDouble() > 0);
  }

  @Test
  void keyValueCacheRoundsBytesUpAndCountsTheRecurrentState() throws Exception {
    JsonNode dense =
        MAPPER.readTree(MAPPER.writeValueAsString(KeyValueCacheJson.toJson(DENSE, NumericFormat.BF16, 2048, 8, 2)));
    assertEquals(
        List.of("modelType", "precision", "sequenceLength", "batch", "bytesPerToken", "bytesPerTokenPerLayer",
            "cachedTokenLayersPerSequence", "totalBytes", "tensorParallel", "perRankBytes", "attentionLayers",
            "sequenceMixerLayers", "stateBytesPerSequence", "stateBytes", "totalBytesWithState"),
        keys(dense));
    // K and V, 2 bytes each, of d_model 2048 over 24 layers: 196,608 bytes per token; 8 x 2048 tokens.
    assertEquals(196_608.0, dense.get("bytesPerToken").asDouble());
    assertEquals(196_608L * 8 * 2048, dense.get("totalBytes").asLong());
    assertEquals(dense.get("totalBytes").asLong() / 2, dense.get("perRankBytes").asLong());
    assertEquals(0, dense.get("stateBytes").asLong());
    JsonNode hybrid =
        MAPPER.readTree(MAPPER.writeValueAsString(KeyValueCacheJson.toJson(jamba(), NumericFormat.BF16, 4096, 1, 1)));
    assertTrue(hybrid.get("stateBytes").asLong() > 0);
    assertEquals(
        hybrid.get("totalBytes").asLong() + hybrid.get("stateBytes").asLong(),
        hybrid.get("totalBytesWithState").asLong());
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
