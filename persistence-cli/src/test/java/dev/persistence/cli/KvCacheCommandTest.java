package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class KvCacheCommandTest {

  @Test
  void llamaTwoCachesHalfAMebibytePerTokenInBf16() throws Exception {
    // Llama 2 7B config: 32 layers x 2 (K, V) x 32 heads x 128 x 2 bytes = 524,288 bytes per token.
    CommandRun run = CommandRun.of("kv-cache", FlopsCommandTest.llama(), "--seq-len", "4096", "--batch", "8", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(524_288.0, json.get("bytesPerToken").asDouble());
    assertEquals(524_288L * 4096 * 8, json.get("totalBytes").asLong());
    CommandRun fp8 =
        CommandRun.of(
            "kv-cache", FlopsCommandTest.llama(), "--seq-len", "4096", "--batch", "8", "--precision", "fp8", "--json");
    assertEquals(262_144.0, new ObjectMapper().readTree(fp8.out()).get("bytesPerToken").asDouble());
  }

  @Test
  void aCacheBeyondALongIsAnErrorNotLongMaxValue() {
    // 524,288 bytes per token (above) x 2^31 - 1 tokens x 2^31 - 1 sequences is about 2.4e24 bytes, past 2^63.
    CommandRun run =
        CommandRun.of(
            "kv-cache", FlopsCommandTest.llama(), "--seq-len", "2147483647", "--batch", "2147483647", "--json");
    assertEquals(2, run.exitCode(), run.out());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(
        run.err().startsWith("persistence kv-cache: the cache for --batch (2147483647) x --seq-len (2147483647)"),
        run.err());
    assertTrue(run.err().endsWith("must be < 2^63 bytes\n"), run.err());
  }

  @Test
  void badPrecisionIsOneLine() {
    CommandRun run =
        CommandRun.of("kv-cache", FlopsCommandTest.llama(), "--seq-len", "16", "--batch", "1", "--precision", "fp7");
    assertEquals(2, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().startsWith("persistence kv-cache: numeric format (fp7) must be one of"), run.err());
  }

  /**
   * Jamba 1.5 Mini at 256K tokens: only its 4 attention layers cache keys and values, 4 GiB in bf16 (Lieber et al.
   * 2024 Table 1: 4GB), and its 28 Mamba layers keep a state that is the same at 1K and at 256K tokens.
   */
  @Test
  void hybridModelCachesOnlyItsAttentionLayers() throws Exception {
    String jamba = ParamsCommandTest.reference().resolve("hf-configs-2025/added/ai21-jamba-1.5-mini.json").toString();
    ObjectMapper mapper = new ObjectMapper();
    JsonNode longContext =
        mapper.readTree(CommandRun.of("kv-cache", jamba, "--seq-len", "262144", "--batch", "1", "--json").out());
    JsonNode shortContext =
        mapper.readTree(CommandRun.of("kv-cache", jamba, "--seq-len", "1024", "--batch", "1", "--json").out());
    assertEquals(4, longContext.get("attentionLayers").asInt());
    assertEquals(28, longContext.get("sequenceMixerLayers").asInt());
    assertEquals(4L << 30, longContext.get("totalBytes").asLong());
    assertTrue(longContext.get("stateBytes").asLong() > 0);
    assertEquals(shortContext.get("stateBytes").asLong(), longContext.get("stateBytes").asLong());
  }
}
