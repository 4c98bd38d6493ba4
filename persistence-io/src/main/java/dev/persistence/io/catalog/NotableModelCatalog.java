package dev.persistence.io.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.landscape.ComputeConfidence;
import dev.persistence.costing.landscape.ImmutableNotableModel;
import dev.persistence.costing.landscape.ModelCatalog;
import dev.persistence.costing.landscape.NotableModel;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.Suggestions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Notable published models with their training compute, size, hardware and cost: the bundled catalog
 * ({@link #bundled()}, {@value #BUNDLED_RESOURCE}), Epoch AI's "Data on AI Models" (CC BY 4.0), and users'
 * additions or overrides in JSON or YAML.
 *
 * <p>The bundled file is generated at development time by {@code persistence-io/scripts/generate_notable_models.py}
 * from {@code reference/catalog/frontier-2020-2025.csv} and records that file's SHA-256; a test checks every entry
 * against the CSV. Epoch's licence requires attribution wherever the data is shown or shipped: {@link
 * ModelCatalog#attribution()} is the line to print. What is read is a {@link ModelCatalog}, the costing side's
 * value; positioning is computed there ({@code dev.persistence.costing.plan.PlanPositioning}).
 *
 * <p>File format: a top-level {@code catalogVersion}, optional {@code description}, {@code attribution} and
 * {@code provenance} ({@code file}, {@code sha256}, {@code rows}, {@code generator}, {@code upstream}), and a
 * {@code models} list. Each model has {@code name}, {@code organization}, {@code publicationDate}
 * ({@code YYYY-MM-DD}) and {@code source}, and optionally {@code domain}, {@code totalParameters}, {@code
 * activeParameters}, {@code trainingTokens}, {@code trainingComputeFlop}, {@code computeConfidence} ({@code
 * confident}, {@code likely}, {@code speculative}, {@code unknown}), {@code hardware}, {@code hardwareCount},
 * {@code trainingTimeHours}, {@code modelFlopsUtilization} (a fraction), {@code trainingCostUsd2023}, {@code
 * accessibility}, {@code epochFrontier} and {@code link}. Unknown fields are errors. In a user file {@code source}
 * defaults to "user catalog FILE".
 */
public final class NotableModelCatalog {

  /** Classpath location of the bundled catalog. */
  public static final String BUNDLED_RESOURCE = "/dev/persistence/io/catalog/notable-models.json";

  /** Epoch AI's attribution line, as its licence (CC BY 4.0) asks. */
  public static final String EPOCH_ATTRIBUTION =
      "Epoch AI, 'Data on AI Models'. Published online at epoch.ai. Retrieved from"
          + " 'https://epoch.ai/data/ai-models'. Licensed under CC BY 4.0"
          + " (https://creativecommons.org/licenses/by/4.0/).";

  private static final CatalogFiles.Source<ModelCatalog> FILES =
      new CatalogFiles.Source<>(BUNDLED_RESOURCE, NotableModelCatalog::read);

  private NotableModelCatalog() {}

  /**
   * The catalog bundled with persistence-io.
   *
   * @throws IllegalStateException if the bundled resource is missing or invalid (a packaging defect)
   */
  public static ModelCatalog bundled() {
    return FILES.bundled();
  }

  /**
   * Reads a user catalog, JSON or YAML by its extension.
   *
   * @param file the file
   * @throws dev.persistence.io.InvalidDocumentException naming the path of the problem
   */
  public static ModelCatalog read(Path file) {
    return FILES.read(file);
  }

  /**
   * Parses a catalog.
   *
   * @param text the catalog's text
   * @param format JSON or YAML
   * @param documentName how errors name the document
   * @throws dev.persistence.io.InvalidDocumentException naming the path of the problem
   */
  public static ModelCatalog parse(String text, DocumentFormat format, String documentName) {
    return FILES.parse(text, format, documentName);
  }

  private static ModelCatalog read(DocumentNode root, boolean user) {
    ModelCatalog catalog = document(user ? "user catalog " + root.documentName() : null).read(root);
    if (!user && catalog.attribution().isBlank()) {
      throw root.error("the bundled catalog needs its attribution");
    }
    return catalog;
  }

  /** What a catalog records of the file it was generated from; only the SHA-256 is kept. */
  private record Provenance(Optional<String> sha256) {}

  private static final ObjectCodec<Provenance, ObjectCodec.Values> PROVENANCE =
      ObjectCodec.components(Provenance.class, "provenance", v -> new Provenance(v.optional("sha256")))
          .optional("file", ValueCodecs.TEXT, p -> "")
          .writtenWhen(p -> false)
          .optionalIfSet("sha256", ValueCodecs.TEXT, Provenance::sha256)
          .optional("rows", ValueCodecs.INTEGER, p -> 0)
          .writtenWhen(p -> false)
          .optional("generator", ValueCodecs.TEXT, p -> "")
          .writtenWhen(p -> false)
          .optional("upstream", ValueCodecs.TEXT, p -> "")
          .writtenWhen(p -> false)
          .build();

  /**
   * The document's table; an entry that names no source gets {@code defaultSource}, or is an error where it is
   * null (the bundled catalog).
   */
  private static ObjectCodec<ModelCatalog, ObjectCodec.Values> document(String defaultSource) {
    return CatalogFiles.document(
            ModelCatalog.class,
            "models",
            ValueCodecs.composed(
                node -> model(node, defaultSource), NotableModelCatalog::toJson, NotableModelCatalog::entrySchema),
            (existing, model) ->
                existing.isNamed(model.name())
                    ? Optional.of("name \"" + model.name() + "\" is used twice in the catalog")
                    : Optional.empty(),
            ModelCatalog::version,
            ModelCatalog::models,
            v ->
                new ModelCatalog(
                    v.get("catalogVersion"),
                    v.get("attribution", ""),
                    v.<Provenance>optional("provenance").flatMap(Provenance::sha256),
                    v.get("models")))
        .optional("attribution", ValueCodecs.TEXT, ModelCatalog::attribution)
        .optionalIfSet(
            "provenance", PROVENANCE, catalog -> catalog.sourceSha256().map(sha -> new Provenance(Optional.of(sha))))
        .build();
  }

  /**
   * Reads one entry in the catalog's format (a scenario's inline {@code positioning.models}).
   *
   * @param node the entry
   * @param defaultSource the source of an entry that names none
   * @throws dev.persistence.io.InvalidDocumentException naming the path, the field and the rule
   */
  public static NotableModel readEntry(DocumentNode node, String defaultSource) {
    return model(node, defaultSource);
  }

  private static NotableModel model(DocumentNode node, String defaultSource) {
    if (defaultSource == null && node.json().isObject() && !node.json().hasNonNull("source")) {
      throw node.error("a bundled entry needs a source");
    }
    return entry(defaultSource == null ? "" : defaultSource).read(node);
  }

  /** A date as the catalog writes it, {@code YYYY-MM-DD}. */
  private static final Codec<LocalDate> DATE =
      ValueCodecs.date(node -> "\"" + node.asText() + "\" is not a date (YYYY-MM-DD)", "a date, YYYY-MM-DD");

  /** The entry format; an entry that names no source gets {@code defaultSource}. */
  private static ObjectCodec<NotableModel, ImmutableNotableModel.Builder> entry(String defaultSource) {
    return ObjectCodec.builder(
            NotableModel.class, "notableModel", () -> NotableModel.builder().source(defaultSource), ImmutableNotableModel.Builder::build)
        .required("name", ValueCodecs.NAME)
        .required("organization", ValueCodecs.TEXT)
        .required("publicationDate", DATE)
        .optional("domain", ValueCodecs.TEXT)
          .writtenWhen(model -> !model.domain().isEmpty())
        .optional("totalParameters", ValueCodecs.POSITIVE_NUMBER)
        .optional("activeParameters", ValueCodecs.POSITIVE_NUMBER)
        .optional("trainingTokens", ValueCodecs.POSITIVE_NUMBER)
        .optional("trainingComputeFlop", ValueCodecs.POSITIVE_NUMBER)
        .describedAs("training compute, FLOP (operations)")
        .optional("computeConfidence", ValueCodecs.enumeration(ComputeConfidence.class))
        .optional("hardware", ValueCodecs.TEXT)
        .optional("hardwareCount", ValueCodecs.longInteger(1))
        .optional("trainingTimeHours", ValueCodecs.POSITIVE_NUMBER)
        .optional("modelFlopsUtilization", ValueCodecs.POSITIVE_FRACTION)
        .optional("trainingCostUsd2023", ValueCodecs.POSITIVE_NUMBER)
        .optional("accessibility", ValueCodecs.TEXT)
          .writtenWhen(model -> !model.accessibility().isEmpty())
        .optional("epochFrontier", ValueCodecs.BOOLEAN)
        .optional("source", ValueCodecs.NAME)
        .optional("link", ValueCodecs.TEXT)
          .writtenWhen(model -> !model.link().isEmpty())
        .build();
  }

  /**
   * The schema of one entry, registered as {@code notableModel} (also a scenario's inline positioning models).
   *
   * @param definitions the schema's definitions
   */
  public static ObjectNode entrySchema(SchemaDefinitions definitions) {
    return entry("").schema(definitions);
  }

  /**
   * The catalog document's root schema ({@code notable-model-catalog.schema.json}).
   *
   * @param definitions where the entry's definition is registered
   */
  public static ObjectNode schema(SchemaDefinitions definitions) {
    return document("").fragment(definitions);
  }

  /**
   * The model with this name in a catalog, ignoring case.
   *
   * @param catalog the catalog
   * @param name the name
   * @throws IllegalArgumentException naming the unknown model and suggesting close names
   */
  public static NotableModel get(ModelCatalog catalog, String name) {
    return catalog
        .find(name)
        .orElseThrow(
            () -> {
              List<String> names = new ArrayList<>();
              catalog.models().forEach(model -> names.add(model.name()));
              return new IllegalArgumentException(
                  "unknown model (" + name + ")" + Suggestions.didYouMean(name, names));
            });
  }

  /**
   * One model as a JSON object in the file format.
   *
   * @param model the model
   */
  public static ObjectNode toJson(NotableModel model) {
    return (ObjectNode) entry(model.source()).write(model);
  }
}
