package dev.persistence.io.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.ParameterBreakdown;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every config in {@code reference/hf-configs} gives exactly the published total parameter count recorded
 * in {@code reference/parameter-counts.json}; each entry there names its source (keras-hub preset metadata,
 * GGUF {@code general.parameter_count}, HuggingFace API totals, papers).
 */
class ReferenceParameterCountsTest {

  static Path reference() {
    String property = System.getProperty("persistence.reference");
    Path path = property != null ? Path.of(property) : Path.of("..", "reference");
    assertTrue(path.resolve("README.md").toFile().isFile(), "reference data not found at " + path.toAbsolutePath());
    return path;
  }

  @TestFactory
  Stream<DynamicTest> everyReferenceConfigCountsExactly() throws IOException {
    Path reference = reference();
    JsonNode entries = new ObjectMapper().readTree(reference.resolve("parameter-counts.json").toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : entries) {
      String name = entry.get("name").asText();
      long expected = entry.get("totalParameters").asLong();
      Path config = reference.resolve(entry.get("config").asText());
      tests.add(
          dynamicTest(
              name,
              () -> {
                Architecture architecture = HuggingFaceConfigs.read(config);
                ParameterBreakdown parameters = architecture.parameters();
                assertEquals(expected, parameters.totalParameters(), () -> name + " " + parameters);
              }));
    }
    assertEquals(12, tests.size(), "parameter-counts.json should list the twelve reference configs");
    return tests.stream();
  }

  /**
   * Active counts where the reference notes give them: Mixtral 8x7B top-2 including embeddings and router,
   * 12,879,925,248; gpt-oss-20b's card figure excludes the input embedding but includes the unembedding,
   * 3,608,307,264 (parameter-counts.json notes, from the gpt-oss model card's component table).
   */
  @Test
  void activeCountsMatchTheReferenceNotes() {
    Path reference = reference();
    Architecture mixtral = HuggingFaceConfigs.read(reference.resolve("hf-configs/mixtral-8x7b-v0.1.json"));
    assertEquals(12_879_925_248L, mixtral.parameters().activeParameters());
    Architecture gptOss = HuggingFaceConfigs.read(reference.resolve("hf-configs/gpt-oss-20b.json"));
    assertEquals(3_608_307_264L, gptOss.parameters().activeParametersExcludingEmbedding());
  }
}
