package dev.persistence.io.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.costing.landscape.ComputeConfidence;
import dev.persistence.costing.landscape.ModelCatalog;
import dev.persistence.costing.landscape.NotableModel;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.document.DocumentFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The bundled catalog is Epoch AI's data, unchanged: every entry is checked field by field against
 * {@code reference/catalog/frontier-2020-2025.csv} (Epoch AI, "Data on AI Models", CC BY 4.0), whose SHA-256 the
 * bundled file records. The expected values are Epoch's, read here from the CSV, never from our code.
 */
class NotableModelCatalogTest {
  private static final ModelCatalog CATALOG = NotableModelCatalog.bundled();

  private static Path csv() {
    return Path.of(System.getProperty("persistence.reference"), "catalog", "frontier-2020-2025.csv");
  }

  @Test
  void recordsTheChecksumOfTheReferenceFileItWasGeneratedFrom() throws IOException, NoSuchAlgorithmException {
    byte[] bytes = Files.readAllBytes(csv());
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    // reference/catalog/README.md gives the same checksum for frontier-2020-2025.csv.
    assertEquals("9c1efa1c290e5a7c24e1de6ed03edbc9c2dc7864dc11a920b6c8fe5c4ac408c3", digest);
    assertEquals(digest, CATALOG.sourceSha256().orElseThrow());
  }

  @Test
  void everyEntryIsEpochsRowUnchanged() throws IOException {
    List<Map<String, String>> rows = parseCsv(Files.readString(csv(), StandardCharsets.UTF_8));
    // reference/catalog/README.md: "320 rows".
    assertEquals(320, rows.size());
    assertEquals(rows.size(), CATALOG.models().size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      NotableModel model = CATALOG.models().get(i);
      String where = row.get("model");
      assertEquals(row.get("model"), model.name(), where);
      assertEquals(row.get("organization"), model.organization(), where);
      assertEquals(row.get("publication_date"), model.publicationDate().toString(), where);
      assertEquals(row.get("domain"), model.domain(), where);
      assertNumber(row.get("parameters"), model.totalParameters(), where + " parameters");
      assertTrue(model.activeParameters().isEmpty(), where + ": Epoch gives no active count");
      assertNumber(row.get("training_dataset_size_total"), model.trainingTokens(), where + " tokens");
      assertNumber(row.get("training_compute_flop"), model.trainingComputeFlop(), where + " compute");
      assertEquals(
          row.get("compute_confidence").isEmpty() ? "UNKNOWN" : row.get("compute_confidence").toUpperCase(java.util.Locale.ROOT),
          model.computeConfidence().name(),
          where);
      assertEquals(row.get("training_hardware"), model.hardware().orElse(""), where);
      assertNumber(
          row.get("hardware_quantity"),
          model.hardwareCount().isPresent()
              ? OptionalDouble.of(model.hardwareCount().getAsLong())
              : OptionalDouble.empty(),
          where + " hardware count");
      assertNumber(row.get("training_time_hours"), model.trainingTimeHours(), where + " hours");
      assertNumber(row.get("hardware_utilization_mfu"), model.modelFlopsUtilization(), where + " MFU");
      assertNumber(
          row.get("training_compute_cost_2023_usd").replace("$", "").replace(",", ""),
          model.trainingCostUsd2023(),
          where + " cost");
      assertEquals(row.get("model_accessibility"), model.accessibility(), where);
      assertEquals(row.get("frontier_model_flag").equals("checked"), model.epochFrontier(), where);
      assertEquals(row.get("link"), model.link(), where);
      assertTrue(model.source().startsWith("Epoch AI"), where);
    }
  }

  @Test
  void namedEstimatesMatchEpochsAsQuotedInTheReferenceNotes() {
    // reference/catalog/epoch-estimates.json, cat-epoch-grok3: 3.5e26 FLOP, "Likely", 80,000 H100s, 2,160 hours.
    NotableModel grok = NotableModelCatalog.get(CATALOG, "Grok 3");
    assertEquals(3.5e26, grok.trainingComputeFlop().getAsDouble());
    assertEquals(ComputeConfidence.LIKELY, grok.computeConfidence());
    assertEquals(80_000, grok.hardwareCount().getAsLong());
    assertEquals(2160.0, grok.trainingTimeHours().getAsDouble());
    // cat-epoch-gpt4: 2.1e25 FLOP, "Likely", 25,000 A100s; cost $37,334,304.98 (2023 USD).
    NotableModel gpt4 = NotableModelCatalog.get(CATALOG, "GPT-4 (Mar 2023)");
    assertEquals(2.1e25, gpt4.trainingComputeFlop().getAsDouble());
    assertEquals(25_000, gpt4.hardwareCount().getAsLong());
    assertEquals(37334304.98, gpt4.trainingCostUsd2023().getAsDouble(), 1e-6);
  }

  @Test
  void everyEntryRoundTripsThroughTheFileFormat() {
    com.fasterxml.jackson.databind.node.ObjectNode root =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("catalogVersion", "copy");
    com.fasterxml.jackson.databind.node.ArrayNode models = root.putArray("models");
    CATALOG.models().forEach(model -> models.add(NotableModelCatalog.toJson(model)));
    ModelCatalog copy =
        NotableModelCatalog.parse(
            dev.persistence.io.document.Documents.print(root, DocumentFormat.YAML), DocumentFormat.YAML, "copy");
    assertEquals(CATALOG.models(), copy.models());
  }

  @Test
  void carriesEpochsAttribution() {
    assertEquals(NotableModelCatalog.EPOCH_ATTRIBUTION, CATALOG.attribution());
    assertTrue(CATALOG.attribution().contains("CC BY 4.0"));
  }

  @Test
  void userEntriesOverrideByNameAndAppendTheRest() {
    String yaml =
        """
        catalogVersion: team-2026
        models:
          - name: grok 3
            organization: xAI
            publicationDate: 2025-02-17
            trainingComputeFlop: 4.0e26
            computeConfidence: speculative
            source: our own estimate
          - name: Our 70B
            organization: Us
            publicationDate: 2026-01-10
            totalParameters: 7.0e10
            activeParameters: 7.0e10
            trainingComputeFlop: 6.3e24
        """;
    ModelCatalog user = NotableModelCatalog.parse(yaml, DocumentFormat.YAML, "team.yaml");
    ModelCatalog merged = CATALOG.withUserEntries(user);
    assertEquals(CATALOG.models().size() + 1, merged.models().size());
    assertEquals(4.0e26, NotableModelCatalog.get(merged, "Grok 3").trainingComputeFlop().getAsDouble());
    assertEquals("our own estimate", NotableModelCatalog.get(merged, "Grok 3").source());
    assertEquals("user catalog team.yaml", NotableModelCatalog.get(merged, "our 70b").source());
    assertEquals(NotableModelCatalog.EPOCH_ATTRIBUTION, merged.attribution());
    assertEquals(CATALOG.models().indexOf(NotableModelCatalog.get(CATALOG, "Grok 3")), merged.models().indexOf(NotableModelCatalog.get(merged, "Grok 3")));
  }

  @Test
  void aNameUsedTwiceIsAnErrorAtTheLaterEntry() {
    InvalidDocumentException twice =
        assertThrows(
            InvalidDocumentException.class,
            () ->
                NotableModelCatalog.parse(
                    "{\"catalogVersion\": 1, \"provenance\": {\"sha256\": \"ab\", \"rows\": 2}, \"models\":"
                        + " [{\"name\": \"x\", \"organization\": \"y\", \"publicationDate\": \"2025-01-01\"},"
                        + " {\"name\": \"X\", \"organization\": \"z\", \"publicationDate\": \"2025-01-02\"}]}",
                    DocumentFormat.JSON,
                    "bad.json"));
    assertEquals("bad.json: models[1]: name \"X\" is used twice in the catalog", twice.getMessage());
  }

  @Test
  void provenanceKeepsTheSha256() {
    var catalog =
        NotableModelCatalog.parse(
            "{\"catalogVersion\": 1, \"provenance\": {\"file\": \"f.csv\", \"sha256\": \"ab\", \"rows\": 2},"
                + " \"models\": []}",
            DocumentFormat.JSON,
            "p.json");
    assertEquals(java.util.Optional.of("ab"), catalog.sourceSha256());
    assertEquals("user catalog p.json", NotableModelCatalog.parse(
            "{\"catalogVersion\": 1, \"models\": [{\"name\": \"x\", \"organization\": \"y\","
                + " \"publicationDate\": \"2025-01-01\"}]}",
            DocumentFormat.JSON,
            "p.json").models().get(0).source());
  }

  @Test
  void strictReadingNamesFieldAndRule() {
    InvalidDocumentException unknown =
        assertThrows(
            InvalidDocumentException.class,
            () ->
                NotableModelCatalog.parse(
                    "{\"catalogVersion\": 1, \"models\": [{\"name\": \"x\", \"organization\": \"y\","
                        + " \"publicationDate\": \"2025-01-01\", \"trainingComputeFlops\": 1e24}]}",
                    DocumentFormat.JSON,
                    "bad.json"));
    assertTrue(unknown.getMessage().contains("trainingComputeFlops"), unknown.getMessage());
    InvalidDocumentException date =
        assertThrows(
            InvalidDocumentException.class,
            () ->
                NotableModelCatalog.parse(
                    "{\"catalogVersion\": 1, \"models\": [{\"name\": \"x\", \"organization\": \"y\","
                        + " \"publicationDate\": \"March 2025\"}]}",
                    DocumentFormat.JSON,
                    "bad.json"));
    assertTrue(date.getMessage().contains("publicationDate"), date.getMessage());
    InvalidDocumentException mfu =
        assertThrows(
            InvalidDocumentException.class,
            () ->
                NotableModelCatalog.parse(
                    "{\"catalogVersion\": 1, \"models\": [{\"name\": \"x\", \"organization\": \"y\","
                        + " \"publicationDate\": \"2025-01-01\", \"modelFlopsUtilization\": 40}]}",
                    DocumentFormat.JSON,
                    "bad.json"));
    assertTrue(mfu.getMessage().contains("modelFlopsUtilization (40.0) must be in (0, 1]"), mfu.getMessage());
    assertThrows(
        InvalidDocumentException.class,
        () ->
            NotableModelCatalog.parse(
                "{\"catalogVersion\": 1, \"models\": [{\"name\": \"x\", \"organization\": \"y\","
                    + " \"publicationDate\": \"2025-01-01\"}, {\"name\": \"X\", \"organization\": \"z\","
                    + " \"publicationDate\": \"2025-01-02\"}]}",
                DocumentFormat.JSON,
                "dup.json"));
    assertFalse(CATALOG.find("no such model").isPresent());
  }

  private static void assertNumber(String expected, OptionalDouble actual, String where) {
    if (expected.isEmpty()) {
      assertTrue(actual.isEmpty(), where + " should be absent");
    } else {
      assertEquals(Double.parseDouble(expected), actual.orElseThrow(), 0.0, where);
    }
  }

  /** RFC 4180 CSV with a header: quoted fields may hold commas, doubled quotes and line breaks. */
  private static List<Map<String, String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> values : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), values.get(i));
      }
      rows.add(row);
    }
    return rows;
  }
}
