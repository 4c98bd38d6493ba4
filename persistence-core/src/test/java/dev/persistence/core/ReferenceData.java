package dev.persistence.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The reference data ({@code reference/} at the repository root, a copy of what arrived in the shared folder): published values that no code of ours produced. */
public final class ReferenceData {
  private ReferenceData() {}

  /** The reference folder, from the {@code persistence.reference} system property that surefire sets. */
  public static Path folder() {
    String property = System.getProperty("persistence.reference");
    Path path = property != null ? Path.of(property) : Path.of("..", "reference");
    assertTrue(path.resolve("README.md").toFile().isFile(), "reference data not found at " + path.toAbsolutePath());
    return path;
  }

  /** Reads a JSON file of the reference folder. */
  public static JsonNode json(String relativePath) {
    try {
      return new ObjectMapper().readTree(folder().resolve(relativePath).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case of {@code scaling/scaling-cases.json} with this id. */
  public static JsonNode scalingCase(String id) {
    for (JsonNode node : json("scaling/scaling-cases.json").get("cases")) {
      if (node.get("id").asText().equals(id)) {
        return node;
      }
    }
    throw new IllegalArgumentException("no scaling case " + id);
  }
}
