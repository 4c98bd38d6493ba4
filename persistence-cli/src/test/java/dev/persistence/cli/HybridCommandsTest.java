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

  @Test
  void allAttentionModelsPrintNoLayerKinds() throws Exception {
    CommandRun run =
        CommandRun.of(
            "memory", FlopsCommandTest.llama(), "--accelerator", "h100", "--tp", "8", "--seq-len", "4096", "--json");
    assertEquals(0, run.exitCode(), run.err());
    assertFalse(new ObjectMapper().readTree(run.out()).has("layerKinds"));
  }
}
