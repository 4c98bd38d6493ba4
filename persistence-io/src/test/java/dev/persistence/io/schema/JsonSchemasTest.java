package dev.persistence.io.schema;

import dev.persistence.io.energy.EnergyCodecs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.architecture.ModelFiles;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.catalog.DatasetCatalog;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.io.data.MixtureFiles;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.scenario.ScenarioFiles;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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

  private static final java.util.Map<String, JsonNode> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

  private static JsonNode schema(String resource) {
    return SCHEMAS.computeIfAbsent(
        resource, name -> Documents.parse(JsonSchemas.text(name), DocumentFormat.JSON, name));
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

  private static final Path EXAMPLES = Path.of("..", "examples");

  /** A scenario as written in a file: relative paths (model, mixture) resolve against the examples folder. */
  private static JsonNode exampleScenario(String name) {
    return Documents.read(EXAMPLES.resolve(name));
  }

  /**
   * The scenario with every alternative form the examples leave out (objects where they use names, every
   * distribution kind, a parallelism plan, an inline accelerator) and an inline multi-head latent attention,
   * mixture-of-experts model (DeepSeek-V2-Lite's config read to our architecture form).
   */
  private static JsonNode everyFormScenario() {
    ObjectNode document =
        (ObjectNode) Documents.read(Path.of("src/test/resources/dev/persistence/io/schema/every-form.scenario.yaml"));
    document.set(
        "model", ArchitectureCodecs.ARCHITECTURE.write(ModelFiles.read(EXAMPLES.resolve("models/deepseek-v2-lite.json"))));
    return document;
  }

  /** ScenarioFiles.write of what the reader made of {@code document}: one self-contained document. */
  private static JsonNode written(JsonNode document) {
    return ScenarioFiles.write(readScenario(document), AcceleratorCatalog.bundled());
  }

  private static dev.persistence.costing.plan.Scenario readScenario(JsonNode document) {
    return ScenarioFiles.read(DocumentNode.root(document, "scenario"), EXAMPLES);
  }

  private static Consumer<String> scenarioReader() {
    return text -> readScenario(Documents.parse(text, DocumentFormat.JSON, "scenario"));
  }

  /** Every scenario document the tests use, by name. */
  private static Map<String, JsonNode> scenarios() {
    Map<String, JsonNode> documents = new java.util.LinkedHashMap<>();
    for (String name : List.of("frontier.yaml", "competitive.yaml", "post-training.yaml")) {
      documents.put(name, exampleScenario(name));
      documents.put("written " + name, written(exampleScenario(name)));
    }
    documents.put("every form", everyFormScenario());
    documents.put("written every form", written(everyFormScenario()));
    // Hybrid and MTP models (issue 19): Mamba (Jamba), Mamba-2 (Granite 4), gated DeltaNet (Qwen3-Next), MTP (GLM-4.5).
    for (String config :
        List.of(
            "ai21-jamba-1.5-mini.json",
            "granite-4.0-h-tiny.hyperparameters.json",
            "qwen3-next-80b-a3b.hyperparameters.json",
            "glm-4.5.hyperparameters.json",
            "minimax-m1.hyperparameters.json")) {
      ObjectNode hybrid = everyFormScenario().deepCopy();
      Path file = Path.of(System.getProperty("persistence.reference", "../reference"), "hf-configs-2025", "added", config);
      hybrid.set("model", ArchitectureCodecs.ARCHITECTURE.write(ModelFiles.read(file)));
      documents.put("every form, " + config, hybrid);
    }
    ObjectNode megatron = exampleScenario("frontier.yaml").deepCopy();
    megatron.set("model", Documents.read(EXAMPLES.resolve("models/gpt3-175b-megatron.yaml")));
    documents.put("megatronGpt model", megatron);
    // A kaplan-form law object (the constants of Kaplan et al. 2020 eq. 1.1 and 1.2, renamed as a user's fit).
    ObjectNode kaplan = exampleScenario("competitive.yaml").deepCopy();
    kaplan.putObject("law")
        .put("type", "kaplan").put("name", "test-kaplan").put("source", "schema test")
        .put("alphaN", 0.076).put("criticalParameters", 8.8e13).put("alphaD", 0.095).put("criticalTokens", 5.4e13);
    documents.put("kaplan law", kaplan);
    return documents;
  }

  /** The scenario schema's definition of each object in a scenario document, by its pointer. */
  private static void addScenarioCases(JsonNode document, List<Case> cases) {
    addScenarioCase(document, "", "", cases);
    for (String section :
        List.of(
            "training", "cluster", "energy", "owned", "serving", "data", "program", "uncertainty", "targets",
            "positioning", "forecast")) {
      addScenarioCase(document, "/" + section, section, cases);
    }
    addScenarioCase(document, "/uncertainty/assumptions", "assumptions", cases);
    addScenarioCase(document, "/positioning/models/0", "notableModel", cases);
    addScenarioCase(document, "/forecast/runsInline/0", "forecastRun", cases);
    addScenarioCase(document, "/developerRevenue", "developerRevenue", cases);
    addScenarioCase(document, "/obligations", "obligations", cases);
    addScenarioCase(document, "/obligations/revenueTiers/0", "revenueTier", cases);
    addScenarioCase(document, "/obligations/obligations/0", "obligation", cases);
    JsonNode model = document.at("/model");
    if (model.has("megatronGpt")) {
      addScenarioCase(document, "/model", "megatronGptModel", cases);
      addScenarioCase(document, "/model/megatronGpt", "megatronGpt", cases);
    } else if (model.has("file")) {
      addScenarioCase(document, "/model", "modelFile", cases);
    } else if (!model.has("model_type")) {
      addScenarioCase(document, "/model", "architecture", cases);
      String attention = document.at("/model/attention/type").asText();
      addScenarioCase(
          document, "/model/attention", attention.equals("grouped-query") ? "groupedQueryAttention" : "multiHeadLatentAttention", cases);
      String feedForward = document.at("/model/feedForward/type").asText();
      addScenarioCase(document, "/model/feedForward", feedForward.equals("dense") ? "denseFeedForward" : "mixtureOfExperts", cases);
      addScenarioCase(document, "/model/feedForward/denseFeedForward", "denseBlock", cases);
      if (model.has("sequenceMixer")) {
        String mixer = document.at("/model/sequenceMixer/type").asText();
        addScenarioCase(
            document,
            "/model/sequenceMixer",
            mixer.equals("mamba")
                ? "mambaMixer"
                : mixer.equals("mamba2")
                    ? "mamba2Mixer"
                    : mixer.equals("lightning") ? "lightningAttention" : "gatedDeltaNet",
            cases);
      }
      if (model.has("multiTokenPrediction")) {
        addScenarioCase(document, "/model/multiTokenPrediction", "multiTokenPrediction", cases);
      }
    }
    addScenarioCase(document, "/training/precision", "trainingPrecisionObject", cases);
    for (int i = 0; i < document.at("/training/precision/optimizerStates").size(); i++) {
      addScenarioCase(document, "/training/precision/optimizerStates/" + i, "optimizerState", cases);
    }
    addScenarioCase(document, "/training/goodput", "goodputObject", cases);
    addScenarioCase(document, "/training/parallelism", "parallelismPlan", cases);
    addScenarioCase(document, "/cluster/accelerator", "accelerator", cases);
    addLawCases(document, "/law", cases);
    addScenarioCase(document, "/price", "cloudPriceObject", cases);
    addScenarioCase(document, "/energy/locationGrid", "gridIntensity", cases);
    addScenarioCase(document, "/energy/marketGrid", "gridIntensity", cases);
    addScenarioCase(document, "/data/mixture", "mixture", cases);
    addScenarioCase(document, "/serving/weightFormat", "weightFormatObject", cases);
    for (String list : List.of("phases", "team", "milestones")) {
      String definition = Map.of("phases", "phase", "team", "role", "milestones", "milestone").get(list);
      for (int i = 0; i < document.at("/program/" + list).size(); i++) {
        addScenarioCase(document, "/program/" + list + "/" + i, definition, cases);
      }
    }
    for (int i = 0; i < document.at("/program/phases").size(); i++) {
      addPostTrainingCases(document, "/program/phases/" + i + "/postTraining", cases);
    }
    document.at("/uncertainty/assumptions").properties().forEach(
        input -> {
          if (input.getValue().isObject()) {
            addScenarioCase(
                document, "/uncertainty/assumptions/" + input.getKey(),
                DISTRIBUTIONS.get(input.getValue().get("distribution").asText()), cases);
          }
        });
    document.at("/targets").fieldNames().forEachRemaining(
        metric -> addScenarioCase(document, "/targets/" + metric, "range", cases));
  }

  /** A phase's post-training section: the stage by its kind, the layout, the calibration, the suites. */
  private static void addPostTrainingCases(JsonNode document, String pointer, List<Case> cases) {
    addScenarioCase(document, pointer, "plannedStage", cases);
    addScenarioCase(document, pointer + "/trainingLayout", "trainingLayout", cases);
    addScenarioCase(document, pointer + "/trainingLayout/shardedGathers", "shardedGathers", cases);
    addScenarioCase(document, pointer + "/calibration", "postTrainingCalibration", cases);
    String kind = document.at(pointer + "/stage/kind").asText();
    if (!kind.isEmpty()) {
      addScenarioCase(document, pointer + "/stage", kind + "Stage", cases);
    }
    for (int i = 0; i < document.at(pointer + "/stage/suites").size(); i++) {
      addScenarioCase(document, pointer + "/stage/suites/" + i, "benchmarkSuite", cases);
    }
  }

  private static final Map<String, String> DISTRIBUTIONS =
      Map.of(
          "constant", "constant", "uniform", "uniform", "log-uniform", "logUniform", "triangular", "triangular",
          "normal", "normal", "log-normal", "logNormal", "scenarios", "scenarios");

  private static final Map<String, String> LAWS =
      Map.of("chinchilla-form", "chinchillaFormLaw", "data-constrained", "dataConstrainedLaw", "kaplan", "kaplanLaw");

  private static void addLawCases(JsonNode document, String pointer, List<Case> cases) {
    JsonNode law = document.at(pointer);
    if (law.isObject()) {
      addScenarioCase(document, pointer, LAWS.get(law.get("type").asText()), cases);
      addLawCases(document, pointer + "/base", cases);
    }
  }

  /** Adds the case if the document has an object at {@code pointer}. */
  private static void addScenarioCase(JsonNode document, String pointer, String definition, List<Case> cases) {
    if (document.at(pointer).isObject()) {
      cases.add(new Case(JsonSchemas.SCENARIO, document, pointer, definition, scenarioReader()));
    }
  }

  private static Consumer<String> acceleratorReader() {
    return text -> AcceleratorCatalog.parse(text, DocumentFormat.JSON);
  }

  private static Consumer<String> datasetReader() {
    return text -> DatasetCatalog.parse(text, DocumentFormat.JSON, "datasets");
  }

  private static Consumer<String> notableModelReader() {
    return text -> NotableModelCatalog.parse(text, DocumentFormat.JSON, "notable models");
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
    // The bundled catalog cut to its first three entries (with tokens, MFU and cost) and Grok 3 (no tokens),
    // which the per-property checks re-read many times.
    ObjectNode notable = (ObjectNode) rawResource(NotableModelCatalog.BUNDLED_RESOURCE).deepCopy();
    com.fasterxml.jackson.databind.node.ArrayNode few = NODES.arrayNode();
    for (int i : new int[] {0, 1, 2, 224}) {
      few.add(notable.get("models").get(i));
    }
    notable.set("models", few);
    cases.add(new Case(JsonSchemas.NOTABLE_MODEL_CATALOG, notable, "", "", notableModelReader()));
    cases.add(new Case(JsonSchemas.NOTABLE_MODEL_CATALOG, notable, "/provenance", "provenance", notableModelReader()));
    for (int i = 0; i < few.size(); i++) {
      cases.add(new Case(JsonSchemas.NOTABLE_MODEL_CATALOG, notable, "/models/" + i, "notableModel", notableModelReader()));
    }
    cases.add(new Case(JsonSchemas.MIXTURE, mixture, "", "", mixtureReader()));
    for (int i = 0; i < mixture.get("sources").size(); i++) {
      String kind = mixture.get("sources").get(i).has("catalog") ? "catalogSource" : "inlineSource";
      cases.add(new Case(JsonSchemas.MIXTURE, mixture, "/sources/" + i, kind, mixtureReader()));
    }
    cases.add(new Case(JsonSchemas.MIXTURE, mixture, "/curationCosts", "curationCosts", mixtureReader()));
    for (JsonNode scenario : scenarios().values()) {
      addScenarioCases(scenario, cases);
    }
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
      // The one open object: an inline HuggingFace config.json, whose keys are HuggingFace's, not ours.
      List<String> allowed = resource.equals(JsonSchemas.SCENARIO) ? List.of("/$defs/huggingFaceConfig") : List.of();
      assertEquals(allowed, open, resource + ": objects without additionalProperties: false");
    }
  }

  private static void collectOpenObjects(JsonNode schema, String path, List<String> open) {
    collectOpenObjects(schema, path, open, false);
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
  void shippedDocumentsValidate() throws IOException {
    assertValid(JsonSchemas.ACCELERATOR_CATALOG, bundledAccelerators());
    assertValid(JsonSchemas.ACCELERATOR_CATALOG, rawResource(AcceleratorCatalog.BUNDLED_RESOURCE));
    assertValid(JsonSchemas.DATASET_CATALOG, bundledDatasets());
    assertValid(JsonSchemas.NOTABLE_MODEL_CATALOG, rawResource(NotableModelCatalog.BUNDLED_RESOURCE));
    assertValid(JsonSchemas.MIXTURE, exampleMixture());
    // The example scenarios, the every-form scenario, and ScenarioFiles.write of each (self-contained).
    List<String> failures = new ArrayList<>();
    scenarios().forEach(
        (name, document) -> {
          List<String> errors = new SchemaValidator(schema(JsonSchemas.SCENARIO)).validate(document);
          if (!errors.isEmpty()) {
            failures.add(name + ": " + errors);
          }
        });
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static JsonNode rawResource(String resource) throws IOException {
    try (var in = JsonSchemasTest.class.getResourceAsStream(resource)) {
      return Documents.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), DocumentFormat.JSON, resource);
    }
  }

  private static void assertValid(String what, JsonNode document) {
    String resource = what.split(" ")[0];
    List<String> errors = new SchemaValidator(schema(resource)).validate(document);
    assertTrue(errors.isEmpty(), what + ": " + errors);
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

  @Test
  void scenarioPropertiesAreTheFieldsScenarioFilesReads() {
    // Listed from ScenarioFiles.read and the codecs it calls; scenarioPropertiesAreAllReadByTheReader checks that
    // the reader knows each, and the written documents (every field, additionalProperties: false) that the schema
    // knows every field the writer writes.
    JsonNode scenario = schema(JsonSchemas.SCENARIO);
    JsonNode defs = scenario.get("$defs");
    assertEquals(
        Set.of("name", "acceleratorCatalog", "model", "training", "cluster", "law", "price", "energy", "owned", "serving",
            "data",
            "program", "uncertainty", "targets", "positioning", "forecast", "developerRevenue", "obligations"),
        names(scenario));
    assertEquals(
        Set.of("tokens", "sequenceLength", "globalBatchSize", "precision", "goodput", "parallelism", "modelFlopsUtilization",
            "attentionKernel"),
        names(defs.get("training")));
    assertEquals(Set.of("tdpFraction", "locationGrid", "marketGrid"), names(defs.get("energy")));
    assertEquals(
        Set.of("capitalUsdPerAccelerator", "capitalUsdPerNode", "networkingAndStorageFraction", "amortisationYears",
            "utilisation", "powerPriceUsdPerKilowattHour", "operationsStaffUsdPerYear"),
        names(defs.get("owned")));
    assertEquals(Set.of("mixture", "datasetCatalog"), names(defs.get("data")));
    assertEquals(
        Set.of("startMonth", "durationMonths", "inputTokensPerDay", "outputTokensPerDay", "promptTokens", "outputTokens",
            "tensorParallel", "weightFormat", "batch", "targetUtilisation", "computeEfficiency", "bandwidthEfficiency"),
        names(defs.get("serving")));
    assertEquals(
        Set.of("phases", "team", "milestones", "contingencyFraction", "fundingAvailableUsd"), names(defs.get("program")));
    assertEquals(Set.of("samples", "seed", "assumptions"), names(defs.get("uncertainty")));
    Set<String> inputs = new TreeSet<>();
    for (var input : dev.persistence.costing.uncertainty.CostInput.values()) {
      inputs.add(dev.persistence.io.document.EnumNames.camelCase(input));
    }
    assertEquals(inputs, names(defs.get("assumptions")));
    Set<String> metrics = new TreeSet<>();
    for (var metric : dev.persistence.costing.plan.TargetMetric.values()) {
      metrics.add(dev.persistence.io.document.EnumNames.camelCase(metric));
    }
    assertEquals(metrics, names(defs.get("targets")));
    // The accelerator and the mixture are the other schemas' definitions, copied: they must not drift apart.
    assertEquals(schema(JsonSchemas.ACCELERATOR_CATALOG).get("$defs").get("accelerator"), defs.get("accelerator"));
    JsonNode mixture = schema(JsonSchemas.MIXTURE);
    mixture.get("$defs").properties().forEach(def -> assertEquals(def.getValue(), defs.get(def.getKey()), def.getKey()));
    for (String keyword : List.of("type", "properties", "required", "additionalProperties")) {
      assertEquals(mixture.get(keyword), defs.get("mixture").get(keyword), "mixture " + keyword);
    }
  }

  @Test
  void scenarioPropertiesAreAllReadByTheReader() throws IOException {
    // For each object of each definition the documents exercise, each schema property set to a value of a wrong
    // JSON type must be rejected by both, and by the reader as that field's value, not as an unknown field: a
    // property the reader does not read fails here.
    Set<String> exercised = new TreeSet<>();
    Set<String> definitions = new TreeSet<>();
    for (Case c : cases()) {
      definitions.add(c.definition());
      if (!c.resource().equals(JsonSchemas.SCENARIO) || !exercised.add(c.definition() + " " + c.pointer())) {
        continue;
      }
      definition(c).get("properties").fieldNames().forEachRemaining(
          property -> {
            String where = c.pointer() + "/" + property;
            JsonNode copy = null;
            for (JsonNode wrong : List.of(NODES.booleanNode(true), NODES.arrayNode().add(true))) {
              JsonNode candidate = c.document().deepCopy();
              ((ObjectNode) candidate.at(c.pointer())).set(property, wrong);
              if (!new SchemaValidator(schema(c.resource())).validate(candidate).isEmpty()) {
                copy = candidate;
                break;
              }
            }
            assertTrue(copy != null, where + ": the schema accepts both true and [true]");
            InvalidDocumentException e = assertRejected(c, copy, where);
            assertFalse(e.getMessage().contains("unknown field"), where + ": " + e.getMessage());
            if (!copiedDefinition(c.definition())) {
              assertTrue(e.getMessage().contains(property), where + ": " + e.getMessage());
            }
          });
    }
    // Every definition of our own with properties is exercised by some document.
    JsonNode defs = schema(JsonSchemas.SCENARIO).get("$defs");
    JsonNode copied = schema(JsonSchemas.MIXTURE).get("$defs");
    defs.properties().forEach(
        def -> {
          boolean ours = !copied.has(def.getKey()) && !def.getKey().equals("huggingFaceConfig");
          if (ours && def.getValue().has("properties")) {
            assertTrue(definitions.contains(def.getKey()), def.getKey() + " is exercised by no document");
          }
        });
  }

  /** A definition copied from the accelerator or the mixture schema, whose readers have their own messages. */
  private static boolean copiedDefinition(String definition) {
    return definition.equals("accelerator")
        || definition.equals("mixture")
        || schema(JsonSchemas.MIXTURE).get("$defs").has(definition);
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
    JsonNode frontier = exampleScenario("frontier.yaml");
    List<JsonNode> models =
        List.of(
            Documents.read(EXAMPLES.resolve("models/gpt3-175b-megatron.yaml")),
            Documents.read(EXAMPLES.resolve("models/llama-2-7b.json")),
            Documents.read(EXAMPLES.resolve("models/qwen3-30b-a3b.json")),
            NODES.objectNode().put("file", "models/gpt-oss-20b.json"));
    for (JsonNode model : models) {
      ObjectNode document = frontier.deepCopy();
      document.set("model", model);
      assertValid(JsonSchemas.SCENARIO, document);
      readScenario(document);
      // With a second form's key beside it, both reject the model.
      ObjectNode mixed = document.deepCopy();
      ((ObjectNode) mixed.get("model")).put(model.has("file") ? "model_type" : "file", "models/gpt-oss-20b.json");
      assertFalse(new SchemaValidator(schema(JsonSchemas.SCENARIO)).validate(mixed).isEmpty(), mixed.get("model").toString());
      assertThrows(InvalidDocumentException.class, () -> readScenario(mixed), mixed.get("model").toString());
    }
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
        if (NUMERIC_RULES.getOrDefault(c.definition(), Set.of()).contains(field)) {
          // Required or not by the numbers of other fields: the schema leaves it optional (see NUMERIC_RULES).
          assertTrue(schemaAccepts, where);
        } else if (required.contains(field)) {
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

  /**
   * Fields whose presence the reader requires depending on other fields' numbers, which the schema cannot say
   * without if/then over counts: a mixture of experts needs {@code denseFeedForward} exactly when some layers
   * are dense (by {@code firstDenseLayers}, {@code layerPeriod}/{@code layerPhase} and {@code denseLayers},
   * against {@code numLayers} of the enclosing architecture).
   */
  private static final Map<String, Set<String>> NUMERIC_RULES =
      Map.of(
          // layerPhase must stay below layerPeriod (Jamba: phase 1); a shared-expert gate needs a shared expert.
          "mixtureOfExperts", Set.of("denseFeedForward", "layerPeriod", "numSharedExperts"),
          // A hybrid stack names its sequence mixer and how many layers use it, both or neither.
          "architecture", Set.of("sequenceMixer", "sequenceMixerLayerIndices"),
          // Block scales need a block: scaleBitsPerBlock > 0 requires blockSize > 0 (WeightFormat's rule).
          "weightFormatObject", Set.of("blockSize"),
          // The CSV's column names default to params, tokens, loss: needed exactly when the file's header differs.
          "forecast", Set.of("paramsColumn", "tokensColumn", "lossColumn"));

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
        // A value of another JSON type: a number becomes a list, a boolean a string, anything else a boolean.
        JsonNode wrong =
            original.isNumber()
                ? NODES.arrayNode().add(1)
                : original.isBoolean() ? NODES.textNode("yes") : NODES.booleanNode(true);
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
