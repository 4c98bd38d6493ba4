package dev.persistence.io.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.plan.Scenario;
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.architecture.ModelFiles;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The documents the project ships (bundled catalogs, examples) and the scenarios the schema tests read. */
final class ShippedDocuments {
  static final Path EXAMPLES = Path.of("..", "examples");

  private ShippedDocuments() {}

  /** A class-path resource's document. */
  static JsonNode resource(String resource) throws IOException {
    try (InputStream in = ShippedDocuments.class.getResourceAsStream(resource)) {
      return Documents.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DocumentFormat.JSON, resource);
    }
  }

  /** An example file's document (relative paths in it resolve against the examples folder). */
  static JsonNode example(String name) {
    return Documents.read(EXAMPLES.resolve(name));
  }

  /** A document of this test's own, {@code every-form.<format>.yaml}: the forms the shipped documents leave out. */
  static JsonNode everyForm(String format) {
    return Documents.read(Path.of("src/test/resources/dev/persistence/io/schema/every-form." + format + ".yaml"));
  }

  /**
   * The bundled notable-model catalog cut to its first three entries (with tokens, MFU and cost) and Grok 3 (no
   * tokens): the probes re-read it many times.
   */
  static JsonNode notableModels() throws IOException {
    ObjectNode notable = (ObjectNode) resource(NotableModelCatalog.BUNDLED_RESOURCE).deepCopy();
    ArrayNode few = notable.arrayNode();
    for (int i : new int[] {0, 1, 2, 224}) {
      few.add(notable.get("models").get(i));
    }
    notable.set("models", few);
    return notable;
  }

  /** A scenario document read as {@code persistence plan} reads it, with the examples folder as its folder. */
  static Scenario readScenario(JsonNode document) {
    return ScenarioFiles.read(DocumentNode.root(document, "scenario"), EXAMPLES);
  }

  /**
   * The scenario with every alternative form the examples leave out (objects where they use names, every
   * distribution kind, a parallelism plan, an inline accelerator) and an inline multi-head latent attention,
   * mixture-of-experts model (DeepSeek-V2-Lite's config read to our architecture form).
   */
  static JsonNode everyFormScenario() {
    ObjectNode document =
        (ObjectNode) everyForm("scenario");
    document.set(
        "model", ArchitectureCodecs.ARCHITECTURE.write(ModelFiles.read(EXAMPLES.resolve("models/deepseek-v2-lite.json"))));
    return document;
  }

  /** ScenarioFiles.write of what the reader made of {@code document}: one self-contained document. */
  static JsonNode written(JsonNode document) {
    return ScenarioFiles.write(readScenario(document), AcceleratorCatalog.bundled());
  }

  /** Every scenario document the schema tests use, by name: the examples, every form, and what is written of each. */
  static Map<String, JsonNode> scenarios() {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    for (String name : List.of("frontier.yaml", "competitive.yaml", "post-training.yaml")) {
      documents.put(name, example(name));
      documents.put("written " + name, written(example(name)));
    }
    documents.put("every form", everyFormScenario());
    documents.put("written every form", written(everyFormScenario()));
    ObjectNode inlineMixture = everyFormScenario().deepCopy();
    inlineMixture.withObjectProperty("data").set("mixture", everyForm("mixture"));
    documents.put("every form, inline mixture", inlineMixture);
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
    ObjectNode megatron = example("frontier.yaml").deepCopy();
    megatron.set("model", example("models/gpt3-175b-megatron.yaml"));
    documents.put("megatronGpt model", megatron);
    // A kaplan-form law object (the constants of Kaplan et al. 2020 eq. 1.1 and 1.2, renamed as a user's fit).
    ObjectNode kaplan = example("competitive.yaml").deepCopy();
    kaplan.putObject("law")
        .put("type", "kaplan").put("name", "test-kaplan").put("source", "schema test")
        .put("alphaN", 0.076).put("criticalParameters", 8.8e13).put("alphaD", 0.095).put("criticalTokens", 5.4e13);
    documents.put("kaplan law", kaplan);
    return documents;
  }
}
