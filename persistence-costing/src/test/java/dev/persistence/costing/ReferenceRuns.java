package dev.persistence.costing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.precision.NumericFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The published training runs of {@code training-runs.json} in the repository's reference folder (found through the
 * {@code persistence.reference} system property), and spec-sheet accelerators for examples.
 */
public final class ReferenceRuns {
  private ReferenceRuns() {}

  /** The reference folder. */
  public static Path folder() {
    String property = System.getProperty("persistence.reference");
    Path path = property != null ? Path.of(property) : Path.of("..", "reference");
    assertTrue(path.resolve("README.md").toFile().isFile(), "reference data not found at " + path.toAbsolutePath());
    return path;
  }

  /** The entry of {@code training-runs.json} with this id. */
  public static JsonNode run(String id) {
    try {
      for (JsonNode node : new ObjectMapper().readTree(folder().resolve("training-runs.json").toFile())) {
        if (node.get("id").asText().equals(id)) {
          return node;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no training run " + id);
  }

  /**
   * H100 SXM5 80GB from NVIDIA's datasheet as the reference accelerators.json records it (status verified):
   * bf16 989 TFLOP/s dense, fp8 1979, 80 GB HBM3 at 3.35 TB/s, 700 W.
   */
  public static Accelerator h100() {
    return Accelerator.builder()
        .name("H100-SXM5-80GB")
        .densePeakFlopsPerSecond(Map.of(NumericFormat.BF16, 989e12, NumericFormat.FP8, 1979e12))
        .memoryBytes(80_000_000_000L)
        .memoryBandwidthBytesPerSecond(3.35e12)
        .thermalDesignPowerWatts(OptionalDouble.of(700))
        .scaleUpBandwidthBytesPerSecondPerDirection(OptionalDouble.of(450e9))
        .source("reference accelerators.json, H100-SXM5-80GB (NVIDIA datasheet)")
        .build();
  }
}
