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

class PlanCommandTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  /** The two bundled scenarios of the founding brief run end to end and say where each row stands. */
  @Test
  void bundledScenariosProduceTheRequiredFigures() throws IOException {
    for (String scenario : new String[] {"frontier.yaml", "frontier-dense.yaml", "competitive.yaml"}) {
      CommandRun run =
          CommandRun.of("plan", EXAMPLES.resolve(scenario).toString(), "--json", "--samples", "200");
      assertEquals(0, run.exitCode(), run.err());
      JsonNode json = new ObjectMapper().readTree(run.out());
      for (String field :
          new String[] {"totalCostUsd", "trainingDays", "acceleratorHours", "energyKwh", "co2Tonnes"}) {
        assertTrue(json.get(field).isNumber() && json.get(field).asDouble() > 0, scenario + " " + field);
      }
      assertTrue(json.get("thresholdsCrossed").isArray());
      assertEquals(5, json.get("targets").size(), scenario);
      for (JsonNode target : json.get("targets")) {
        assertEquals(target.get("miss").asDouble() == 0, target.get("inside").asBoolean());
      }
      JsonNode program = json.get("program");
      double sum = 0;
      for (JsonNode month : program.get("monthlyBurnUsd")) {
        sum += month.asDouble();
      }
      assertEquals(program.get("plannedUsd").asDouble(), sum, 1e-6 * sum);
      assertEquals(json.get("totalCostUsd").asDouble(), program.get("fundingNeededUsd").asDouble(), 1e-6);
      // Serving is priced by the roofline and its cost is part of the program's compute.
      JsonNode serving = json.get("serving");
      assertTrue(serving.get("replicas").asLong() > 0, scenario);
      assertTrue(program.get("computeUsd").asDouble() > serving.get("costUsd").asDouble(), scenario);
    }
  }

  /** {@code --html} writes one page whose embedded JSON document is exactly what {@code --json} prints. */
  @Test
  void htmlPageEmbedsTheJsonTheCommandPrints(@TempDir Path folder) throws IOException {
    for (String scenario : new String[] {"frontier.yaml", "competitive.yaml"}) {
      Path page = folder.resolve(scenario.replace(".yaml", ".html"));
      CommandRun run =
          CommandRun.of(
              "plan", EXAMPLES.resolve(scenario).toString(), "--json", "--samples", "300", "--html", page.toString());
      assertEquals(0, run.exitCode(), run.err());
      String html = Files.readString(page);
      String start = "<script id=\"plan-report\" type=\"application/json\">\n";
      int from = html.indexOf(start);
      assertTrue(from > 0, scenario);
      String embedded = html.substring(from + start.length(), html.indexOf("\n</script>", from));
      assertEquals(run.out().strip(), embedded.replace("\\u003c", "<"), scenario);
      assertTrue(html.length() < 2_000_000, scenario + ": " + html.length() + " characters");
    }
  }

  @Test
  void htmlIntoAMissingFolderIsOneErrorLine(@TempDir Path folder) {
    Path page = folder.resolve("no-such-folder").resolve("report.html");
    CommandRun run =
        CommandRun.of("plan", EXAMPLES.resolve("competitive.yaml").toString(), "--samples", "100", "--html", page.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("--html (" + page + ")"), run.err());
  }

  @Test
  void theReportIsReadable() {
    CommandRun run = CommandRun.of("plan", EXAMPLES.resolve("competitive.yaml").toString(), "--samples", "100");
    assertEquals(0, run.exitCode(), run.err());
    for (String section : new String[] {"Compute-optimal check", "Run on 8192 x H100-SXM5-80GB", "Regulatory thresholds",
        "Program (", "Uncertainty (100 samples", "Targets"}) {
      assertTrue(run.out().contains(section), section + "\n" + run.out());
    }
  }

  @Test
  void sameSeedSameReport() {
    String file = EXAMPLES.resolve("competitive.yaml").toString();
    assertEquals(
        CommandRun.of("plan", file, "--json", "--samples", "300", "--seed", "7").out(),
        CommandRun.of("plan", file, "--json", "--samples", "300", "--seed", "7").out());
  }

  @Test
  void scenarioErrorsNameTheirPath(@TempDir Path folder) throws IOException {
    String frontier = Files.readString(EXAMPLES.resolve("frontier.yaml"));
    Files.createDirectories(folder.resolve("models"));
    Files.createDirectories(folder.resolve("data"));
    Files.copy(EXAMPLES.resolve("models/frontier-1t-moe.yaml"), folder.resolve("models/frontier-1t-moe.yaml"));
    Files.copy(EXAMPLES.resolve("data/mixture.yaml"), folder.resolve("data/mixture.yaml"));
    Path file = folder.resolve("s.yaml");

    Files.writeString(file, frontier.replace("accelerator: H100-SXM5-80GB", "accelerator: H10"));
    CommandRun unknown = CommandRun.of("plan", file.toString());
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.oneErrorLine(), unknown.err());
    assertTrue(unknown.err().startsWith("persistence plan: " + file + ": cluster.accelerator (line 20, column 16): unknown accelerator"), unknown.err());
    assertTrue(unknown.err().contains("H100-SXM5-80GB"), unknown.err());

    Files.writeString(file, frontier.replace("  acceleratorsPerNode: 8", "  acceleratorPerNode: 8"));
    CommandRun misspelt = CommandRun.of("plan", file.toString());
    assertEquals(
        "persistence plan: " + file + ": cluster.acceleratorPerNode: unknown field; did you mean acceleratorsPerNode?\n",
        withoutLocation(misspelt.err()));

    Files.writeString(file, frontier.replace("  tokens: 15.0e12\n", ""));
    CommandRun missing = CommandRun.of("plan", file.toString());
    assertEquals("persistence plan: " + file + ": training.tokens: missing required field\n", withoutLocation(missing.err()));

    Files.writeString(file, frontier.replace("{distribution: uniform, min: 0.30, max: 0.45}", "{distribution: uniform, min: 0.30, max: 1.45}"));
    CommandRun outOfRange = CommandRun.of("plan", file.toString());
    assertEquals(2, outOfRange.exitCode());
    assertTrue(outOfRange.err().contains("uncertainty.assumptions.modelFlopsUtilization"), outOfRange.err());

    // A rule broken only when planning (the model does not fit one accelerator for serving) names the file too.
    Files.writeString(file, frontier.replace("  tensorParallel: 16 ", "  tensorParallel: 1 "));
    CommandRun servingDoesNotFit = CommandRun.of("plan", file.toString());
    assertEquals(2, servingDoesNotFit.exitCode());
    assertTrue(servingDoesNotFit.oneErrorLine(), servingDoesNotFit.err());
    assertTrue(
        servingDoesNotFit.err().startsWith("persistence plan: " + file + ": serving: the model does not fit"),
        withoutLocation(servingDoesNotFit.err()));

    // A month far past any program: a bad-input error, not an out-of-memory failure or an overflowed month.
    Files.writeString(file, frontier.replace("startMonth: 0, durationMonths: 6,", "startMonth: 0, durationMonths: 2000000000,"));
    CommandRun tooLong = CommandRun.of("plan", file.toString());
    assertEquals(2, tooLong.exitCode());
    assertTrue(tooLong.err().startsWith("persistence plan: " + file + ": program.phases"), tooLong.err());
  }

  /** The message without the line and column of the value at fault, which io's {@code SourceLocationsTest} checks. */
  private static String withoutLocation(String message) {
    return message.replaceFirst(" \\(line \\d+, column \\d+\\)", "");
  }
}
