package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsCommandTest {

  @Test
  void jsonListsTheCatalogWithSources() throws Exception {
    CommandRun run = CommandRun.of("datasets", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode datasets = new ObjectMapper().readTree(run.out()).get("datasets");
    assertTrue(datasets.size() >= 8);
    JsonNode fineweb = datasets.get(0);
    assertEquals("fineweb", fineweb.get("name").asText());
    // HuggingFaceFW/blogpost-fineweb-v1: 15 trillion tokens.
    assertEquals(15e12, fineweb.get("uniqueTokens").asDouble(), 1);
    for (JsonNode entry : datasets) {
      assertTrue(!entry.get("source").asText().isBlank() && !entry.get("asOf").asText().isBlank(), entry.toString());
    }
  }

  @Test
  void tableShowsTokensAndStatus() {
    CommandRun run = CommandRun.of("datasets");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("dclm-pool"), run.out());
    assertTrue(run.out().contains("240T"), run.out());
    assertTrue(run.out().contains("secondary"), run.out());
  }

  @Test
  void userCatalogAddsEntries(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("team.yaml");
    Files.writeString(
        file, "catalogVersion: t\ndatasets:\n  - {name: team-crawl, tokens: 2e12, licence: proprietary}\n");
    CommandRun run = CommandRun.of("datasets", "--datasets", file.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("team-crawl"), run.out());
  }
}
