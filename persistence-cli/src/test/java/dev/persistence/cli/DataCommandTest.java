package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "data", "mixture.yaml");

  @TempDir Path directory;

  private Path write(String name, String... lines) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  @Test
  void jsonHasSourcesTokensEpochsAndTotals() throws Exception {
    CommandRun run = CommandRun.of("data", EXAMPLE.toString(), "--budget", "15T", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    JsonNode sources = json.get("sources");
    assertEquals(6, sources.size());
    double total = 0;
    for (JsonNode source : sources) {
      assertTrue(source.has("name") && source.has("tokens") && source.has("epochs"), source.toString());
      total += source.get("tokens").asDouble();
    }
    assertEquals(15e12, total, 1e3);
    // fineweb-edu: weight 0.30 of 15T = 4.5T tokens over its 1.3T (HuggingFaceFW/blogpost-fineweb-v1).
    JsonNode fineWebEdu = sources.get(0);
    assertEquals("fineweb-edu", fineWebEdu.get("name").asText());
    assertEquals(4.5e12, fineWebEdu.get("tokens").asDouble(), 1);
    assertEquals(4.5 / 1.3, fineWebEdu.get("epochs").asDouble(), 1e-9);
    assertTrue(json.get("uniqueTokens").asDouble() <= 15e12);
    assertTrue(json.get("effectiveTokens").asDouble() <= 15e12);
    assertTrue(json.get("effectiveTokens").asDouble() >= json.get("uniqueTokens").asDouble());
    assertTrue(json.get("costUsd").asDouble() > 0);
    // licensed-books: 5% of 15T over 5e10 tokens is 15 epochs, over the cap of 4.
    assertEquals(15, sources.get(3).get("epochs").asDouble(), 1e-9);
    assertTrue(sources.get(3).get("overRepeated").asBoolean());
    assertTrue(json.get("warnings").get(0).asText().startsWith("licensed-books is repeated 15.00 times"));
  }

  @Test
  void tableWarnsAboutOverRepeatedSources() {
    CommandRun run = CommandRun.of("data", EXAMPLE.toString(), "--budget", "1.5e13", "--parameters", "70B");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("warning: licensed-books is repeated"), run.out());
    assertTrue(run.out().contains("loss penalty of repetition"), run.out());
    assertTrue(run.out().contains("ASSUMPTION"), run.out());
  }

  @Test
  void unknownSourceIsOneLineWithSuggestion() throws IOException {
    Path file = write("m.yaml", "sources:", "  - {catalog: dclm-baselin, weight: 1.0}");
    CommandRun run = CommandRun.of("data", file.toString(), "--budget", "1T");
    assertEquals(PersistenceCommand.EXIT_BAD_INPUT, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("sources[0].catalog (line 2, column 15): unknown dataset \"dclm-baselin\"; did you mean dclm-baseline"), run.err());
  }

  @Test
  void weightsNotSummingToOneIsOneLine() throws IOException {
    Path file = write("m.json", "{\"sources\": [{\"catalog\": \"fineweb\", \"weight\": 0.6}, {\"catalog\": \"c4\", \"weight\": 0.6}]}");
    CommandRun run = CommandRun.of("data", file.toString(), "--budget", "1T");
    assertEquals(PersistenceCommand.EXIT_BAD_INPUT, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("sum to 1.2"), run.err());
  }

  @Test
  void unknownFieldIsOneLineWithSuggestion() throws IOException {
    Path file = write("m.yaml", "sources:", "  - {catalog: fineweb, weight: 1.0}", "epochcap: 4");
    CommandRun run = CommandRun.of("data", file.toString(), "--budget", "1T");
    assertEquals(PersistenceCommand.EXIT_BAD_INPUT, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("epochcap (line 3, column 11): unknown field; did you mean epochCap?"), run.err());
  }

  @Test
  void badBudgetIsOneLine() {
    CommandRun run = CommandRun.of("data", EXAMPLE.toString(), "--budget", "lots");
    assertEquals(PersistenceCommand.EXIT_BAD_INPUT, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("--budget (lots)"), run.err());
    CommandRun parameters = CommandRun.of("data", EXAMPLE.toString(), "--budget", "1T", "--parameters", "NaN");
    assertEquals(PersistenceCommand.EXIT_BAD_INPUT, parameters.exitCode());
    assertEquals(
        "persistence data: --parameters (NaN) must be a finite positive number of parameters, such as 1.5e13 or 15T\n",
        parameters.err());
  }

  @Test
  void missingFileIsOneLine() {
    CommandRun run = CommandRun.of("data", directory.resolve("none.yaml").toString(), "--budget", "1T");
    assertEquals(PersistenceCommand.EXIT_BAD_INPUT, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("no such file"), run.err());
  }
}
