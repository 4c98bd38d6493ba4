package dev.persistence.io.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.core.architecture.Architecture;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Families beyond the reference set (Gemma 2 and 3, Phi-3, GPT-NeoX/Pythia, Falcon, OLMo 2, Qwen-MoE,
 * DeepSeek-V3, Llama 3, Qwen2.5): each config gives exactly the total a public source printed. The sources and
 * their status are listed beside the configs in {@code published/published-counts.json} (see its README).
 */
class PublishedFamilyCountsTest {
  private static final String FOLDER = "/dev/persistence/io/huggingface/published/";

  @TestFactory
  Stream<DynamicTest> publishedTotals() throws IOException {
    JsonNode entries;
    try (InputStream in = getClass().getResourceAsStream(FOLDER + "published-counts.json")) {
      entries = new ObjectMapper().readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : entries) {
      String name = entry.get("name").asText() + " (" + entry.get("status").asText() + ")";
      tests.add(
          dynamicTest(
              name,
              () -> {
                Architecture model;
                try (InputStream in = getClass().getResourceAsStream(FOLDER + entry.get("config").asText())) {
                  model = HuggingFaceConfigs.read(in, entry.get("config").asText());
                }
                assertEquals(
                    entry.get("totalParameters").asLong(),
                    model.parameters().totalParameters(),
                    () -> name + ": " + model.parameters() + "; source: " + entry.get("source").asText());
              }));
    }
    return tests.stream();
  }
}
