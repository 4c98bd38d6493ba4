package dev.persistence.io.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.core.architecture.CompositeModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The document {@code persistence params --json} prints, built in io so that a library user gets the same one. */
class ParameterCountJsonTest {

  @Test
  void countsAreIntegersAndTheBreakdownSumsToTheTotal() throws Exception {
    // Mixtral 8x7B: 46,702,792,704 parameters (reference/parameter-counts.json, from the checkpoint's safetensors).
    CompositeModel model = ModelFiles.readComposite(
            Path.of(System.getProperty("persistence.reference"), "hf-configs", "mixtral-8x7b-v0.1.json"));
    JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(ParameterCountJson.toJson(model)));
    assertEquals(46_702_792_704L, json.get("totalParameters").asLong());
    long sum = 0;
    for (JsonNode count : json.get("breakdown")) {
      assertTrue(count.isIntegralNumber(), count.toString());
      sum += count.asLong();
    }
    assertEquals(json.get("totalParameters").asLong(), sum);
    assertTrue(json.get("activeParameters").isIntegralNumber());
    assertEquals(0, json.get("components").size());
    assertEquals(json.get("totalParameters").asLong(), json.get("checkpointParameters").asLong());
  }
}
