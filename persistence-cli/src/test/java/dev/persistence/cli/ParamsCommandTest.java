package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ParamsCommandTest {

  static Path reference() {
    return Path.of(System.getProperty("persistence.reference", "../reference"));
  }

  /** Mixtral 8x7B: 46,702,792,704 in total (parameter-counts.json, keras-hub preset metadata). */
  @Test
  void jsonHasTheCountsAsIntegers() throws Exception {
    CommandRun run = CommandRun.of("params", reference().resolve("hf-configs/mixtral-8x7b-v0.1.json").toString(), "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("mixtral", json.get("modelType").asText());
    assertTrue(json.get("totalParameters").isIntegralNumber());
    assertEquals(46_702_792_704L, json.get("totalParameters").asLong());
    assertEquals(12_879_925_248L, json.get("activeParameters").asLong());
    long sum = 0;
    for (JsonNode count : json.get("breakdown")) {
      assertTrue(count.isIntegralNumber());
      sum += count.asLong();
    }
    assertEquals(json.get("totalParameters").asLong(), sum);
    for (String field :
        new String[] {"activeParametersExcludingEmbedding", "embeddingParameters", "nonEmbeddingParameters"}) {
      assertTrue(json.get(field).isIntegralNumber(), field);
    }
  }

  /**
   * Gemma 3 27B: the text model and the named SigLIP tower and projector, whose sum is the checkpoint's
   * 27,432,406,640 (reference/hf-configs-2025/INDEX.json).
   */
  @Test
  void multimodalWrapperPrintsItsComponents() throws Exception {
    CommandRun run =
        CommandRun.of("params", reference().resolve("hf-configs-2025/gemma-3-27b-it.json").toString(), "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(27_432_406_640L, json.get("checkpointParameters").asLong());
    assertEquals(6_194_304L, json.get("components").get("multi_modal_projector").asLong());
    long sum = json.get("totalParameters").asLong();
    for (JsonNode count : json.get("components")) {
      sum += count.asLong();
    }
    assertEquals(json.get("checkpointParameters").asLong(), sum);
    CommandRun table = CommandRun.of("params", reference().resolve("hf-configs-2025/gemma-3-27b-it.json").toString());
    assertTrue(table.out().contains("vision_tower (vision tower)"), table.out());
  }

  @Test
  void tableByDefault() {
    CommandRun run = CommandRun.of("params", reference().resolve("hf-configs/gpt2.json").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("124,439,808"), run.out());
  }

  @Test
  void badInputExitsTwoWithOneLine() {
    CommandRun missing = CommandRun.of("params", "does-not-exist.json");
    assertEquals(2, missing.exitCode());
    assertEquals("persistence params: does-not-exist.json: no such file\n", missing.err());
    CommandRun noArgument = CommandRun.of("params");
    assertEquals(2, noArgument.exitCode());
    assertTrue(noArgument.oneErrorLine(), noArgument.err());
    CommandRun unknownOption = CommandRun.of("params", "x.json", "--jsn");
    assertEquals(2, unknownOption.exitCode());
    assertTrue(unknownOption.oneErrorLine(), unknownOption.err());
    CommandRun noCommand = CommandRun.of();
    assertEquals(2, noCommand.exitCode());
    assertTrue(noCommand.oneErrorLine(), noCommand.err());
  }

  @Test
  void helpOnEveryCommand() {
    for (String command : new String[] {"params", "flops"}) {
      CommandRun help = CommandRun.of(command, "--help");
      assertEquals(0, help.exitCode());
      assertTrue(help.out().contains("Usage: persistence " + command), help.out());
    }
    assertEquals(0, CommandRun.of("--help").exitCode());
  }
}
