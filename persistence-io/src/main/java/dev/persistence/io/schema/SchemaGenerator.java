package dev.persistence.io.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.catalog.DatasetCatalog;
import dev.persistence.io.catalog.NotableModelCatalog;
import dev.persistence.io.data.MixtureFiles;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.scenario.ScenarioFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Generates the shipped JSON Schemas from the codecs' declarations ({@link dev.persistence.io.document.Codec#schema}); the build runs it after
 * compiling io, writing into the jar's classes, and {@code SchemaGeneratorTest} checks that the committed copies
 * under {@code src/main/resources} are what it writes.
 *
 * <p>Every definition comes from a codec's declaration; a {@code $ref} that no codec registers fails the build.
 */
public final class SchemaGenerator {
  /** Each schema's title and description. */
  private static final Map<String, String[]> HEADERS =
      Map.of(
          JsonSchemas.ACCELERATOR_CATALOG,
          new String[] {
            "persistence accelerator catalog",
            "A versioned list of accelerators (dev.persistence.io.catalog.AcceleratorCatalog). Dense peaks only;"
                + " units are in the field names."
          },
          JsonSchemas.DATASET_CATALOG,
          new String[] {
            "persistence dataset catalog",
            "A versioned list of pre-training corpora (dev.persistence.io.catalog.DatasetCatalog)."
          },
          JsonSchemas.MIXTURE,
          new String[] {
            "persistence data mixture",
            "A mixture file (dev.persistence.io.data.MixtureFiles): weighted sources and curation costs."
          },
          JsonSchemas.NOTABLE_MODEL_CATALOG,
          new String[] {
            "persistence catalog of notable models",
            "Published models with training compute, size, hardware and cost"
                + " (dev.persistence.io.catalog.NotableModelCatalog). The bundled catalog is Epoch AI's 'Data on AI"
                + " Models' (CC BY 4.0); keep its attribution."
          },
          JsonSchemas.OBLIGATIONS,
          new String[] {
            "persistence obligations",
            "Obligations that compute thresholds bring, with provision, date, sanction, source and check status, and"
                + " the revenue tiers some are limited to (dev.persistence.io.regulation.ObligationDocuments)."
          },
          JsonSchemas.SCENARIO,
          new String[] {
            "persistence scenario",
            "A scenario file, the input of persistence plan (dev.persistence.io.scenario.ScenarioFiles); also what"
                + " ScenarioFiles.write produces."
          });

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
    Optional<Function<SchemaDefinitions, ObjectNode>> root = root(resource);
    String[] header = HEADERS.get(resource);
    String id = "https://persistence.dev/schema/" + resource.substring(resource.lastIndexOf('/') + 1);
    if (root.isPresent()) {
      SchemaDefinitions definitions = new SchemaDefinitions();
      ObjectNode fragment = root.get().apply(definitions);
      return definitions.document(id, header[0], header[1], fragment);
    }
    throw new IllegalArgumentException("no schema " + resource);
  }

  /** The declared root of a document, where its reader declares one. */
  private static Optional<Function<SchemaDefinitions, ObjectNode>> root(String resource) {
    if (resource.equals(JsonSchemas.MIXTURE)) {
      return Optional.of(MixtureFiles::schema);
    }
    if (resource.equals(JsonSchemas.ACCELERATOR_CATALOG)) {
      return Optional.of(AcceleratorCatalog::schema);
    }
    if (resource.equals(JsonSchemas.DATASET_CATALOG)) {
      return Optional.of(DatasetCatalog::schema);
    }
    if (resource.equals(JsonSchemas.NOTABLE_MODEL_CATALOG)) {
      return Optional.of(NotableModelCatalog::schema);
    }
    if (resource.equals(JsonSchemas.OBLIGATIONS)) {
      return Optional.of(dev.persistence.io.regulation.ObligationDocuments::schema);
    }
    if (resource.equals(JsonSchemas.SCENARIO)) {
      return Optional.of(ScenarioFiles::schema);
    }
    return Optional.empty();
  }
}
