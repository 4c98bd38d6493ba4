package dev.persistence.io.flops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.flops.FlopEstimate;
import dev.persistence.core.parallelism.ActivationRecomputation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document {@code persistence flops --json} prints, built in io so that a library user gets the same one. */
class FlopEstimateJsonTest {

  @Test
  void documentNamesTheConventionAndEachFigure() throws Exception {
    // GPT-3 1.3B's shape (Brown et al. 2020 Table 2.1: 24 layers, d_model 2048, 16 heads).
    Architecture model = Architecture.megatronGpt(24, 2048, 16, 51200, 2048);
    FlopEstimate estimate =
        FlopAccounting.estimate(model, 2048, FlopConvention.KAPLAN_6N, ActivationRecomputation.FULL);
    ObjectNode json = FlopEstimateJson.toJson(model, estimate);
    JsonNode read = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(json));
    assertEquals(json, read);
    List<String> keys = new ArrayList<>();
    read.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of("modelType", "convention", "sequenceLength", "recomputation", "forwardFlopsPerToken",
            "backwardFlopsPerToken", "recomputationFlopsPerToken", "modelTrainingFlopsPerToken",
            "trainingFlopsPerToken", "forwardFlopsPerTokenByComponent"),
        keys);
    assertEquals("kaplan-6n", read.get("convention").asText());
    assertEquals("full", read.get("recomputation").asText());
    assertEquals(2048, read.get("sequenceLength").asInt());
    assertEquals(estimate.trainingFlopsPerToken(), read.get("trainingFlopsPerToken").asDouble());
    assertEquals(
        FlopAccounting.forwardFlopsByComponent(model, 2048).size(), read.get("forwardFlopsPerTokenByComponent").size());
  }
}
