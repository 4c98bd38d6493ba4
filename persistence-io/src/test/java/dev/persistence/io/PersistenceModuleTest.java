package dev.persistence.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.io.huggingface.HuggingFaceConfigs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersistenceModuleTest {
  private final ObjectMapper mapper = JsonMapper.builder().addModule(new PersistenceModule()).build();

  @Test
  void roundTripsThroughAnApplicationsMapper() throws Exception {
    Architecture model =
        HuggingFaceConfigs.read(
            Path.of(System.getProperty("persistence.reference", "../reference"), "hf-configs", "qwen3-30b-a3b.json"));
    String json = mapper.writeValueAsString(Map.of("model", model));
    Architecture back = mapper.readTree(json).get("model").traverse(mapper).readValueAs(Architecture.class);
    assertEquals(model, back);
  }

  @Test
  void errorsCarryThePointer() {
    String json =
        "{\"plan\": {\"tensorParallel\": 8, \"microBatchSize\": 1, \"globalBatchSize\": 8, \"sequenceLength\": 0}}";
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class,
            () -> mapper.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, ParallelismPlan>>() {}));
    InvalidDocumentException cause = assertInstanceOf(InvalidDocumentException.class, e.getCause());
    assertEquals("/plan: sequenceLength (0) must be > 0", cause.getMessage());
  }
}
