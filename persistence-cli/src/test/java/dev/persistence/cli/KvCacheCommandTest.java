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
  void badPrecisionIsOneLine() {
    CommandRun run =
        CommandRun.of("kv-cache", FlopsCommandTest.llama(), "--seq-len", "16", "--batch", "1", "--precision", "fp7");
    assertEquals(2, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().startsWith("persistence kv-cache: numeric format (fp7) must be one of"), run.err());
  }
}
