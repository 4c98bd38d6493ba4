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

class PostTrainCommandTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void oneStageAsTextAndJson() throws IOException {
    String file = EXAMPLES.resolve("post-training/tulu3-405b-rlvr.yaml").toString();
    CommandRun text = CommandRun.of("post-train", file);
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().contains("one step"), text.out());
    assertTrue(text.out().contains("rollout generation"), text.out());
    CommandRun json = CommandRun.of("post-train", file, "--json");
    assertEquals(0, json.exitCode(), json.err());
    JsonNode result = new ObjectMapper().readTree(json.out());
    assertEquals("rl", result.get("kind").asText());
    assertEquals(248, result.get("accelerators").asLong());
    double sum = 0;
    for (JsonNode part : result.get("breakdown")) {
      sum += part.get("acceleratorHours").asDouble();
    }
    assertEquals(result.get("acceleratorHours").asDouble(), sum, sum * 1e-9);
    JsonNode step = result.get("step");
    assertEquals(step.get("generationShare").asDouble(), step.get("generationSeconds").asDouble() / step.get("stepSeconds").asDouble(), 1e-12);
  }

  @Test
  void badInputIsOneLineAndExitTwo(@TempDir Path folder) throws IOException {
    String stage =
        Files.readString(EXAMPLES.resolve("post-training/reasoning-grpo.yaml"))
            .replace("../models/", EXAMPLES.resolve("models").toAbsolutePath() + "/");
    Path file = folder.resolve("stage.yaml");
    Files.writeString(file, stage.replace("maxResponseTokens: 32768", "maxResponseTokens: 100"));
    CommandRun run = CommandRun.of("post-train", file.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("rl.maxResponseTokens (100) must be >= meanResponseTokens (8192.0)"), run.err());
    // A rule only the estimate can check (memory) names the file as well.
    Files.writeString(file, stage.replace("generationTensorParallel: 4", "generationTensorParallel: 1").replace("nodeCount: 8", "nodeCount: 8").replace("maxResponseTokens: 32768", "maxResponseTokens: 1000000"));
    CommandRun big = CommandRun.of("post-train", file.toString());
    assertEquals(2, big.exitCode());
    assertTrue(big.oneErrorLine(), big.err());
  }

  @Test
  void planReportsItsStages() throws IOException {
    String file = EXAMPLES.resolve("post-training.yaml").toString();
    CommandRun json = CommandRun.of("plan", file, "--json", "--samples", "100");
    assertEquals(0, json.exitCode(), json.err());
    JsonNode post = new ObjectMapper().readTree(json.out()).get("postTraining");
    assertEquals(5, post.get("stages").size());
    assertTrue(post.get("trainingFlops").asDouble() > 0);
    CommandRun text = CommandRun.of("plan", file, "--samples", "100");
    assertTrue(text.out().contains("Post-training ("), text.out());
    assertTrue(text.out().contains("red-teaming"), text.out());
  }
}
