package dev.persistence.io.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.scenario.ScenarioFiles;
import dev.persistence.io.training.TrainingCodecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the shipped JSON Schemas from the codecs' declarations ({@link Codec#schema}); the build runs it after
 * compiling io, writing into the jar's classes, and {@code SchemaGeneratorTest} checks that the committed copies
 * under {@code src/main/resources} are what it writes.
 *
 * <p>Codecs that do not declare their schema yet are described by the hand-written definitions under
 * {@code schema/legacy/}, which are deleted one by one as their codecs declare theirs.
 */
public final class SchemaGenerator {
  private static final String LEGACY = "/dev/persistence/io/schema/legacy/";

  private SchemaGenerator() {}

  /**
   * Writes every schema into a folder.
   *
   * @param args the folder ({@code target/classes/dev/persistence/io/schema})
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: SchemaGenerator FOLDER");
    }
    Path folder = Path.of(args[0]);
    Files.createDirectories(folder);
    for (String resource : JsonSchemas.all()) {
      Path file = folder.resolve(resource.substring(resource.lastIndexOf('/') + 1));
      Files.writeString(file, text(resource), StandardCharsets.UTF_8);
    }
  }

  /**
   * A schema's generated text, as the build writes it.
   *
   * @param resource one of {@link JsonSchemas}' constants
   */
  public static String text(String resource) {
    return Documents.print(generate(resource), DocumentFormat.JSON) + "\n";
  }

  /**
   * A schema, generated.
   *
   * @param resource one of {@link JsonSchemas}' constants
   */
  public static ObjectNode generate(String resource) {
    ObjectNode legacy = legacy(resource);
    Map<String, ObjectNode> fragments = new LinkedHashMap<>();
    JsonNode defs = legacy.path("$defs");
    for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      fragments.put(entry.getKey(), (ObjectNode) entry.getValue());
    }
    SchemaDefinitions definitions = new SchemaDefinitions(fragments);
    for (Codec<?> codec : declared(resource)) {
      codec.schema(definitions);
    }
    ObjectNode root = legacy.deepCopy();
    for (String key : List.of("$schema", "$id", "title", "description", "$defs")) {
      root.remove(key);
    }
    if (resource.equals(JsonSchemas.SCENARIO)) {
      // The scenario's root is its table's (ScenarioFiles), which registers every definition it uses.
      root = ScenarioFiles.schema(definitions);
    }
    return definitions.document(
        legacy.path("$id").asText(), legacy.path("title").asText(), legacy.path("description").asText(), root);
  }

  /** The codecs whose declared schemas a document's definitions come from. */
  private static List<Codec<?>> declared(String resource) {
    if (resource.equals(JsonSchemas.SCENARIO)) {
      return List.of(
          TrainingCodecs.PARALLELISM_PLAN,
          TrainingCodecs.TRAINING_PRECISION,
          TrainingCodecs.cluster(AcceleratorCatalog.bundled()));
    }
    return List.of();
  }

  private static ObjectNode legacy(String resource) {
    String name = LEGACY + resource.substring(resource.lastIndexOf('/') + 1);
    try (InputStream in = SchemaGenerator.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no schema " + name + " on the class path");
      }
      return (ObjectNode) Documents.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DocumentFormat.JSON, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
