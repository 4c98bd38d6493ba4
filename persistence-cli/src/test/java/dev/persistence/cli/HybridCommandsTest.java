package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code memory} and {@code train} print a hybrid stack by layer kind (issue 22); others are unchanged. */
class HybridCommandsTest {

  private static String jamba() {
    return ParamsCommandTest.reference().resolve("hf-configs-2025/added/ai21-jamba-1.5-mini.json").toString();
  }

  @Test
  void memoryPrintsAttentionAndMixerLayers() throws Exception {
    CommandRun run =
        CommandRun.of(
            "memory", jamba(), "--accelerator", "h100", "--tp", "8", "--dp", "1", "--seq-len", "8192", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode kinds = new ObjectMapper().readTree(run.out()).get("layerKinds");
    // Jamba: one attention layer in eight of its 32 (Lieber et al. 2024 section 2, a:m = 1:7).
    assertEquals(4, kinds.get("attentionLayers").asInt());
    assertEquals(28, kinds.get("sequenceMixerLayers").asInt());
    assertEquals("mamba", kinds.get("sequenceMixer").asText());
    assertTrue(kinds.get("sequenceMixerLayerActivationBytes").asDouble() > 0);
    assertTrue(kinds.get("attentionLayerActivationBytes").asDouble() > 0);
    CommandRun table =
        CommandRun.of("memory", jamba(), "--accelerator", "h100", "--tp", "8", "--dp", "1", "--seq-len", "8192");
    assertEquals(0, table.exitCode(), table.err());
    assertTrue(table.out().contains("sequenceMixerLayers"), table.out());
  }

  @Test
  void trainPrintsEachLayerKindsCost() throws Exception {
    CommandRun run =
        CommandRun.of(
            "train", jamba(), "--accelerator", "h100", "--gpus", "8", "--tp", "8", "--pp", "1", "--micro-batch", "1",
            "--global-batch", "8", "--seq-len", "32768", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode kinds = new ObjectMapper().readTree(run.out()).get("layerKinds");
    assertEquals(4, kinds.get("attentionLayers").asInt());
    assertEquals(28, kinds.get("sequenceMixerLayers").asInt());
    // At 32K tokens an attention layer's s^2 core outweighs a Mamba layer's linear scan.
    assertTrue(
        kinds.get("attentionLayerSeconds").asDouble() > kinds.get("sequenceMixerLayerSeconds").asDouble(),
        run.out());
    CommandRun table =
        CommandRun.of(
            "train", jamba(), "--accelerator", "h100", "--gpus", "8", "--tp", "8", "--pp", "1", "--micro-batch", "1",
            "--global-batch", "8", "--seq-len", "32768");
    assertEquals(0, table.exitCode(), table.err());
    assertTrue(table.out().contains("mamba layers"), table.out());
  }

  private static String nemotronNano() {
    return ParamsCommandTest.reference().resolve("hf-configs-2025/added/nvidia-nemotron-nano-9b-v2.json").toString();
  }

  /**
   * Nemotron Nano 9B v2, whose layers hold one block each: {@code params} gives its published total, {@code memory}
   * and {@code train} print the MLP-only layers as a third kind, {@code kv-cache} only its four attention layers'
   * cache beside the Mamba layers' constant state.
   */
  @Test
  void nemotronHPrintsItsThreeLayerKinds() throws Exception {
    ObjectMapper json = new ObjectMapper();
    CommandRun params = CommandRun.of("params", nemotronNano(), "--json");
    assertEquals(0, params.exitCode(), params.err());
    assertTrue(params.out().contains("8888227328"), params.out());
    CommandRun memory =
        CommandRun.of(
            "memory", nemotronNano(), "--accelerator", "h100", "--tp", "8", "--dp", "1", "--seq-len", "8192", "--json");
    assertEquals(0, memory.exitCode(), memory.err());
    JsonNode kinds = json.readTree(memory.out()).get("layerKinds");
    assertEquals(4, kinds.get("attentionLayers").asInt());
    assertEquals(27, kinds.get("sequenceMixerLayers").asInt());
    assertEquals(25, kinds.get("feedForwardOnlyLayers").asInt());
    assertTrue(kinds.get("feedForwardOnlyLayerActivationBytes").asDouble() > 0);
    CommandRun train =
        CommandRun.of(
            "train", nemotronNano(), "--accelerator", "h100", "--gpus", "8", "--tp", "8", "--pp", "1", "--micro-batch",
            "1", "--global-batch", "8", "--seq-len", "32768", "--json");
    assertEquals(0, train.exitCode(), train.err());
    JsonNode times = json.readTree(train.out()).get("layerKinds");
    assertEquals(25, times.get("feedForwardOnlyLayers").asInt());
    assertTrue(times.get("feedForwardOnlyLayerSeconds").asDouble() > 0, train.out());
    CommandRun short8k =
        CommandRun.of("kv-cache", nemotronNano(), "--seq-len", "8192", "--batch", "1", "--json");
    CommandRun long128k =
        CommandRun.of("kv-cache", nemotronNano(), "--seq-len", "131072", "--batch", "1", "--json");
    assertEquals(0, short8k.exitCode(), short8k.err());
    JsonNode atShort = json.readTree(short8k.out());
    JsonNode atLong = json.readTree(long128k.out());
    assertEquals(4, atShort.get("attentionLayers").asInt());
    assertEquals(atShort.get("stateBytesPerSequence").asDouble(), atLong.get("stateBytesPerSequence").asDouble());
    assertEquals(16 * atShort.get("totalBytes").asLong(), atLong.get("totalBytes").asLong());
  }

  @Test
  void allAttentionModelsPrintNoLayerKinds() throws Exception {
    CommandRun run =
        CommandRun.of(
            "memory", FlopsCommandTest.llama(), "--accelerator", "h100", "--tp", "8", "--seq-len", "4096", "--json");
    assertEquals(0, run.exitCode(), run.err());
    assertFalse(new ObjectMapper().readTree(run.out()).has("layerKinds"));
  }
}
