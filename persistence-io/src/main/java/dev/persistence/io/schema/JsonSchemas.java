package dev.persistence.io.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON Schemas of our file formats, as class-path resources under {@code /dev/persistence/io/schema/}. They
 * are generated from the codecs' declarations ({@link SchemaGenerator}) and probed against the readers (a field
 * left out, an unknown field, a wrong JSON type, a bound overstepped: both accept or both reject); every object has
 * {@code additionalProperties: false}, so editors flag unknown fields as the readers do.
 */
public final class JsonSchemas {
  /** The accelerator catalog ({@code accelerators.json}, a user's {@code --catalog} file). */
  public static final String ACCELERATOR_CATALOG = "/dev/persistence/io/schema/accelerator-catalog.schema.json";

  /** The dataset catalog. */
  public static final String DATASET_CATALOG = "/dev/persistence/io/schema/dataset-catalog.schema.json";

  /** The catalog of notable models ({@code notable-models.json}, a user's {@code persistence models --catalog} file). */
  public static final String NOTABLE_MODEL_CATALOG = "/dev/persistence/io/schema/notable-model-catalog.schema.json";

  /** The obligations document (dev.persistence.io.regulation.ObligationDocuments). */
  public static final String OBLIGATIONS = "/dev/persistence/io/schema/obligations.schema.json";

  /** The data mixture file. */
  public static final String MIXTURE = "/dev/persistence/io/schema/mixture.schema.json";

  /**
   * The scenario file, the input of {@code persistence plan}, and what {@code ScenarioFiles.write} produces. Its
   * only open object is an inline HuggingFace {@code config.json}, whose keys are HuggingFace's.
   */
  public static final String SCENARIO = "/dev/persistence/io/schema/scenario.schema.json";

  private JsonSchemas() {}

  /** Every schema's resource name. */
  public static List<String> all() {
    return List.of(ACCELERATOR_CATALOG, DATASET_CATALOG, NOTABLE_MODEL_CATALOG, MIXTURE, OBLIGATIONS, SCENARIO);
  }

  /**
   * A schema's text.
   *
   * @param resource one of this class's constants
   * @throws IllegalArgumentException if there is no such resource
   */
  public static String text(String resource) {
    try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema " + resource + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
