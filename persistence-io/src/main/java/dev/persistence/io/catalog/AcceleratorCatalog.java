package dev.persistence.io.catalog;

import dev.persistence.io.hardware.HardwareCodecs;
import dev.persistence.io.document.SchemaDefinitions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.ImmutableAccelerator;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.Suggestions;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned list of {@link Accelerator}s: the bundled catalog ({@link #bundled()}) or one read from a user's
 * JSON or YAML file, looked up by name or alias, case-insensitively, with close names suggested for unknown ones.
 *
 * <p>File format (JSON shown; YAML has the same fields): a top-level {@code catalogVersion} and an
 * {@code accelerators} array whose entries have {@code name}, optional {@code aliases} and {@code vendor}, dense
 * peaks as {@code densePeakTeraflopsPerSecond} (10^12 FLOP/s) or {@code densePeakFlopsPerSecond} keyed by format
 * ({@code fp64 fp32 tf32 bf16 fp16 fp8 fp6 fp4 int8 int4}), exactly one of {@code memoryBytes}, {@code memoryGB}
 * (10^9 bytes) or {@code memoryGiB} (2^30 bytes), {@code memoryBandwidthTerabytesPerSecond} (10^12 B/s) or
 * {@code memoryBandwidthBytesPerSecond}, optional {@code thermalDesignPowerWatts} and {@code powerLimitWatts} (a
 * board power limit below the TDP), optional scale-up bandwidth
 * per direction as {@code scaleUpGigabytesPerSecondPerDirection} (10^9 B/s) or
 * {@code scaleUpBandwidthBytesPerSecondPerDirection}, a required {@code source} and optional {@code notes}.
 *
 * <p>Files are read through the document layer (a table of the root's fields), so their errors read as every other
 * document's: the path of the offending node, the value and the rule
 * ({@code mine.yaml: accelerators[1].memoryGb: unknown field; did you mean memoryGB?}). An entry is the table
 * {@link HardwareCodecs#ACCELERATOR}; unknown fields are rejected before its rules between fields (one unit per
 * quantity) are checked, so a misspelt unit is named with its suggestion rather than reported missing.
 */
public final class AcceleratorCatalog {

  /** Classpath location of the bundled catalog. */
  public static final String BUNDLED_RESOURCE = "/dev/persistence/io/catalog/accelerators.json";

  /** The document's table: its version, an optional description and the entries, no two of one name. */
  private static final ObjectCodec<AcceleratorCatalog, ObjectCodec.Values> DOCUMENT =
      CatalogFiles.document(
              AcceleratorCatalog.class,
              "accelerators",
              HardwareCodecs.ACCELERATOR,
              (existing, accelerator) ->
                  existing.isNamed(accelerator.name())
                      ? Optional.of("accelerator name (" + accelerator.name() + ") is used twice in the catalog")
                      : Optional.empty(),
              AcceleratorCatalog::version,
              AcceleratorCatalog::accelerators,
              v -> new AcceleratorCatalog(v.get("catalogVersion"), v.get("accelerators")))
          .build();

  /**
   * The catalog document's root schema ({@code accelerator-catalog.schema.json}).
   *
   * @param definitions the schema's definitions
   */
  public static ObjectNode schema(SchemaDefinitions definitions) {
    return DOCUMENT.fragment(definitions);
  }

  private static final int MAX_SUGGESTIONS = 5;

  private static final CatalogFiles.Source<AcceleratorCatalog> FILES =
      new CatalogFiles.Source<>(BUNDLED_RESOURCE, (root, user) -> DOCUMENT.read(root));

  private final String version;
  private final List<Accelerator> accelerators;

  private AcceleratorCatalog(String version, List<Accelerator> accelerators) {
    this.version = version;
    this.accelerators = List.copyOf(accelerators);
  }

  /**
   * The catalog bundled with persistence-io, built from the project's reference accelerator data.
   *
   * @throws IllegalStateException if the bundled resource is missing or invalid (a packaging defect)
   */
  public static AcceleratorCatalog bundled() {
    return FILES.bundled();
  }

  /**
   * Reads a user catalog file, JSON or YAML by its extension.
   *
   * @param file the file
   * @throws UncheckedIOException if it cannot be read
   * @throws InvalidDocumentException if it is not a valid catalog (the message names the file, the path and the
   *     rule)
   */
  public static AcceleratorCatalog read(Path file) {
    return FILES.read(file);
  }

  /**
   * Parses a catalog; errors name the document {@code catalog}.
   *
   * @param text the catalog text
   * @param format its format
   * @throws InvalidDocumentException if it is not a valid catalog (the message names the path and the rule)
   */
  public static AcceleratorCatalog parse(String text, DocumentFormat format) {
    return FILES.parse(text, format, "catalog");
  }

  /**
   * Reads a catalog document.
   *
   * @param root the document's root
   * @throws InvalidDocumentException if it is not a valid catalog
   */
  public static AcceleratorCatalog read(DocumentNode root) {
    return DOCUMENT.read(root);
  }

  /** The catalog's version ({@code catalogVersion}). */
  public String version() {
    return version;
  }

  /** Every accelerator, in file order. */
  public List<Accelerator> accelerators() {
    return accelerators;
  }

  /**
   * A catalog with {@code user}'s entries added; a user entry replaces a bundled one of the same name or alias
   * (keeping the bundled aliases) in its place.
   *
   * @param user the user's catalog
   */
  public AcceleratorCatalog withUserEntries(AcceleratorCatalog user) {
    List<Accelerator> merged = new ArrayList<>();
    List<Accelerator> additions = new ArrayList<>(user.accelerators);
    for (Accelerator accelerator : accelerators) {
      Accelerator replacement = accelerator;
      for (int i = 0; i < additions.size(); i++) {
        Accelerator override = additions.get(i);
        if (override.isNamed(accelerator.name()) || accelerator.isNamed(override.name())) {
          // The user's figures win; the bundled aliases still find the entry.
          List<String> aliases = new ArrayList<>(override.aliases());
          for (String alias : accelerator.aliases()) {
            if (!override.isNamed(alias)) {
              aliases.add(alias);
            }
          }
          replacement = ImmutableAccelerator.copyOf(override).withAliases(aliases);
          additions.remove(i);
          break;
        }
      }
      merged.add(replacement);
    }
    merged.addAll(additions);
    return new AcceleratorCatalog(version + "+" + user.version, merged);
  }

  /**
   * The accelerator with this name or alias, ignoring case.
   *
   * @param name a name or alias
   */
  public Optional<Accelerator> find(String name) {
    for (Accelerator accelerator : accelerators) {
      if (accelerator.isNamed(name)) {
        return Optional.of(accelerator);
      }
    }
    return Optional.empty();
  }

  /**
   * The accelerator with this name or alias, ignoring case.
   *
   * @param name a name or alias
   * @throws IllegalArgumentException if none has it; the message lists close names
   */
  public Accelerator get(String name) {
    return find(name)
        .orElseThrow(
            () -> {
              List<String> close = closeNames(name);
              String hint =
                  close.isEmpty()
                      ? "; known: " + String.join(", ", names())
                      : "; did you mean " + String.join(", ", close) + "?";
              return new IllegalArgumentException("unknown accelerator (" + name + ")" + hint);
            });
  }

  /** Every accelerator's catalog name. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Accelerator accelerator : accelerators) {
      names.add(accelerator.name());
    }
    return names;
  }

  /**
   * Catalog names close to {@code query}, closest first: names or aliases within an edit distance of
   * {@code max(2, length / 3)} after lower-casing and dropping punctuation, or containing the query (or
   * contained in it). At most five.
   *
   * @param query an unknown name
   */
  public List<String> closeNames(String query) {
    String wanted = normalize(query);
    Map<String, Integer> best = new LinkedHashMap<>();
    for (Accelerator accelerator : accelerators) {
      List<String> candidates = new ArrayList<>(accelerator.aliases());
      candidates.add(accelerator.name());
      for (String candidate : candidates) {
        String normalized = normalize(candidate);
        int distance = Suggestions.editDistance(wanted, normalized);
        boolean near = distance <= Math.max(2, wanted.length() / 3);
        boolean contains =
            !wanted.isEmpty() && (normalized.contains(wanted) || wanted.contains(normalized));
        if (near || contains) {
          int score = contains ? Math.min(distance, 1) : distance;
          best.merge(accelerator.name(), score, Math::min);
        }
      }
    }
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(best.entrySet());
    ranked.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : ranked) {
      if (names.size() == MAX_SUGGESTIONS) {
        break;
      }
      names.add(entry.getKey());
    }
    return names;
  }

  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /**
   * This catalog as a JSON tree in the file format, with exact units ({@code memoryBytes},
   * {@code densePeakFlopsPerSecond}, bytes per second): reading it back gives equal accelerators.
   */
  public ObjectNode toJson() {
    return (ObjectNode) DOCUMENT.write(this);
  }

  /** This catalog as indented JSON text (see {@link #toJson()}). */
  public String toJsonText() {
    return Documents.print(toJson(), DocumentFormat.JSON);
  }
}
