package dev.persistence.io.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.search.PlanSearch;
import dev.persistence.costing.search.SearchRequest;
import dev.persistence.costing.search.SearchResult;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.io.catalog.AcceleratorCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The document {@code persistence search --json} prints, built in io so that a library user gets the same one. */
class SearchResultJsonTest {

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void documentListsTheRequestTheCountsAndEachPlansFigures() {
    // GPT-3 1.3B's shape (Brown et al. 2020 Table 2.1: 24 layers, d_model 2048, 16 heads) on one DGX A100.
    Architecture model = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);
    Cluster cluster =
        Cluster.builder()
            .accelerator(AcceleratorCatalog.bundled().get("A100-SXM4-80GB"))
            .acceleratorsPerNode(8)
            .nodeCount(1)
            .scaleOutBandwidthBytesPerSecondPerAccelerator(25e9)
            .scaleOutLatencySeconds(5e-6)
            .build();
    SearchRequest request =
        SearchRequest.of(model, cluster, TrainingPrecision.MEGATRON_BF16_ADAM_FP32_GRADIENTS, 8, 64, 2048).withTop(2);
    SearchResult result = PlanSearch.search(request);
    assertTrue(result.found());
    ObjectNode json = SearchResultJson.toJson(request, result, OptionalDouble.of(26e9));
    assertEquals(
        List.of("modelType", "accelerator", "calibration", "precision", "objective", "evaluatedPlans", "fittingPlans",
            "searchSeconds", "plans"),
        keys(json));
    assertEquals("A100-SXM4-80GB", json.get("accelerator").asText());
    assertEquals("a100-sxm-80gb", json.get("calibration").asText());
    assertEquals("time", json.get("objective").asText());
    assertEquals(result.evaluatedPlans(), json.get("evaluatedPlans").asLong());
    assertEquals(result.plans().size(), json.get("plans").size());
    StepTimeEstimate best = result.plans().get(0);
    JsonNode plan = json.get("plans").get(0);
    assertEquals(
        List.of("plan", "stepSeconds", "tokensPerSecond", "mfu", "hfu", "achievedFlopsPerAcceleratorPerSecond",
            "breakdown", "memoryBytesPerAccelerator", "memoryCapacityBytes", "fits", "tokens", "steps",
            "trainingDays", "acceleratorHours"),
        keys(plan));
    assertEquals(best.stepSeconds(), plan.get("stepSeconds").asDouble());
    assertEquals(best.memoryBytesPerAccelerator(), plan.get("memoryBytesPerAccelerator").asLong());
    assertEquals(best.trainingTime(26e9).days(), plan.get("trainingDays").asDouble());
    assertEquals(List.copyOf(best.breakdown().asMap().keySet()), keys(plan.get("breakdown")));
    assertFalse(SearchResultJson.ESTIMATE.write(new SearchResultJson.Planned(best, OptionalDouble.empty())).has("tokens"));
  }
}
