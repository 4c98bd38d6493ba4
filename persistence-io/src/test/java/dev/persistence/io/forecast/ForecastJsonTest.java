package dev.persistence.io.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.scaling.forecast.CapabilityForecaster;
import dev.persistence.scaling.forecast.CapabilityRun;
import dev.persistence.scaling.forecast.ForecastSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastJsonTest {
  private static final String METRIC = "eval_gauntlet/core_average";

  /** Sardana et al. 2024's 47 runs (reference/scaling/sardana-trainingresults.csv). */
  private static CapabilityForecaster forecaster() {
    Path runs = Path.of(System.getProperty("persistence.reference"), "scaling", "sardana-trainingresults.csv");
    List<CapabilityRun> read = new CapabilityRunsCsv("Parameters", "Tokens", "Smoothed Loss", METRIC).read(runs);
    assertEquals(47, read.size());
    return CapabilityForecaster.fit(read, new ForecastSettings(0, 1, 100, 1, 0.9));
  }

  /** From a model and its data: both steps' fits, the loss interval, the score interval around the point. */
  @Test
  void modelAndDataWriteBothSteps() {
    CapabilityForecaster forecaster = forecaster();
    ObjectNode json = ForecastJson.toJson(forecaster, forecaster.at(6e9, 1.2e11), METRIC, "runs.csv");
    assertEquals(47, json.get("runsFitted").asInt());
    assertEquals(METRIC, json.get("metric").asText());
    assertTrue(json.get("method").asText().contains("arXiv:2407.21783"));
    assertTrue(json.has("law") && json.has("lossLower") && json.has("trainingFlops"), json.toString());
    assertEquals(6 * 6e9 * 1.2e11, json.get("trainingFlops").asDouble(), 1e-9 * 6 * 6e9 * 1.2e11);
    assertTrue(json.get("lossLower").asDouble() <= json.get("loss").asDouble());
    assertTrue(json.get("loss").asDouble() <= json.get("lossUpper").asDouble());
    assertTrue(json.get("scoreLower").asDouble() <= json.get("score").asDouble());
    assertTrue(json.get("score").asDouble() <= json.get("scoreUpper").asDouble());
    // Owen 2024 (arXiv:2401.04757): about 6 points on aggregate BIG-Bench Hard, 18 on single tasks, per order of
    // magnitude extrapolated.
    assertEquals(6, json.get("epochOneOomAggregateErrorPoints").asDouble());
    assertEquals(18, json.get("epochOneOomTaskErrorPoints").asDouble());
    assertTrue(json.get("caveat").asText().contains("2401.04757"));
  }

  /** From a loss alone there is no first step to write: no law, no model, no loss interval. */
  @Test
  void givenLossWritesTheSecondStepOnly() {
    CapabilityForecaster forecaster = forecaster();
    ObjectNode json = ForecastJson.toJson(forecaster, forecaster.atLoss(2.3), METRIC, "runs.csv");
    assertEquals(2.3, json.get("loss").asDouble());
    for (String absent : new String[] {"law", "parameters", "tokens", "trainingFlops", "lossLower", "lossUpper"}) {
      assertFalse(json.has(absent), absent);
    }
    assertTrue(json.get("sigmoid").has("midpoint"));
  }
}
