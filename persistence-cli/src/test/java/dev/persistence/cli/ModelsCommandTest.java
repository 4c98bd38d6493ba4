package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {

  @Test
  void filtersByDateAndComputeAndKeepsEpochsAttribution() throws Exception {
    CommandRun run = CommandRun.of("models", "--since", "2025-01-01", "--min-compute", "1e26", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertTrue(result.get("attribution").asText().startsWith("Epoch AI, 'Data on AI Models'"));
    assertTrue(result.get("count").asInt() >= 2);
    boolean grok = false;
    for (JsonNode model : result.get("models")) {
      assertTrue(model.get("publicationDate").asText().compareTo("2025-01-01") >= 0, model.toString());
      assertTrue(model.get("trainingComputeFlop").asDouble() >= 1e26, model.toString());
      if (model.get("name").asText().equals("Grok 3")) {
        // Epoch AI (reference/catalog/epoch-estimates.json, cat-epoch-grok3): 3.5e26 FLOP, Likely.
        assertEquals(3.5e26, model.get("trainingComputeFlop").asDouble());
        assertEquals("likely", model.get("computeConfidence").asText());
        grok = true;
      }
    }
    assertTrue(grok, run.out());
    assertTrue(result.get("frontierTrend").get("growthPerYear").asDouble() > 1);
  }

  @Test
  void tableEndsWithTheTrendAndTheAttribution() {
    CommandRun run = CommandRun.of("models", "--since", "2024-07-01", "--min-compute", "3e25");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Llama 3.1-405B"), run.out());
    assertTrue(run.out().contains("frontier compute trend: "), run.out());
    assertTrue(run.out().contains("data: Epoch AI, 'Data on AI Models'"), run.out());
    assertTrue(run.out().contains("CC BY 4.0"), run.out());
  }

  @Test
  void userCatalogOverridesAndAdds(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("team.yaml");
    Files.writeString(
        file,
        "catalogVersion: t\nmodels:\n  - {name: Our Model, organization: Us, publicationDate: 2026-03-01,"
            + " trainingComputeFlop: 2e26}\n");
    CommandRun run = CommandRun.of("models", "--catalog", file.toString(), "--since", "2026-01-01", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode models = new ObjectMapper().readTree(run.out()).get("models");
    assertEquals(1, models.size());
    assertEquals("user catalog " + file, models.get(0).get("source").asText());
  }

  @Test
  void badInputIsOneLineAndExitTwo(@TempDir Path directory) throws Exception {
    CommandRun date = CommandRun.of("models", "--since", "last year");
    assertEquals(2, date.exitCode());
    assertTrue(date.err().contains("--since (last year) must be a date"), date.err());
    assertFalse(date.err().contains("Exception"), date.err());
    Path file = directory.resolve("bad.json");
    Files.writeString(file, "{\"catalogVersion\": 1, \"models\": [{\"name\": \"x\"}]}");
    CommandRun missing = CommandRun.of("models", "--catalog", file.toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("organization"), missing.err());
  }
}
