package dev.persistence.io.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.data.DataCodecs;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.document.Suggestions;
import dev.persistence.core.data.CurationPipeline;
import dev.persistence.core.data.DataSource;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Public pre-training corpora with their published sizes, licences and sources: the bundled catalog ({@link
 * #bundled()}, {@value #BUNDLED_RESOURCE}) and users' additions in JSON or YAML, looked up by name or alias
 * (case-insensitive) with "did you mean" for unknown names.
 *
 * <p>File format: a top-level {@code catalogVersion}, optional {@code description} and a {@code datasets} list.
 * Each entry has the fields of a data source ({@link DataCodecs}: {@code name}, one size, {@code tokenizer},
 * {@code language}, {@code domain}, {@code licence}, {@code qualityTier}, {@code acquisition}, {@code source},
 * {@code curation}) plus {@code aliases}, {@code licenceName}, {@code asOf} (the date of the figures), {@code
 * status} ({@code confirmed}, {@code secondary}, {@code derived}, {@code unconfirmed}; default {@code user} in a
 * user file) and {@code notes}. Every bundled entry has a {@code source} and an {@code asOf}.
 */
public final class DatasetCatalog {

  /** Classpath location of the bundled catalog. */
  public static final String BUNDLED_RESOURCE = "/dev/persistence/io/catalog/datasets.json";

  private static final CatalogFiles.Source<DatasetCatalog> FILES =
      new CatalogFiles.Source<>(BUNDLED_RESOURCE, DatasetCatalog::read);

  private final String version;
  private final List<DatasetEntry> entries;

  private DatasetCatalog(String version, List<DatasetEntry> entries) {
    this.version = version;
    this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
  }

  /**
   * The catalog bundled with persistence-io.
   *
   * @throws IllegalStateException if the bundled resource is missing or invalid (a packaging defect)
   */
  public static DatasetCatalog bundled() {
    return FILES.bundled();
  }

  /**
   * Reads a user catalog, JSON or YAML by its extension; entries without a {@code status} get {@code user}.
   *
   * @param file the file
   * @throws dev.persistence.io.InvalidDocumentException naming the path of the problem
   */
  public static DatasetCatalog read(Path file) {
    return FILES.read(file);
  }

  /**
   * Parses a catalog.
   *
   * @param text the catalog's text
   * @param format JSON or YAML
   * @param documentName how errors name the document
   */
  public static DatasetCatalog parse(String text, DocumentFormat format, String documentName) {
    return FILES.parse(text, format, documentName);
  }

  private static DatasetCatalog read(DocumentNode root, boolean user) {
    return (user ? USER : BUNDLED).read(root);
  }

  /** A status, one of {@link DatasetEntry#STATUSES} (the entry checks it). */
  private static final Codec<String> STATUS =
      ValueCodecs.composed(
          ValueCodecs.TEXT::read,
          ValueCodecs.TEXT::write,
          definitions -> {
            ObjectNode status = ValueCodecs.TEXT.schema(definitions);
            DatasetEntry.STATUSES.forEach(status.putArray("enum")::add);
            return status;
          });

  /** An entry: a data source's table ({@link DataCodecs#DATA_SOURCE}) and the catalog's own fields. */
  private static final ObjectCodec<DatasetEntry, Map<String, Object>> ENTRY =
      ObjectCodec.fromMap(DatasetEntry.class, "dataset", DatasetCatalog::entry)
          .description("a corpus: a source in full (" + DataCodecs.SOURCE_RULES + ") and its provenance")
          .include(DataCodecs.DATA_SOURCE, DatasetEntry::source)
          .optional("aliases", ValueCodecs.list(ValueCodecs.NAME), DatasetEntry::aliases)
          .optional("licenceName", ValueCodecs.TEXT, DatasetEntry::licenceName)
          .optional("asOf", ValueCodecs.TEXT, DatasetEntry::asOf)
          .describedAs("the date of the figures; required in the bundled catalog")
          .optional("status", STATUS, DatasetEntry::status)
          .optional("notes", ValueCodecs.TEXT, DatasetEntry::notes)
          .optionalIfSet("publishedCuration", DataCodecs.CURATION_PIPELINE, DatasetEntry::publishedCuration)
          .build();

  @SuppressWarnings("unchecked")
  private static DatasetEntry entry(Map<String, Object> fields) {
    return new DatasetEntry(
        (DataSource) fields.get("dataSource"),
        (List<String>) fields.getOrDefault("aliases", List.of()),
        (String) fields.getOrDefault("licenceName", ""),
        (String) fields.getOrDefault("asOf", ""),
        (String) fields.getOrDefault("status", "user"),
        (String) fields.getOrDefault("notes", ""),
        Optional.ofNullable((CurationPipeline) fields.get("publishedCuration")));
  }

  /** An entry, with the bundled catalog's rules: every figure dated and sourced. */
  private static DatasetEntry entry(DocumentNode node, boolean user) {
    DatasetEntry entry = ENTRY.read(node);
    if (!user && entry.asOf().isEmpty()) {
      throw node.field("asOf").error("missing required field");
    }
    if (!user && entry.source().source().isBlank()) {
      throw node.error("a bundled entry needs a source");
    }
    return entry;
  }

  /** A user's catalog: entries without a {@code status} get {@code user}. */
  private static final ObjectCodec<DatasetCatalog, ObjectCodec.Values> USER = document(true);

  /** The bundled catalog: every figure dated and sourced. */
  private static final ObjectCodec<DatasetCatalog, ObjectCodec.Values> BUNDLED = document(false);

  private static ObjectCodec<DatasetCatalog, ObjectCodec.Values> document(boolean user) {
    return CatalogFiles.document(
            DatasetCatalog.class,
            "datasets",
            ValueCodecs.composed(node -> entry(node, user), ENTRY::write, ENTRY::schema),
            (existing, entry) ->
                names(entry).stream()
                    .filter(existing::isNamed)
                    .findFirst()
                    .map(name -> "name or alias \"" + name + "\" is already used by " + existing.name()),
            DatasetCatalog::version,
            DatasetCatalog::entries,
            v -> new DatasetCatalog(v.get("catalogVersion"), v.get("datasets")))
        .build();
  }

  /**
   * The catalog document's root schema ({@code dataset-catalog.schema.json}): entries are sources in full
   * ({@link DataCodecs#DATA_SOURCE}) with the catalog's own fields.
   *
   * @param definitions where the entry's definition is registered
   */
  public static ObjectNode schema(SchemaDefinitions definitions) {
    return USER.fragment(definitions);
  }

  private static List<String> names(DatasetEntry entry) {
    List<String> names = new ArrayList<>(entry.aliases());
    names.add(0, entry.name());
    return names;
  }

  /** The catalog's version. */
  public String version() {
    return version;
  }

  /** Every entry, in file order. */
  public List<DatasetEntry> entries() {
    return entries;
  }

  /** Every entry's name. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    entries.forEach(entry -> names.add(entry.name()));
    return names;
  }

  /**
   * This catalog with {@code user}'s entries: a user entry replaces the entry it names (by name or alias) in
   * place; the rest are appended.
   *
   * @param user the user's catalog
   */
  public DatasetCatalog withUserEntries(DatasetCatalog user) {
    List<DatasetEntry> merged =
        CatalogFiles.merge(
            entries, user.entries, (existing, addition) -> names(addition).stream().anyMatch(existing::isNamed));
    return new DatasetCatalog(version + "+" + user.version, merged);
  }

  /** The entry with this name or alias, ignoring case. */
  public Optional<DatasetEntry> find(String name) {
    return entries.stream().filter(entry -> entry.isNamed(name)).findFirst();
  }

  /**
   * The entry with this name or alias, ignoring case.
   *
   * @throws IllegalArgumentException naming the unknown dataset and suggesting close names
   */
  public DatasetEntry get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
  }

  /** The message for an unknown name: "unknown dataset (x); did you mean y?" or the known names. */
  public String unknown(String name) {
    List<String> candidates = new ArrayList<>();
    entries.forEach(entry -> candidates.addAll(names(entry)));
    String hint = Suggestions.didYouMean(name, candidates);
    return "unknown dataset \"" + name + "\"" + (hint.isEmpty() ? "; known: " + String.join(", ", names()) : hint);
  }

  /**
   * This catalog as {@code persistence datasets --json} prints it: {@link #toJson} plus, per entry, its
   * {@code uniqueTokens}, a derived figure and so not part of the file format.
   */
  public ObjectNode listingJson() {
    ObjectNode document = toJson();
    ArrayNode list = document.withArray("datasets");
    for (int i = 0; i < list.size(); i++) {
      ((ObjectNode) list.get(i)).put("uniqueTokens", entries.get(i).source().tokens());
    }
    return document;
  }

  /** This catalog as a JSON tree in the file format (sizes in their published units). */
  public ObjectNode toJson() {
    return (ObjectNode) USER.write(this);
  }
}
