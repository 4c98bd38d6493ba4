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
    // The plan's cumulative compute is above 1e25 and below 1e26: EU obligations (Art. 53 and 55) only.
    JsonNode obligations = json.get("obligations");
    boolean art55 = false;
    for (JsonNode o : obligations) {
      assertTrue(o.get("instrument").asText().equals("EU AI Act"), o.toString());
      assertTrue(!o.get("source").asText().isBlank() && !o.get("appliesFrom").asText().isBlank(), o.toString());
      art55 |= o.get("provision").asText().equals("Art. 55(1)(a)");
    }
    assertTrue(art55, obligations.toString());
  }

  @Test
  void textReportCarriesTheAttributionAndTheCaveat() {
    // The dense 1.1T (1.1e26 FLOP) crosses SB 53 and RAISE; the MoE frontier.yaml (3.7e24 FLOP) crosses neither.
    CommandRun run = CommandRun.of("plan", EXAMPLES.resolve("frontier-dense.yaml").toString(), "--samples", "100");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Position among notable models (at 2027-06-30)"), run.out());
    assertTrue(run.out().contains("data: Epoch AI, 'Data on AI Models'"), run.out());
    assertTrue(run.out().contains("(Epoch: "), run.out());
    assertTrue(run.out().contains("California SB 53 (TFAIA), california-sb53-frontier-model; sanction: civil penalty up to $1,000,000"), run.out());
    assertTrue(run.out().contains("New York RAISE Act, new-york-raise-frontier-model"), run.out());
    // The scenario gives no developerRevenue: SB 53's large-developer duties are unknown, not assumed.
    assertTrue(run.out().contains("developer revenue: not given (developerRevenue)"), run.out());
    assertTrue(
        run.out().contains("[tier unknown: no developerRevenue; applies above $500,000,000]"),
        run.out());
  }
}
