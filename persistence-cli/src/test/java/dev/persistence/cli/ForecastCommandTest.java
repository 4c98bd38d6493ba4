package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code persistence forecast} on Sardana et al. 2024's runs (reference/scaling/sardana-trainingresults.csv). */
class ForecastCommandTest {
  private static final String RUNS =
      Path.of(System.getProperty("persistence.reference"), "scaling", "sardana-trainingresults.csv").toString();

  private static final String[] COLUMNS = {
    "--metric", "eval_gauntlet/core_average", "--params-column", "Parameters", "--tokens-column", "Tokens",
    "--loss-column", "Smoothed Loss", "--fit-max-params", "1.3e9", "--samples", "200"
  };

  private static String[] args(String... extra) {
    String[] all = new String[2 + COLUMNS.length + extra.length];
    all[0] = "forecast";
    all[1] = RUNS;
    System.arraycopy(COLUMNS, 0, all, 2, COLUMNS.length);
    System.arraycopy(extra, 0, all, 2 + COLUMNS.length, extra.length);
    return all;
  }

  @Test
  void fromLossForecastsTheSixBillionRun() throws Exception {
    // Sardana et al.'s 6B run (121B tokens): smoothed loss 2.4542530298233, core average 0.249224993508912.
    CommandRun run = CommandRun.of(args("--loss", "2.4542530298233", "--json"));
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(39, json.get("runsFitted").asInt());
    assertTrue(json.get("scoreLower").asDouble() <= 0.249224993508912, run.out());
    assertTrue(json.get("scoreUpper").asDouble() >= 0.249224993508912, run.out());
    assertEquals(6, json.get("epochOneOomAggregateErrorPoints").asInt());
    // The loss is 0.12 nats below the lowest fitted run's (1.3B, 315B tokens: 2.5708): the extrapolation term is
    // on by default and widens the bootstrap interval on both sides.
    JsonNode extrapolation = json.get("extrapolation");
    assertEquals("EPOCH_BBH_AGGREGATE", extrapolation.get("error").asText());
    assertTrue(extrapolation.get("scaledComputeOom").asDouble() > 0, run.out());
    assertTrue(extrapolation.get("halfWidth").asDouble() > 0, run.out());
    assertTrue(json.get("scoreLower").asDouble() < json.get("bootstrapLower").asDouble(), run.out());
    assertTrue(json.get("scoreUpper").asDouble() > json.get("bootstrapUpper").asDouble(), run.out());
    assertTrue(json.get("interval").asText().contains("Owen 2024"), run.out());
    CommandRun off = CommandRun.of(args("--loss", "2.4542530298233", "--extrapolation-error", "none", "--json"));
    assertEquals(0, off.exitCode(), off.err());
    JsonNode bootstrapOnly = new ObjectMapper().readTree(off.out());
    assertEquals(0, bootstrapOnly.get("extrapolation").get("halfWidth").asDouble());
    assertEquals(json.get("bootstrapUpper").asDouble(), bootstrapOnly.get("scoreUpper").asDouble(), 1e-12);
    assertTrue(json.get("caveat").asText().contains("6 points"), run.out());
  }

  @Test
  void textStatesEpochsExtrapolationError() {
    CommandRun run = CommandRun.of(args("--params", "6.05e9", "--tokens", "1.21e11"));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("step 1: loss law"), run.out());
    assertTrue(run.out().contains("interval") && run.out().contains("extrapolation +-"), run.out());
    assertTrue(run.out().contains("about 6 points of average absolute error on aggregate BIG-Bench Hard"), run.out());
  }

  @Test
  void badInputIsOneLine() {
    CommandRun missing = CommandRun.of("forecast", RUNS, "--metric", "nope", "--loss", "2.5");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("column \"params\" not found"), missing.err());
    assertFalse(missing.err().contains("Exception"), missing.err());
    CommandRun both = CommandRun.of(args("--loss", "2.5", "--compute", "1e22"));
    assertEquals(2, both.exitCode());
    CommandRun unknown = CommandRun.of(args("--loss", "2.5", "--extrapolation-error", "huge"));
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("--extrapolation-error (huge) must be aggregate, task or none"), unknown.err());
  }
}
