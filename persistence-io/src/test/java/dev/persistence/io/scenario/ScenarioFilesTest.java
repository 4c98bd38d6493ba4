package dev.persistence.io.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.costing.plan.Scenario;
import dev.persistence.costing.uncertainty.CostInput;
import dev.persistence.costing.uncertainty.Uniform;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFilesTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  /** The bundled scenarios read, write as one self-contained document, and read back equal, in JSON and YAML. */
  @Test
  void bundledScenariosRoundTrip() {
    AcceleratorCatalog catalog = AcceleratorCatalog.bundled();
    for (String name : new String[] {"frontier.yaml", "competitive.yaml", "post-training.yaml"}) {
      Scenario scenario = ScenarioFiles.read(EXAMPLES.resolve(name));
      for (DocumentFormat format : DocumentFormat.values()) {
        JsonNode written = ScenarioFiles.write(scenario, catalog);
        String text = Documents.print(written, format);
        Scenario back = ScenarioFiles.read(DocumentNode.root(Documents.parse(text, format, name), name), Path.of("."));
        assertEquals(scenario, back, name + " in " + format);
        assertEquals(written, ScenarioFiles.write(back, catalog));
      }
    }
  }

  /**
   * The regulation keys and the forecast's extrapolation setting are read, and round-trip: the obligations written
   * inline, the revenue as given.
   */
  @Test
  void regulationKeysAndExtrapolationSettingRoundTrip() {
    Path file = Path.of("src/test/resources/dev/persistence/io/schema/every-form.scenario.yaml");
    Scenario scenario = ScenarioFiles.read(DocumentNode.root(Documents.read(file), "every form"), EXAMPLES);
    assertEquals(
        dev.persistence.scaling.forecast.ExtrapolationError.EPOCH_BIG_BENCH_TASK,
        scenario.forecast().orElseThrow().settings().extrapolationError());
    assertEquals(new dev.persistence.costing.regulation.DeveloperRevenue(6.0e8, 2025), scenario.developerRevenue().orElseThrow());
    assertEquals("team-duty", scenario.obligations().orElseThrow().obligations().get(0).id());
    // The cluster's board power limit overrides the accelerator's: 500 W of its 700 W TDP.
    assertEquals(500.0, scenario.cluster().powerLimitWatts().orElseThrow());
    assertEquals(500.0 / 700, scenario.cluster().powerLimitFraction(), 1e-12);
    for (DocumentFormat format : DocumentFormat.values()) {
      String text = Documents.print(ScenarioFiles.write(scenario, AcceleratorCatalog.bundled()), format);
      Scenario back = ScenarioFiles.read(DocumentNode.root(Documents.parse(text, format, "copy"), "copy"), Path.of("."));
      assertEquals(scenario.developerRevenue(), back.developerRevenue(), format.toString());
      assertEquals(scenario.obligations(), back.obligations(), format.toString());
      assertEquals(scenario.forecast(), back.forecast(), format.toString());
      assertEquals(scenario.cluster(), back.cluster(), format.toString());
    }
    // The default stays Epoch's aggregate figure.
    assertEquals(
        dev.persistence.scaling.forecast.ExtrapolationError.EPOCH_BBH_AGGREGATE,
        ScenarioFiles.read(EXAMPLES.resolve("competitive.yaml")).forecast().orElseThrow().settings().extrapolationError());
  }

  @Test
  void theFrontierScenarioSaysWhatItsFileSays() {
    Scenario frontier = ScenarioFiles.read(EXAMPLES.resolve("frontier.yaml"));
    assertEquals(8_192, frontier.cluster().acceleratorCount());
    assertEquals(15e12, frontier.trainingTokens());
    assertEquals("epoch", frontier.law().name());
    assertEquals(new Uniform(0.30, 0.45), frontier.uncertainty().get(CostInput.MODEL_FLOPS_UTILIZATION));
    assertTrue(frontier.dataMixture().isPresent());
    assertTrue(frontier.owned().isPresent());
    assertEquals(5, frontier.targets().size());
  }

  @Test
  void errorsNameThePath(@TempDir Path folder) throws IOException {
    String competitive = Files.readString(EXAMPLES.resolve("competitive.yaml"));
    Files.createDirectories(folder.resolve("models"));
    Files.createDirectories(folder.resolve("data"));
    Files.copy(EXAMPLES.resolve("models/llama-3.1-405b.yaml"), folder.resolve("models/llama-3.1-405b.yaml"));
    Files.copy(EXAMPLES.resolve("data/mixture.yaml"), folder.resolve("data/mixture.yaml"));
    Path file = folder.resolve("s.yaml");
    Files.writeString(file, competitive.replace("law: epoch", "law: chinchila"));
    InvalidDocumentException law = assertThrows(InvalidDocumentException.class, () -> ScenarioFiles.read(file));
    assertTrue(law.getMessage().startsWith(file + ": law (line 23, column 6): "), law.getMessage());
    Files.writeString(
        file, competitive.replace("{distribution: uniform, min: 0.30, max: 0.45}", "{distribution: uniformm, min: 0.30, max: 0.45}"));
    InvalidDocumentException distribution =
        assertThrows(InvalidDocumentException.class, () -> ScenarioFiles.read(file));
    assertEquals(
        file + ": uncertainty.assumptions.modelFlopsUtilization.distribution: unknown distribution type \"uniformm\";"
            + " expected one of constant, uniform, log-uniform, triangular, normal, log-normal, scenarios; did you mean"
            + " uniform?",
        withoutLocation(distribution.getMessage()));
    Files.writeString(file, competitive.replace("  sequenceLength: 8192\n", "  sequenceLength: 8192\n  tokenz: 1\n"));
    InvalidDocumentException unknown = assertThrows(InvalidDocumentException.class, () -> ScenarioFiles.read(file));
    assertEquals(file + ": training.tokenz: unknown field; did you mean tokens?", withoutLocation(unknown.getMessage()));
    Files.writeString(file, competitive.replace("tokens: 4.0e12", "tokens: -4.0e12"));
    InvalidDocumentException tokens = assertThrows(InvalidDocumentException.class, () -> ScenarioFiles.read(file));
    assertEquals(file + ": training.tokens: expected a number > 0, got -4.0E12", withoutLocation(tokens.getMessage()));
    Files.writeString(file, competitive.replace("contingencyFraction: 0.15", "contingencyFraction: -1"));
    InvalidDocumentException negative = assertThrows(InvalidDocumentException.class, () -> ScenarioFiles.read(file));
    assertEquals(file + ": program.contingencyFraction: contingencyFraction (-1.0) must be finite and >= 0", withoutLocation(negative.getMessage()));
  }

  /** The message without the line and column, which {@code SourceLocationsTest} checks. */
  private static String withoutLocation(String message) {
    return message.replaceFirst(" \\(line \\d+, column \\d+\\)", "");
  }
}
