package dev.persistence.io.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.document.DocumentFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceleratorCatalogTest {

  private static JsonNode reference() throws IOException {
    return new ObjectMapper()
        .readTree(Path.of(System.getProperty("persistence.reference"), "accelerators.json").toFile());
  }

  /** Reference entry name (reference/accelerators.json) to bundled catalog name. */
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("A100-SXM4-80GB", "A100-SXM4-80GB"),
          Map.entry("H100-SXM5-80GB", "H100-SXM5-80GB"),
          Map.entry("H100-PCIe-80GB", "H100-PCIe-80GB"),
          Map.entry("H200-SXM-141GB", "H200-SXM-141GB"),
          Map.entry("B200-SXM (HGX B200, per GPU)", "B200-SXM-180GB"),
          Map.entry("GB200 (per Blackwell GPU in NVL72)", "GB200-NVL72"),
          Map.entry("MI300X", "MI300X"),
          Map.entry("MI325X", "MI325X"),
          Map.entry("TPU v4", "TPU-v4"),
          Map.entry("TPU v5e", "TPU-v5e"),
          Map.entry("TPU v5p", "TPU-v5p"),
          Map.entry("Gaudi 3 (OAM)", "Gaudi3"));

  @Test
  void bundledCatalogCarriesEveryReferenceAcceleratorWithItsFigures() throws IOException {
    AcceleratorCatalog catalog = AcceleratorCatalog.bundled();
    assertEquals("2025.1", catalog.version());
    // The twelve reference accelerators and the H800 (added from NVIDIA's aiconfigurator h800_sxm.yaml).
    assertEquals(13, catalog.accelerators().size());
    JsonNode reference = reference();
    for (Map.Entry<String, String> names : NAMES.entrySet()) {
      JsonNode expected = reference.get(names.getKey());
      Accelerator accelerator = catalog.get(names.getValue());
      String what = names.getValue();
      assertFalse(accelerator.source().isBlank(), what);
      JsonNode tflops = expected.get("tflops");
      // Gaudi 3: the whitepaper's 1835 is the figure chosen (the entry's notes say so).
      JsonNode bf16 = tflops.has("bf16") ? tflops.get("bf16") : tflops.get("bf16_spec_whitepaper");
      assertEquals(bf16.asDouble() * 1e12, accelerator.densePeakFlopsPerSecond(NumericFormat.BF16), 1, what);
      if (tflops.hasNonNull("fp8")) {
        assertEquals(
            tflops.get("fp8").asDouble() * 1e12, accelerator.densePeakFlopsPerSecond(NumericFormat.FP8), 1, what);
      } else {
        assertFalse(accelerator.supports(NumericFormat.FP8), what + " has no fp8 in the reference");
      }
      if (tflops.hasNonNull("fp4")) {
        assertEquals(
            tflops.get("fp4").asDouble() * 1e12, accelerator.densePeakFlopsPerSecond(NumericFormat.FP4), 1, what);
      } else {
        assertFalse(accelerator.supports(NumericFormat.FP4), what);
      }
      JsonNode bandwidth = expected.get("hbm_TBps");
      // B200: the sources conflict (7.7 vs 8.0); the catalog keeps aiconfigurator's Blackwell datasheet value.
      double terabytes =
          bandwidth.isObject()
              ? bandwidth.get("aiconfigurator_citing_blackwell_datasheet").asDouble()
              : bandwidth.asDouble();
      assertEquals(terabytes * 1e12, accelerator.memoryBandwidthBytesPerSecond(), 1, what);
      if (expected.hasNonNull("tdp_w")) {
        assertEquals(expected.get("tdp_w").asDouble(), accelerator.thermalDesignPowerWatts().getAsDouble(), what);
      }
      JsonNode interconnect = expected.get("interconnect");
      if (interconnect.hasNonNull("GBps_uni")) {
        assertEquals(
            interconnect.get("GBps_uni").asDouble() * 1e9,
            accelerator.scaleUpBandwidthBytesPerSecondPerDirection().getAsDouble(),
            1,
            what);
      }
      // Capacity within 10% of the nominal figure, whichever unit the entry chose (GB or GiB).
      assertEquals(expected.get("hbm_gb").asDouble(), accelerator.memoryGigabytes(), 0.1 * accelerator.memoryGigabytes(), what);
    }
  }

  @Test
  void h800HasTheH100ComputeAndHalvedNvlink() {
    // NVIDIA aiconfigurator systems/h800_sxm.yaml: compute, HBM and bandwidth identical to H100 SXM; NVLink
    // ~400 GB/s bidirectional, 200e9 B/s per direction.
    AcceleratorCatalog catalog = AcceleratorCatalog.bundled();
    Accelerator h800 = catalog.get("H800");
    assertEquals(989e12, h800.densePeakFlopsPerSecond(NumericFormat.BF16), 1);
    assertEquals(3.35e12, h800.memoryBandwidthBytesPerSecond(), 1);
    assertEquals(200e9, h800.scaleUpBandwidthBytesPerSecondPerDirection().getAsDouble(), 1);
  }

  @Test
  void capacityUnitsAreExplicit() {
    AcceleratorCatalog catalog = AcceleratorCatalog.bundled();
    // A100: aiconfigurator a100_sxm.yaml mem_capacity 80GiB; TPU v4: Google states 32 GiB.
    assertEquals(80L << 30, catalog.get("A100").memoryBytes());
    assertEquals(32L << 30, catalog.get("tpu v4").memoryBytes());
    // H100 and H800 SXM: aiconfigurator h100_sxm.yaml / h800_sxm.yaml mem_capacity 85899345920 (80GiB).
    assertEquals(80L << 30, catalog.get("H100").memoryBytes());
    assertEquals(80L << 30, catalog.get("H800").memoryBytes());
    // GB200: 189471 MiB as nvidia-smi reports (aiconfigurator gb200.yaml).
    assertEquals(189_471L << 20, catalog.get("gb200").memoryBytes());
  }

  @Test
  void lookupIsCaseInsensitiveAndUnknownNamesGetSuggestions() {
    AcceleratorCatalog catalog = AcceleratorCatalog.bundled();
    assertEquals("H100-SXM5-80GB", catalog.get("h100-sxm5-80gb").name());
    assertEquals("H100-SXM5-80GB", catalog.get("H100 sxm").name());
    assertTrue(catalog.find("H1000").isEmpty());
    List<String> close = catalog.closeNames("H10");
    assertTrue(close.contains("H100-SXM5-80GB"), close.toString());
    assertTrue(close.contains("H200-SXM-141GB"), close.toString());
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> catalog.get("MI300"));
    assertTrue(error.getMessage().startsWith("unknown accelerator (MI300); did you mean MI300X"), error.getMessage());
    assertTrue(catalog.get("Gaudi 3").isNamed("gaudi3"));
  }

  @Test
  void userCatalogsInYamlOverrideAndExtendTheBundledOne(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("mine.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "catalogVersion: lab-1",
            "accelerators:",
            "  - name: H100-SXM5-80GB",
            "    densePeakTeraflopsPerSecond: {bf16: 800}",
            "    memoryGiB: 79.6",
            "    memoryBandwidthTerabytesPerSecond: 3.0",
            "    source: our measurement",
            "  - name: Lab-X1",
            "    aliases: [x1]",
            "    densePeakFlopsPerSecond: {bf16: 1.0e15, fp8: 2.0e15}",
            "    memoryBytes: 100000000000",
            "    memoryBandwidthBytesPerSecond: 4.0e12",
            "    thermalDesignPowerWatts: 800",
            "    scaleUpBandwidthBytesPerSecondPerDirection: 4.0e11",
            "    source: vendor preview",
            ""));
    AcceleratorCatalog user = AcceleratorCatalog.read(file);
    AcceleratorCatalog merged = AcceleratorCatalog.bundled().withUserEntries(user);
    assertEquals(14, merged.accelerators().size());
    assertEquals(800e12, merged.get("h100").densePeakFlopsPerSecond(NumericFormat.BF16), 1);
    assertEquals(Math.round(79.6 * (1L << 30)), merged.get("H100").memoryBytes());
    assertEquals(2.0e15, merged.get("X1").densePeakFlopsPerSecond(NumericFormat.FP8));
  }

  /**
   * A power-limited board (TorchTitan's H100 runs at 500 W, reference/training-runs-modern.json) is a catalog
   * entry with {@code powerLimitWatts}; it reads, writes back and is checked against the accelerator's rule.
   */
  @Test
  void aPowerLimitReadsWritesBackAndIsChecked() {
    String entry =
        "{\"catalogVersion\": \"lab\", \"accelerators\": [{\"name\": \"H100-500W\","
            + " \"densePeakTeraflopsPerSecond\": {\"bf16\": 989}, \"memoryGiB\": 80,"
            + " \"memoryBandwidthTerabytesPerSecond\": 3.35, \"thermalDesignPowerWatts\": 700,"
            + " \"powerLimitWatts\": %s, \"source\": \"TorchTitan H100 runs at a 500 W limit\"}]}";
    AcceleratorCatalog capped = AcceleratorCatalog.parse(String.format(java.util.Locale.ROOT, entry, "500"), DocumentFormat.JSON);
    assertEquals(500.0, capped.get("H100-500W").powerLimitWatts().getAsDouble());
    AcceleratorCatalog again = AcceleratorCatalog.parse(capped.toJsonText(), DocumentFormat.JSON);
    assertEquals(capped.get("H100-500W"), again.get("H100-500W"));
    assertTrue(
        error(String.format(java.util.Locale.ROOT, entry, "0")).contains("powerLimitWatts (0.0) must be > 0"),
        error(String.format(java.util.Locale.ROOT, entry, "0")));
  }

  private static String error(String catalog) {
    return assertThrows(InvalidDocumentException.class, () -> AcceleratorCatalog.parse(catalog, DocumentFormat.JSON))
        .getMessage();
  }

  /** Errors read as every document's: the path of the node, the value and the rule, with the closest names. */
  @Test
  void invalidEntriesNameThePathTheEntryAndTheField() {
    String twoCapacities =
        "{\"catalogVersion\":\"1\",\"accelerators\":[{\"name\":\"Z\",\"densePeakFlopsPerSecond\":{\"bf16\":1e15},"
            + "\"memoryGB\":80,\"memoryGiB\":80,\"memoryBandwidthBytesPerSecond\":1e12,\"source\":\"s\"}]}";
    assertEquals(
        "catalog: accelerators[0]: accelerator Z needs exactly one of memoryBytes, memoryGB, memoryGiB",
        error(twoCapacities));
    String valid = twoCapacities.replace("\"memoryGiB\":80,", "");
    assertEquals("Z", AcceleratorCatalog.parse(valid, DocumentFormat.JSON).accelerators().get(0).name());
    assertEquals(
        "catalog: accelerators[0].memoryGb: unknown field; did you mean memoryGB or memoryGiB?",
        error(valid.replace("memoryGB", "memoryGb")));
    assertEquals(
        "catalog: accelerators[0].memoryTB: unknown field; did you mean memoryGB or memoryGiB?",
        error(twoCapacities.replace("\"memoryGiB\":80", "\"memoryTB\":80")));
    assertTrue(
        error(valid.replace("bf16", "bf12"))
            .startsWith("catalog: accelerators[0].densePeakFlopsPerSecond.bf12: numeric format (bf12) must be one of"));
    assertEquals(
        "catalog: accelerators[0]: densePeakFlopsPerSecond bf16 (-1.0) must be finite and > 0 for Z",
        error(valid.replace("1e15", "-1")));
    assertEquals(
        "catalog: accelerators[0].memoryGB: expected a number, got the string \"80\"",
        error(valid.replace("\"memoryGB\":80", "\"memoryGB\":\"80\"")));
    assertEquals(
        "catalog: accelerators[0].memoryGB: expected a number < 9.2e9, got 1.0E10",
        error(valid.replace("\"memoryGB\":80", "\"memoryGB\":1e10")));
    assertEquals(
        "catalog: accelerators[0].source: missing required field", error(valid.replace(",\"source\":\"s\"", "")));
    assertEquals(
        "catalog: accelerators[0].source: expected a non-blank string, got the string \" \"",
        error(valid.replace("\"source\":\"s\"", "\"source\":\" \"")));
    String twice = valid.replace("}]}", "}," + valid.substring(valid.indexOf('[') + 1));
    assertEquals("catalog: accelerators[1]: accelerator name (Z) is used twice in the catalog", error(twice));
    assertEquals(
        "catalog: acelerators: unknown field; did you mean accelerators?", error(valid.replace("accelerators", "acelerators")));
    assertEquals(
        "catalog: catalogVersion: expected a string or a number, got true",
        error(valid.replace("\"catalogVersion\":\"1\"", "\"catalogVersion\":true")));
  }

  @Test
  void writingAndReadingBackGivesEqualAccelerators() {
    AcceleratorCatalog bundled = AcceleratorCatalog.bundled();
    AcceleratorCatalog again = AcceleratorCatalog.parse(bundled.toJsonText(), DocumentFormat.JSON);
    assertEquals(bundled.accelerators(), again.accelerators());
    assertEquals(bundled.version(), again.version());
  }
}
