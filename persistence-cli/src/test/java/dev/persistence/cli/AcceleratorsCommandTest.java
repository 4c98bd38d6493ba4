package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AcceleratorsCommandTest {

  @Test
  void jsonListsTheBundledCatalog() throws Exception {
    CommandRun run = CommandRun.of("accelerators", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(13, json.get("accelerators").size());
    JsonNode h100 = json.get("accelerators").get(1);
    assertEquals("H100-SXM5-80GB", h100.get("name").asText());
    // H100 SXM dense bf16 989 TFLOP/s (reference accelerators.json: stas00 table, aiconfigurator h100_sxm.yaml).
    assertEquals(989e12, h100.get("densePeakFlopsPerSecond").get("bf16").asDouble(), 1);
  }

  @Test
  void tableShowsBothUnits() {
    CommandRun run = CommandRun.of("accelerators");
    assertEquals(0, run.exitCode(), run.err());
    // H100 SXM: 80 GiB (aiconfigurator h100_sxm.yaml) is 85.9 GB.
    assertTrue(run.out().contains("85.9 GB (80.0 GiB)"), run.out());
  }
}
