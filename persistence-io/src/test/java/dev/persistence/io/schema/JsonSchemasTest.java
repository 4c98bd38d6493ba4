package dev.persistence.io.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.catalog.DatasetCatalog;
import dev.persistence.io.data.MixtureFiles;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.Documents;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Checks each shipped schema against its reader: the documents the project ships validate; the schema's
 * properties are exactly the fields the reader knows; a required property is one whose absence the reader
 * rejects and an optional one is one it accepts missing; a value of the wrong JSON type and an unknown field are
 * rejected by both.
 */
class JsonSchemasTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One schema, the object it describes at a location, and the reader of whole documents. */
  private record Case(String resource, JsonNode document, String pointer, String definition, Consumer<String> reader) {}

  private static JsonNode schema(String resource) {
    return Documents.parse(JsonSchemas.text(resource), DocumentFormat.JSON, resource);
  }

  private static JsonNode bundledAccelerators() {
    return Documents.parse(
        AcceleratorCatalog.bundled().toJsonText(), DocumentFormat.JSON, "accelerators");
  }

  private static JsonNode bundledDatasets() throws IOException {
    try (var in = DatasetCatalog.class.getResourceAsStream(DatasetCatalog.BUNDLED_RESOURCE)) {
      return Documents.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), DocumentFormat.JSON, "datasets");
    }
  }

  private static JsonNode exampleMixture() throws IOException {
    return Documents.parse(Files.readString(Path.of("../examples/data/mixture.yaml")), DocumentFormat.YAML, "mixture");
  }

  private static Consumer<String> acceleratorReader() {
    return text -> AcceleratorCatalog.parse(text, AcceleratorCatalog.Format.JSON);
  }

  private static Consumer<String> datasetReader() {
    return text -> DatasetCatalog.parse(text, DocumentFormat.JSON, "datasets");
  }

  private static Consumer<String> mixtureReader() {
    return text -> MixtureFiles.parse(text, DocumentFormat.JSON, "mixture", DatasetCatalog.bundled());
  }

  private static List<Case> cases() throws IOException {
    JsonNode accelerators = bundledAccelerators();
    JsonNode datasets = bundledDatasets();
    JsonNode mixture = exampleMixture();
    List<Case> cases = new ArrayList<>();
    cases.add(new Case(JsonSchemas.ACCELERATOR_CATALOG, accelerators, "", "", acceleratorReader()));
    for (int i = 0; i < accelerators.get("accelerators").size(); i++) {
      cases.add(new Case(JsonSchemas.ACCELERATOR_CATALOG, accelerators, "/accelerators/" + i, "accelerator", acceleratorReader()));
    }
    cases.add(new Case(JsonSchemas.DATASET_CATALOG, datasets, "", "", datasetReader()));
    for (int i = 0; i < datasets.get("datasets").size(); i++) {
      cases.add(new Case(JsonSchemas.DATASET_CATALOG, datasets, "/datasets/" + i, "dataset", datasetReader()));
    }
    cases.add(new Case(JsonSchemas.MIXTURE, mixture, "", "", mixtureReader()));
    for (int i = 0; i < mixture.get("sources").size(); i++) {
      String kind = mixture.get("sources").get(i).has("catalog") ? "catalogSource" : "inlineSource";
      cases.add(new Case(JsonSchemas.MIXTURE, mixture, "/sources/" + i, kind, mixtureReader()));
    }
    cases.add(new Case(JsonSchemas.MIXTURE, mixture, "/curationCosts", "curationCosts", mixtureReader()));
    return cases;
  }

  private static JsonNode definition(Case c) {
    JsonNode root = schema(c.resource());
    return c.definition().isEmpty() ? root : root.get("$defs").get(c.definition());
  }

  @Test
  void schemasAreShippedWellFormedAndClosed() {
    for (String resource : JsonSchemas.all()) {
      JsonNode schema = schema(resource);
      assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText(), resource);
      List<String> open = new ArrayList<>();
      collectOpenObjects(schema, "", open);
      assertTrue(open.isEmpty(), resource + ": objects without additionalProperties: false: " + open);
    }
  }

  private static void collectOpenObjects(JsonNode schema, String path, List<String> open) {
    if (schema.isObject()) {
      if (schema.has("properties") && !schema.path("additionalProperties").isBoolean()) {
        open.add(path);
      }
      schema.fields().forEachRemaining(e -> collectOpenObjects(e.getValue(), path + "/" + e.getKey(), open));
    } else if (schema.isArray()) {
      for (int i = 0; i < schema.size(); i++) {
        collectOpenObjects(schema.get(i), path + "/" + i, open);
      }
    }
  }

  @Test
  void shippedDocumentsValidate() throws IOException {
    assertValid(JsonSchemas.ACCELERATOR_CATALOG, bundledAccelerators());
    assertValid(JsonSchemas.ACCELERATOR_CATALOG, rawResource(AcceleratorCatalog.BUNDLED_RESOURCE));
    assertValid(JsonSchemas.DATASET_CATALOG, bundledDatasets());
    assertValid(JsonSchemas.MIXTURE, exampleMixture());
  }

  private static JsonNode rawResource(String resource) throws IOException {
    try (var in = JsonSchemasTest.class.getResourceAsStream(resource)) {
      return Documents.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), DocumentFormat.JSON, resource);
    }
  }

  private static void assertValid(String resource, JsonNode document) {
    List<String> errors = new SchemaValidator(schema(resource)).validate(document);
    assertTrue(errors.isEmpty(), resource + ": " + errors);
  }

  @Test
  void propertiesAreTheFieldsTheReadersKnow() throws ReflectiveOperationException {
    JsonNode accelerators = schema(JsonSchemas.ACCELERATOR_CATALOG);
    assertEquals(new TreeSet<>(staticSet(AcceleratorCatalog.class, "TOP_LEVEL_FIELDS")), names(accelerators));
    assertEquals(new TreeSet<>(staticSet(AcceleratorCatalog.class, "ENTRY_FIELDS")), names(accelerators.get("$defs").get("accelerator")));
    // The dataset catalog entry: a source's fields and the catalog's own (DatasetCatalog.entry).
    Set<String> source = new TreeSet<>(staticSet(dev.persistence.io.data.DataCodecs.class, "SOURCE_FIELDS"));
    Set<String> entry = new TreeSet<>(source);
    entry.addAll(List.of("aliases", "licenceName", "asOf", "status", "notes", "publishedCuration"));
    JsonNode datasets = schema(JsonSchemas.DATASET_CATALOG);
    assertEquals(Set.of("catalogVersion", "description", "datasets"), names(datasets));
    assertEquals(entry, names(datasets.get("$defs").get("dataset")));
    // The mixture file (MixtureFiles.read): a source is a catalog reference or a full source with a weight.
    JsonNode mixture = schema(JsonSchemas.MIXTURE);
    assertEquals(Set.of("name", "epochCap", "sources", "curationCosts"), names(mixture));
    Set<String> inline = new TreeSet<>(source);
    inline.add("weight");
    assertEquals(inline, names(mixture.get("$defs").get("inlineSource")));
    assertEquals(Set.of("catalog", "weight", "acquisition", "curation"), names(mixture.get("$defs").get("catalogSource")));
  }

  private static Set<String> staticSet(Class<?> type, String name) throws ReflectiveOperationException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    Set<String> names = new TreeSet<>();
    ((Collection<?>) field.get(null)).forEach(value -> names.add((String) value));
    return names;
  }

  private static Set<String> names(JsonNode schema) {
    Set<String> names = new TreeSet<>();
    schema.get("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void requiredAgreesWithTheReaders() throws IOException {
    for (Case c : cases()) {
      JsonNode definition = definition(c);
      Set<String> required = new TreeSet<>();
      definition.path("required").forEach(name -> required.add(name.asText()));
      Set<String> grouped = groupedNames(definition);
      Iterator<String> present = c.document().at(c.pointer()).fieldNames();
      List<String> fields = new ArrayList<>();
      present.forEachRemaining(fields::add);
      for (String field : fields) {
        JsonNode copy = c.document().deepCopy();
        ((ObjectNode) copy.at(c.pointer())).remove(field);
        String where = c.resource() + " " + c.pointer() + " without " + field;
        boolean schemaAccepts = new SchemaValidator(schema(c.resource())).validate(copy).isEmpty();
        if (required.contains(field)) {
          assertFalse(schemaAccepts, where);
          assertRejected(c, copy, where);
        } else if (!grouped.contains(field)) {
          assertTrue(schemaAccepts, where);
          c.reader().accept(Documents.print(copy, DocumentFormat.JSON));
        } else {
          // Alternatives (exactly one of memoryGB, memoryGiB, memoryBytes; a source's size): both agree.
          boolean readerAccepts = accepts(c, copy);
          assertEquals(readerAccepts, schemaAccepts, where);
        }
      }
    }
  }

  /** Names that appear in an allOf/oneOf/anyOf/not rule, whose absence depends on other fields. */
  private static Set<String> groupedNames(JsonNode definition) {
    Set<String> names = new TreeSet<>();
    for (String keyword : List.of("allOf", "oneOf", "anyOf", "not")) {
      collectRequired(definition.path(keyword), names);
    }
    return names;
  }

  private static void collectRequired(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      node.path("required").forEach(name -> names.add(name.asText()));
      node.forEach(child -> collectRequired(child, names));
    } else if (node.isArray()) {
      node.forEach(child -> collectRequired(child, names));
    }
  }

  @Test
  void wrongTypesAndUnknownFieldsAreRejectedByBoth() throws IOException {
    for (Case c : cases()) {
      JsonNode object = c.document().at(c.pointer());
      List<String> fields = new ArrayList<>();
      object.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        JsonNode original = object.get(field);
        // A value of another JSON type: a number becomes a list, anything else a boolean.
        JsonNode wrong = original.isNumber() ? NODES.arrayNode().add(1) : NODES.booleanNode(true);
        JsonNode copy = c.document().deepCopy();
        ((ObjectNode) copy.at(c.pointer())).set(field, wrong);
        String where = c.resource() + " " + c.pointer() + "/" + field + " = " + wrong;
        assertFalse(new SchemaValidator(schema(c.resource())).validate(copy).isEmpty(), where);
        assertRejected(c, copy, where);
      }
      JsonNode copy = c.document().deepCopy();
      ((ObjectNode) copy.at(c.pointer())).put("colour", "blue");
      String where = c.resource() + " " + c.pointer() + "/colour";
      assertFalse(new SchemaValidator(schema(c.resource())).validate(copy).isEmpty(), where);
      InvalidDocumentException e = assertRejected(c, copy, where);
      assertTrue(e.getMessage().contains("colour"), e.getMessage());
    }
  }

  private static boolean accepts(Case c, JsonNode document) {
    try {
      c.reader().accept(Documents.print(document, DocumentFormat.JSON));
      return true;
    } catch (InvalidDocumentException e) {
      return false;
    }
  }

  private static InvalidDocumentException assertRejected(Case c, JsonNode document, String where) {
    return assertThrows(
        InvalidDocumentException.class, () -> c.reader().accept(Documents.print(document, DocumentFormat.JSON)), where);
  }
}
