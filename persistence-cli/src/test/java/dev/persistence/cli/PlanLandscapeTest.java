package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plan report's positioning, forecast and obligations, on the example scenarios. */
class PlanLandscapeTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void competitivePlanIsPlacedAndForecast() throws Exception {
    CommandRun run = CommandRun.of("plan", EXAMPLES.resolve("competitive.yaml").toString(), "--json", "--samples", "100");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    JsonNode positioning = json.get("positioning");
    assertEquals("2026-12-31", positioning.get("date").asText());
    assertTrue(positioning.get("attribution").asText().contains("Epoch AI"), run.out());
    assertTrue(positioning.get("rank").asInt() >= 1);
    // Llama 3.1-405B is Epoch's 3.8e25 FLOP (Confident); the plan trains a 405B model on 4T tokens, about a quarter
    // of Llama 3.1's 15.6T, so it lands below it.
    assertTrue(positioning.get("above").get("trainingComputeFlop").asDouble() > json.get("model").get("trainingFlops").asDouble());
    assertTrue(positioning.get("trend").get("growthPerYear").asDouble() > 1);
    JsonNode forecast = json.get("forecast");
    assertEquals("eval_gauntlet/core_average", forecast.get("metric").asText());
    assertEquals(47, forecast.get("runsFitted").asInt());
    assertTrue(forecast.get("scoreLower").asDouble() <= forecast.get("score").asDouble());
    assertTrue(forecast.get("score").asDouble() <= forecast.get("scoreUpper").asDouble());
    assertTrue(forecast.get("extrapolationOom").asDouble() > 2, run.out());
    assertEquals(6, forecast.get("epochOneOomAggregateErrorPoints").asInt());
  }

  @Test
  void textReportCarriesTheAttributionAndTheCaveat() {
    CommandRun run = CommandRun.of("plan", EXAMPLES.resolve("frontier.yaml").toString(), "--samples", "100");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Position among notable models (at 2027-06-30)"), run.out());
    assertTrue(run.out().contains("data: Epoch AI, 'Data on AI Models'"), run.out());
    assertTrue(run.out().contains("(Epoch: "), run.out());
  }
}
