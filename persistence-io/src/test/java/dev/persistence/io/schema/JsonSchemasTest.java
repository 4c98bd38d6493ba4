package dev.persistence.io.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.Documents;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What the generated probes ({@link SchemaProbesTest}) cannot say of the shipped schemas: that they are well
 * formed and closed; that a hand reader's fields are the schema's properties, also those no document uses; that
 * the preset names the schema lists are the presets; and that a document mixing two forms of a model is rejected
 * by both.
 */
class JsonSchemasTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final Map<String, JsonNode> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

  private static JsonNode schema(String resource) {
    return SCHEMAS.computeIfAbsent(
        resource, name -> Documents.parse(JsonSchemas.text(name), DocumentFormat.JSON, name));
  }

  @Test
  void schemasAreShippedWellFormedAndClosed() {
    for (String resource : JsonSchemas.all()) {
      JsonNode schema = schema(resource);
      assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText(), resource);
      List<String> open = new ArrayList<>();
      collectOpenObjects(schema, "", open, false);
      // The one open object: an inline HuggingFace config.json, whose keys are HuggingFace's, not ours.
      List<String> allowed = resource.equals(JsonSchemas.SCENARIO) ? List.of("/$defs/huggingFaceConfig") : List.of();
      assertEquals(allowed, open, resource + ": objects without additionalProperties: false");
    }
  }

  /**
   * Objects whose additionalProperties is not false. A part of an allOf/anyOf/oneOf/not without a type of its
   * own is a rule about the object around it (a phase whose kind is pretraining), not an object definition.
   */
  private static void collectOpenObjects(JsonNode schema, String path, List<String> open, boolean rule) {
    if (schema.isObject()) {
      boolean closed = schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean();
      boolean describesObject =
          schema.path("type").asText().equals("object") || (schema.has("properties") && !(rule && !schema.has("type")));
      if (describesObject && !closed) {
        open.add(path);
      }
      schema.properties().forEach(
          e ->
              collectOpenObjects(
                  e.getValue(), path + "/" + e.getKey(), open,
                  List.of("allOf", "anyOf", "oneOf", "not").contains(e.getKey())));
    } else if (schema.isArray()) {
      for (int i = 0; i < schema.size(); i++) {
        collectOpenObjects(schema.get(i), path + "/" + i, open, rule);
      }
    }
  }

  @Test
  void handReadFieldsAreTheSchemasProperties() throws ReflectiveOperationException {
    // The catalog's root and entry fields, including those no shipped document uses.
    assertEquals(
        Set.of("catalogVersion", "description", "accelerators"), names(schema(JsonSchemas.ACCELERATOR_CATALOG)));
    Set<String> entry = new java.util.HashSet<>(dev.persistence.io.data.DataCodecs.DATA_SOURCE.fieldNames());
    entry.addAll(List.of("aliases", "licenceName", "asOf", "status", "notes", "publishedCuration"));
    JsonNode datasets = schema(JsonSchemas.DATASET_CATALOG);
    assertEquals(Set.of("catalogVersion", "description", "datasets"), names(datasets));
    assertEquals(entry, names(datasets.get("$defs").get("dataset")));
  }

  @Test
  void scenarioPresetNamesAreThePresets() throws ReflectiveOperationException {
    JsonNode defs = schema(JsonSchemas.SCENARIO).get("$defs");
    Set<String> precisions = new TreeSet<>();
    dev.persistence.core.precision.TrainingPrecision.presets().forEach(preset -> precisions.add(preset.name()));
    assertEquals(precisions, enumOf(defs.get("trainingPrecision")));
    Set<String> prices = new TreeSet<>();
    dev.persistence.costing.money.CloudPrice.presets().forEach(preset -> prices.add(preset.name()));
    assertEquals(prices, enumOf(defs.get("cloudPrice")));
    Field grids = dev.persistence.io.energy.EnergyCodecs.class.getDeclaredField("GRID_PRESETS");
    grids.setAccessible(true);
    assertEquals(new TreeSet<>(((Map<?, ?>) grids.get(null)).keySet()), enumOf(defs.get("grid")));
    Set<String> lossLaws = new TreeSet<>();
    Set<String> chinchillaLaws = new TreeSet<>();
    for (var law : dev.persistence.scaling.law.ScalingLaws.all()) {
      if (law instanceof dev.persistence.scaling.law.LossLaw) {
        lossLaws.add(law.name());
      }
      if (law instanceof dev.persistence.scaling.law.ChinchillaLaw) {
        chinchillaLaws.add(law.name());
      }
    }
    assertEquals(lossLaws, enumOf(defs.get("lossLaw")));
    assertEquals(chinchillaLaws, enumOf(defs.get("chinchillaLaw")));
  }

  /** The names listed by the string alternative of a oneOf. */
  private static Set<String> enumOf(JsonNode oneOf) {
    Set<String> names = new TreeSet<>();
    for (JsonNode alternative : oneOf.get("oneOf")) {
      alternative.path("enum").forEach(name -> names.add(name.asText()));
    }
    return names;
  }

  @Test
  void everyModelFormValidatesAndOnlyOneAtATime() throws IOException {
    JsonNode frontier = ShippedDocuments.example("frontier.yaml");
    List<JsonNode> models =
        List.of(
            ShippedDocuments.example("models/gpt3-175b-megatron.yaml"),
            ShippedDocuments.example("models/llama-2-7b.json"),
            ShippedDocuments.example("models/qwen3-30b-a3b.json"),
            NODES.objectNode().put("file", "models/gpt-oss-20b.json"));
    for (JsonNode model : models) {
      ObjectNode document = frontier.deepCopy();
      document.set("model", model);
      assertTrue(new SchemaValidator(schema(JsonSchemas.SCENARIO)).validate(document).isEmpty(), model.toString());
      ShippedDocuments.readScenario(document);
      // With a second form's key beside it, both reject the model.
      ObjectNode mixed = document.deepCopy();
      ((ObjectNode) mixed.get("model")).put(model.has("file") ? "model_type" : "file", "models/gpt-oss-20b.json");
      assertFalse(new SchemaValidator(schema(JsonSchemas.SCENARIO)).validate(mixed).isEmpty(), mixed.get("model").toString());
      assertThrows(InvalidDocumentException.class, () -> ShippedDocuments.readScenario(mixed), mixed.get("model").toString());
    }
  }

  private static Set<String> names(JsonNode schema) {
    Set<String> names = new TreeSet<>();
    schema.get("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }
}
