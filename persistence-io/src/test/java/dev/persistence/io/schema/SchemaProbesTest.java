package dev.persistence.io.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.catalog.DatasetCatalog;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.io.data.MixtureFiles;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.regulation.ObligationDocuments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Probes generated from the declarations: for every object of every shipped schema that the bundled documents reach
 * (each {@code ObjectCodec}'s definition, each {@code TypedUnion} kind, each inline section), documents derived
 * from a valid one (each field left out, an unknown field, each property given a value of a JSON type its
 * schema does not allow, each declared bound overstepped and met), read by the reader and validated against the
 * generated schema by networknt's draft 2020-12 validator: both must accept or both reject.
 *
 * <p>The schema is generated from the same tables as the readers, so what this catches is a reader that is not
 * its table (a hand reader, a check on a value type that the table's bound does not state, a rule across fields
 * that the schema does not carry), or a table whose bound is not the type's.
 */
class SchemaProbesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Fields whose absence, or whose value at a declared bound, the reader judges by other fields' numbers, which a
   * schema cannot say without if/then over counts: here only the schema may accept what the reader rejects.
   */
  private static final Set<String> CROSS_FIELD_RULES =
      Set.of(
          // A mixture of experts needs denseFeedForward exactly when some layers are dense (by firstDenseLayers,
          // layerPeriod/layerPhase and denseLayers, against the architecture's numLayers); layerPhase stays below
          // layerPeriod (Jamba: phase 1); a shared-expert gate needs a shared expert.
          "mixtureOfExperts.denseFeedForward",
          "mixtureOfExperts.layerPeriod",
          "mixtureOfExperts.numSharedExperts",
          "mixtureOfExperts.sharedExpertIntermediateSize",
          // Experts per token at most the experts; heads divided by key-value heads (GQA, gated DeltaNet) and
          // dividing the hidden size (Megatron); a layer count that leaves room for the sparse layers.
          "mixtureOfExperts.numExperts",
          "groupedQueryAttention.numAttentionHeads",
          "gatedDeltaNet.numValueHeads",
          "megatronGpt.hiddenSize",
          "architecture.numLayers",
          "architecture.feedForwardLayers",
          // A response's longest at least its mean (and 0 only when the mean is).
          "rlStage.meanResponseTokens",
          "rlStage.maxResponseTokens",
          "distillationStage.maxResponseTokens",
          // A source of no tokens (DataSize allows it) is weighed 0 in a mixture (DataMixture's rule).
          "inlineSource.tokens",
          "inlineSource.bytes",
          "inlineSource.documents",
          // A parallelism plan matches the training section and its own recomputation.
          "parallelismPlan.globalBatchSize",
          "parallelismPlan.sequenceLength",
          "parallelismPlan.fullyRecomputedLayersPerChunk",
          // A hybrid stack names its sequence mixer and the layers that use it, both or neither.
          "architecture.sequenceMixer",
          "architecture.sequenceMixerLayerIndices",
          // Block scales need a block: scaleBitsPerBlock > 0 requires blockSize > 0 (WeightFormat's rule).
          "weightFormatObject.blockSize",
          // The CSV's column names default to params, tokens, loss: needed exactly when the file's header differs.
          "forecast.paramsColumn",
          "forecast.tokensColumn",
          "forecast.lossColumn");

  /** A shipped schema, the documents of its format, and the reader of a whole document. */
  private record Root(String resource, Map<String, JsonNode> documents, Consumer<JsonNode> reader) {}

  /** An object of a document, where it is, and the schema that describes it ({@code location}: its name). */
  private record Located(String pointer, String location, JsonNode schema) {}

  /** Documents by name, in the order given (the first to reach a location is the one probed there). */
  private static Map<String, JsonNode> documents(Object... namesAndDocuments) {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    for (int i = 0; i < namesAndDocuments.length; i += 2) {
      documents.put((String) namesAndDocuments[i], (JsonNode) namesAndDocuments[i + 1]);
    }
    return documents;
  }

  private static List<Root> roots() throws java.io.IOException {
    List<Root> roots = new ArrayList<>();
    roots.add(
        new Root(
            JsonSchemas.ACCELERATOR_CATALOG,
            documents(
                "bundled", Documents.parse(AcceleratorCatalog.bundled().toJsonText(), DocumentFormat.JSON, "a"),
                "bundled resource", ShippedDocuments.resource(AcceleratorCatalog.BUNDLED_RESOURCE)),
            json -> AcceleratorCatalog.read(DocumentNode.root(json, "accelerators"))));
    roots.add(
        new Root(
            JsonSchemas.DATASET_CATALOG,
            documents(
                "bundled", ShippedDocuments.resource(DatasetCatalog.BUNDLED_RESOURCE),
                "every form", ShippedDocuments.everyForm("datasets")),
            json -> DatasetCatalog.parse(json.toString(), DocumentFormat.JSON, "datasets")));
    roots.add(
        new Root(
            JsonSchemas.NOTABLE_MODEL_CATALOG,
            documents(
                "bundled, cut",
                ShippedDocuments.notableModels(),
                "bundled",
                ShippedDocuments.resource(NotableModelCatalog.BUNDLED_RESOURCE)),
            json -> NotableModelCatalog.parse(json.toString(), DocumentFormat.JSON, "notable models")));
    roots.add(
        new Root(
            JsonSchemas.MIXTURE,
            documents("example", ShippedDocuments.example("data/mixture.yaml"), "every form", ShippedDocuments.everyForm("mixture")),
            json -> MixtureFiles.read(DocumentNode.root(json, "mixture"), DatasetCatalog.bundled())));
    roots.add(
        new Root(
            JsonSchemas.OBLIGATIONS,
            documents("bundled", ShippedDocuments.resource(ObligationDocuments.BUNDLED_RESOURCE)),
            json -> ObligationDocuments.DOCUMENT.read(DocumentNode.root(json, "obligations"))));
    roots.add(new Root(JsonSchemas.SCENARIO, ShippedDocuments.scenarios(), ShippedDocuments::readScenario));
    return roots;
  }

  @Test
  void readerAndSchemaAgreeOnEveryGeneratedProbe(TestReporter reporter) throws java.io.IOException {
    Map<String, Integer> counts = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Root root : roots()) {
      JsonNode schema = SchemaGenerator.generate(root.resource());
      Probes probes = new Probes(root, schema, counts, failures);
      Set<String> reached = new TreeSet<>();
      Set<String> probed = new HashSet<>();
      root.documents().forEach(
          (name, document) -> {
            probes.expect(name + ": as shipped", document, Expect.ACCEPT, "");
            List<Located> objects = new ArrayList<>();
            walk(schema.path("$defs"), schema, document, "", "(root)", objects);
            for (Located object : objects) {
              reached.add(object.location());
              probes.object(name, document, object, probed);
            }
          });
      // Every closed object definition of the schema is reached by some document, so none goes unprobed.
      schema.path("$defs").properties().forEach(
          def -> {
            if (def.getValue().has("properties") && isClosed(def.getValue()) && !reached.contains(def.getKey())) {
              failures.add(root.resource() + ": no document reaches $defs/" + def.getKey());
            }
          });
    }
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    reporter.publishEntry("probes", total + " " + counts);
    assertTrue(total >= 2000, "only " + total + " probes generated: " + counts);
    assertTrue(
        failures.isEmpty(),
        failures.size() + " of " + total + " probes disagree:\n" + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
  }

  private enum Expect {
    /** Both accept. */
    ACCEPT,
    /** Both reject; the reader's message names the field, and not as an unknown one. */
    REJECT_NAMING,
    /** Both reject; the reader's message names the field as unknown. */
    REJECT_UNKNOWN,
    /** Both agree, whichever way. */
    AGREE,
    /** Both agree, or only the schema accepts (a rule across fields, {@link #CROSS_FIELD_RULES}). */
    AGREE_OR_SCHEMA_LOOSER
  }

  /** The probes of one schema. */
  private static final class Probes {
    final Root root;
    final SchemaValidator validator;
    final JsonNode defs;
    final Map<String, Integer> counts;
    final List<String> failures;

    Probes(Root root, JsonNode schema, Map<String, Integer> counts, List<String> failures) {
      this.root = root;
      this.validator = new SchemaValidator(schema);
      this.defs = schema.path("$defs");
      this.counts = counts;
      this.failures = failures;
    }

    /** The probes of one object, each kind of each field once per schema location. */
    void object(String documentName, JsonNode document, Located object, Set<String> probed) {
      JsonNode value = document.at(object.pointer());
      String at = documentName + " " + (object.pointer().isEmpty() ? "/" : object.pointer()) + " (" + object.location() + ")";
      if (probed.add(object.location() + " unknown")) {
        expect(at + " + colour", changed(document, object.pointer(), o -> o.put("colour", "blue")), Expect.REJECT_UNKNOWN, "colour");
      }
      List<String> present = new ArrayList<>();
      value.fieldNames().forEachRemaining(present::add);
      for (String field : present) {
        if (probed.add(object.location() + " missing " + field)) {
          Expect expect =
              CROSS_FIELD_RULES.contains(object.location() + "." + field) ? Expect.AGREE_OR_SCHEMA_LOOSER : Expect.AGREE;
          expect(at + " without " + field, changed(document, object.pointer(), o -> o.remove(field)), expect, field);
        }
      }
      object.schema().path("properties").properties().forEach(
          property -> {
            String field = property.getKey();
            JsonNode schema = resolve(defs, property.getValue());
            if (probed.add(object.location() + " wrong type " + field)) {
              JsonNode wrong = wrongType(defs, schema);
              if (wrong != null) {
                expect(at + "/" + field + " = " + wrong, changed(document, object.pointer(), o -> o.set(field, wrong)), Expect.REJECT_NAMING, field);
              }
            }
            if (probed.add(object.location() + " bounds " + field)) {
              Expect atBound =
                  CROSS_FIELD_RULES.contains(object.location() + "." + field) ? Expect.AGREE_OR_SCHEMA_LOOSER : Expect.AGREE;
              for (Map.Entry<JsonNode, Expect> bound : bounds(schema, atBound).entrySet()) {
                JsonNode probe = bound.getKey();
                expect(at + "/" + field + " = " + probe, changed(document, object.pointer(), o -> o.set(field, probe)), bound.getValue(), field);
              }
            }
          });
    }

    void expect(String what, JsonNode document, Expect expect, String field) {
      counts.merge(root.resource().substring(root.resource().lastIndexOf('/') + 1) + " " + expect, 1, Integer::sum);
      boolean schemaAccepts = validator.validate(document).isEmpty();
      String error = null;
      try {
        root.reader().accept(document);
      } catch (InvalidDocumentException e) {
        error = e.getMessage();
      } catch (RuntimeException e) {
        failures.add(what + ": the reader threw " + e);
        return;
      }
      boolean readerAccepts = error == null;
      String verdict = "schema " + (schemaAccepts ? "accepts" : "rejects") + ", reader " + (readerAccepts ? "accepts" : "rejects: " + error);
      boolean ok =
          switch (expect) {
            case ACCEPT -> schemaAccepts && readerAccepts;
            case REJECT_NAMING ->
                !schemaAccepts && !readerAccepts && error.contains(field) && !error.contains("unknown field");
            case REJECT_UNKNOWN -> !schemaAccepts && !readerAccepts && error.contains(field);
            case AGREE -> schemaAccepts == readerAccepts;
            case AGREE_OR_SCHEMA_LOOSER -> schemaAccepts || !readerAccepts;
          };
      if (!ok) {
        failures.add(what + " [" + expect + "]: " + verdict);
      }
    }
  }

  /** A copy of {@code document} with the object at {@code pointer} changed. */
  private static JsonNode changed(JsonNode document, String pointer, Consumer<ObjectNode> change) {
    JsonNode copy = document.deepCopy();
    change.accept((ObjectNode) copy.at(pointer));
    return copy;
  }

  /**
   * Collects the closed objects of {@code value} with the schema that describes each: through {@code $ref}s (the
   * definition names the location), the alternative of a union that the value is of, properties, map values
   * ({@code additionalProperties}) and list items.
   */
  private static void walk(JsonNode defs, JsonNode schema, JsonNode value, String pointer, String location, List<Located> out) {
    while (schema.has("$ref")) {
      location = refName(schema);
      schema = defs.get(location);
    }
    if (isUnion(schema)) {
      for (JsonNode branch : branches(schema)) {
        if (matches(defs, branch, value)) {
          walk(defs, branch, value, pointer, location, out);
          return;
        }
      }
      throw new AssertionError("no alternative of " + location + " matches the document at " + pointer);
    }
    if (value.isObject() && schema.has("properties")) {
      if (isClosed(schema)) {
        out.add(new Located(pointer, location, schema));
      }
      JsonNode properties = schema.get("properties");
      JsonNode others = schema.path("additionalProperties");
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        JsonNode property = properties.has(field.getKey()) ? properties.get(field.getKey()) : others;
        if (property.isObject()) {
          walk(defs, property, field.getValue(), pointer + "/" + escaped(field.getKey()), location + "." + field.getKey(), out);
        }
      }
    } else if (value.isObject() && schema.path("additionalProperties").isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        walk(defs, schema.get("additionalProperties"), field.getValue(), pointer + "/" + escaped(field.getKey()), location + ".*", out);
      }
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        walk(defs, schema.get("items"), value.get(i), pointer + "/" + i, location + "[]", out);
      }
    }
  }

  private static String escaped(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String refName(JsonNode schema) {
    return schema.get("$ref").asText().substring("#/$defs/".length());
  }

  private static JsonNode resolve(JsonNode defs, JsonNode schema) {
    while (schema.has("$ref")) {
      schema = defs.get(refName(schema));
    }
    return schema;
  }

  private static boolean isClosed(JsonNode schema) {
    return schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean();
  }

  /** A schema that is a choice of alternatives, not an object with rules across its fields. */
  private static boolean isUnion(JsonNode schema) {
    return !schema.has("type") && !schema.has("properties") && (schema.has("oneOf") || schema.has("anyOf"));
  }

  private static JsonNode branches(JsonNode schema) {
    return schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
  }

  /** Whether {@code value} has the shape of {@code schema}: its type, constants, required and known fields. */
  private static boolean matches(JsonNode defs, JsonNode schema, JsonNode value) {
    schema = resolve(defs, schema);
    if (isUnion(schema)) {
      for (JsonNode branch : branches(schema)) {
        if (matches(defs, branch, value)) {
          return true;
        }
      }
      return false;
    }
    if (!types(defs, schema).isEmpty() && !types(defs, schema).contains(jsonType(value))
        && !(jsonType(value).equals("integer") && types(defs, schema).contains("number"))) {
      return false;
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      return false;
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      return false;
    }
    if (value.isObject() && schema.has("properties")) {
      JsonNode properties = schema.get("properties");
      for (JsonNode name : schema.path("required")) {
        if (!value.has(name.asText())) {
          return false;
        }
      }
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        JsonNode property = properties.get(field.getKey());
        if (property == null ? isClosed(schema) : !scalarMatches(resolve(defs, property), field.getValue())) {
          return false;
        }
      }
    }
    return true;
  }

  /** A discriminator's constant or enum, checked when choosing an alternative. */
  private static boolean scalarMatches(JsonNode property, JsonNode value) {
    return !(property.has("const") && !property.get("const").equals(value))
        && !(property.has("enum") && !contains(property.get("enum"), value));
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode candidate : values) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** The JSON types a schema allows; empty when it does not say (any). */
  private static Set<String> types(JsonNode defs, JsonNode schema) {
    schema = resolve(defs, schema);
    Set<String> types = new TreeSet<>();
    if (schema.has("type")) {
      if (schema.get("type").isArray()) {
        schema.get("type").forEach(type -> types.add(type.asText()));
      } else {
        types.add(schema.get("type").asText());
      }
      return types;
    }
    if (schema.has("const")) {
      types.add(jsonType(schema.get("const")));
      return types;
    }
    if (schema.has("enum")) {
      schema.get("enum").forEach(value -> types.add(jsonType(value)));
      return types;
    }
    if (isUnion(schema)) {
      for (JsonNode branch : branches(schema)) {
        Set<String> of = types(defs, branch);
        if (of.isEmpty()) {
          return Set.of();
        }
        types.addAll(of);
      }
    } else if (schema.has("properties")) {
      types.add("object");
    }
    return types;
  }

  private static String jsonType(JsonNode value) {
    if (value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
      return "integer";
    }
    return value.isNumber() ? "number" : value.isTextual() ? "string" : value.isBoolean() ? "boolean"
        : value.isArray() ? "array" : value.isObject() ? "object" : "null";
  }

  /** A value of a JSON type the schema does not allow, or null if it allows any. */
  private static JsonNode wrongType(JsonNode defs, JsonNode schema) {
    Set<String> allowed = types(defs, schema);
    if (allowed.isEmpty()) {
      return null;
    }
    Map<String, JsonNode> candidates = new LinkedHashMap<>();
    candidates.put("boolean", NODES.booleanNode(true));
    candidates.put("array", NODES.arrayNode().add(true));
    candidates.put("string", NODES.textNode("seven"));
    candidates.put("number", NODES.numberNode(7.5));
    candidates.put("object", NODES.objectNode().put("colour", "blue"));
    for (Map.Entry<String, JsonNode> candidate : candidates.entrySet()) {
      if (!allowed.contains(candidate.getKey())) {
        return candidate.getValue();
      }
    }
    return null;
  }

  /**
   * The values just outside each bound the schema declares (both reject), and at each inclusive bound (both
   * accept, unless a rule across fields rejects it: {@code atBound}); a string's minimum length, an enum's
   * members, an integer's wholeness.
   */
  private static Map<JsonNode, Expect> bounds(JsonNode schema, Expect atBound) {
    Map<JsonNode, Expect> out = new LinkedHashMap<>();
    boolean integer = schema.path("type").asText().equals("integer");
    double step = integer ? 1 : 0.5;
    Function<Double, JsonNode> number = x -> integer ? NODES.numberNode(x.longValue()) : NODES.numberNode(x);
    if (schema.has("minimum")) {
      double minimum = schema.get("minimum").asDouble();
      out.put(number.apply(minimum - step), Expect.AGREE);
      out.put(number.apply(minimum), atBound);
    }
    if (schema.has("exclusiveMinimum")) {
      out.put(number.apply(schema.get("exclusiveMinimum").asDouble()), Expect.AGREE);
    }
    if (schema.has("maximum")) {
      double maximum = schema.get("maximum").asDouble();
      out.put(number.apply(maximum + step), Expect.AGREE);
      out.put(number.apply(maximum), atBound);
    }
    if (schema.has("exclusiveMaximum")) {
      out.put(number.apply(schema.get("exclusiveMaximum").asDouble()), Expect.AGREE);
    }
    if (integer) {
      out.put(NODES.numberNode(2.5), Expect.AGREE);
    }
    if (schema.path("minLength").asInt() == 1) {
      out.put(NODES.textNode(""), Expect.AGREE);
    }
    if (schema.has("enum") && schema.get("enum").get(0).isTextual()) {
      out.put(NODES.textNode("no-such-" + schema.get("enum").get(0).asText()), Expect.AGREE);
    }
    return out;
  }
}
