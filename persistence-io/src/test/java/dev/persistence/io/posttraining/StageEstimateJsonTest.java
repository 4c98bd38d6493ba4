package dev.persistence.io.posttraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.posttraining.StageEstimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StageEstimateJsonTest {

  /** The breakdown adds up to the totals it breaks down: FLOPs, accelerator-hours and dollars. */
  @ParameterizedTest
  @ValueSource(strings = {"tulu3-405b-rlvr.yaml", "reasoning-grpo.yaml"})
  void breakdownAddsUpToTheTotals(String name) {
    ObjectNode json = StageEstimateJson.toJson(StageFile.read(StageFileTest.EXAMPLES.resolve(name)).estimate());
    double flops = 0;
    double hours = 0;
    double usd = 0;
    for (JsonNode part : json.get("breakdown")) {
      flops += part.get("flops").asDouble();
      hours += part.get("acceleratorHours").asDouble();
      usd += part.get("usd").asDouble();
    }
    assertEquals(json.get("flops").asDouble(), flops, 1e-9 * flops, name);
    assertEquals(json.get("acceleratorHours").asDouble(), hours, 1e-9 * hours, name);
    assertEquals(json.get("totalUsd").asDouble(), usd, 1e-9 * usd + 1e-9, name);
    assertEquals(json.get("totalUsd").asDouble(), json.get("computeUsd").asDouble() + json.get("peopleUsd").asDouble(), 1e-6);
  }

  /** An RL stage writes its per-step split; its parts are no longer than the step they make up. */
  @Test
  void reinforcementLearningWritesItsStep() {
    StageEstimate estimate = StageFile.read(StageFileTest.EXAMPLES.resolve("tulu3-405b-rlvr.yaml")).estimate();
    ObjectNode json = StageEstimateJson.toJson(estimate);
    assertEquals("rl", json.get("kind").asText());
    JsonNode step = json.get("step");
    assertTrue(step != null, json.toString());
    double total = step.get("stepSeconds").asDouble();
    for (String part : new String[] {"generationSeconds", "weightSyncSeconds", "scoringSeconds", "trainingSeconds"}) {
      assertTrue(step.get(part).asDouble() >= 0 && step.get(part).asDouble() <= total, part);
    }
    assertEquals(estimate.accelerators(), json.get("accelerators").asInt());
    // The Tulu 3 file says 248 accelerators at work (StageFileTest): the JSON says the same.
    assertEquals(248, json.get("accelerators").asInt());
    assertFalse(json.get("breakdown").isEmpty());
  }

  @Test
  void aStageFilesDocumentLeadsWithItsName() {
    StageFile file = StageFile.read(StageFileTest.EXAMPLES.resolve("tulu3-405b-rlvr.yaml"));
    StageEstimate estimate = file.estimate();
    ObjectNode json = StageEstimateJson.toJson(file, estimate);
    assertEquals(file.name(), json.get("name").asText());
    assertEquals("name", json.fieldNames().next());
    ObjectNode rest = json.deepCopy();
    rest.remove("name");
    assertEquals(StageEstimateJson.toJson(estimate), rest);
  }
}
