package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {

  @TempDir Path folder;

  @Test
  void jsonListsFittingPlansFastestFirst() throws Exception {
    CommandRun run =
        CommandRun.of(
            "search", TrainCommandTest.gpt3(folder).toString(), "--accelerator", "A100-SXM4-80GB", "--gpus", "64",
            "--global-batch", "64", "--seq-len", "2048", "--top", "3", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertTrue(json.get("evaluatedPlans").asLong() > 1000);
    assertTrue(json.get("searchSeconds").isNumber());
    JsonNode plans = json.get("plans");
    assertEquals(3, plans.size());
    double previous = 0;
    for (JsonNode plan : plans) {
      assertTrue(plan.get("fits").asBoolean());
      assertTrue(plan.get("memoryBytesPerAccelerator").asLong() <= plan.get("memoryCapacityBytes").asLong());
      assertTrue(plan.get("stepSeconds").asDouble() >= previous);
      previous = plan.get("stepSeconds").asDouble();
      assertEquals(64, plan.get("plan").get("acceleratorCount").asInt());
      for (String field : new String[] {"tokensPerSecond", "mfu", "hfu", "achievedFlopsPerAcceleratorPerSecond"}) {
        assertTrue(plan.get(field).asDouble() > 0, field);
      }
    }
  }

  /** {@code --tp-comm forward-exposed} (TorchTitan without async TP): every plan found carries the setting. */
  @Test
  void exposedForwardTensorParallelCommunicationIsAFactOfEveryPlanFound() throws Exception {
    CommandRun run =
        CommandRun.of(
            "search", TrainCommandTest.gpt3(folder).toString(), "--accelerator", "h100", "--gpus", "64",
            "--global-batch", "64", "--seq-len", "2048", "--top", "2", "--no-offload", "--tp-comm",
            "forward-exposed", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode plans = new ObjectMapper().readTree(run.out()).get("plans");
    assertEquals(2, plans.size());
    for (JsonNode plan : plans) {
      assertEquals("forward-exposed", plan.get("plan").get("tensorParallelCommunication").asText());
    }
  }

  @Test
  void costObjectiveMayUseFewerAccelerators() throws Exception {
    CommandRun run =
        CommandRun.of(
            "search", TrainCommandTest.gpt3(folder).toString(), "--accelerator", "a100", "--gpus", "128",
            "--global-batch", "128", "--seq-len", "2048", "--objective", "cost", "--top", "1", "--json",
            "--no-offload");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode plan = new ObjectMapper().readTree(run.out()).get("plans").get(0);
    assertTrue(plan.get("plan").get("acceleratorCount").asInt() <= 128);
  }

  @Test
  void nothingFitsPrintsNoPlans() throws Exception {
    // 175B parameters x 18 bytes = 3.15 TB of model state cannot fit on 8 x 80 GB.
    CommandRun run =
        CommandRun.of(
            "search", TrainCommandTest.gpt3(folder).toString(), "--accelerator", "a100", "--gpus", "8",
            "--global-batch", "8", "--seq-len", "2048", "--no-offload", "--json");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(0, new ObjectMapper().readTree(run.out()).get("plans").size());
  }

  @Test
  void badObjectiveIsOneLine() throws Exception {
    CommandRun run =
        CommandRun.of(
            "search", TrainCommandTest.gpt3(folder).toString(), "--accelerator", "a100", "--gpus", "8",
            "--global-batch", "8", "--seq-len", "2048", "--objective", "speed");
    assertEquals(2, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().startsWith("persistence search: "), run.err());
  }
}
