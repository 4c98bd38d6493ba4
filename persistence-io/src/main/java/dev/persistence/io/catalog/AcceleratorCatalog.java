package dev.persistence.io.catalog;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.ImmutableAccelerator;
import dev.persistence.core.memory.Bytes;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A versioned list of {@link Accelerator}s: the bundled catalog ({@link #bundled()}) or one read from a user's
 * JSON or YAML file, looked up by name or alias, case-insensitively, with close names suggested for unknown ones.
 *
 * <p>File format (JSON shown; YAML has the same fields): a top-level {@code catalogVersion} and an
 * {@code accelerators} array whose entries have {@code name}, optional {@code aliases} and {@code vendor}, dense
 * peaks as {@code densePeakTeraflopsPerSecond} (10^12 FLOP/s) or {@code densePeakFlopsPerSecond} keyed by format
 * ({@code fp64 fp32 tf32 bf16 fp16 fp8 fp6 fp4 int8 int4}), exactly one of {@code memoryBytes}, {@code memoryGB}
 * (10^9 bytes) or {@code memoryGiB} (2^30 bytes), {@code memoryBandwidthTerabytesPerSecond} (10^12 B/s) or
 * {@code memoryBandwidthBytesPerSecond}, optional {@code thermalDesignPowerWatts}, optional scale-up bandwidth
 * per direction as {@code scaleUpGigabytesPerSecondPerDirection} (10^9 B/s) or
 * {@code scaleUpBandwidthBytesPerSecondPerDirection}, a required {@code source} and optional {@code notes}.
 * Unknown fields are rejected, so a misspelt unit is an error rather than a silent default.
 */
public final class AcceleratorCatalog {

  /** Classpath location of the bundled catalog. */
  public static final String BUNDLED_RESOURCE = "/dev/persistence/io/catalog/accelerators.json";

  private static final Set<String> TOP_LEVEL_FIELDS = Set.of("catalogVersion", "description", "accelerators");
  private static final Set<String> ENTRY_FIELDS =
      Set.of(
          "name",
          "aliases",
          "vendor",
          "densePeakTeraflopsPerSecond",
          "densePeakFlopsPerSecond",
          "memoryBytes",
          "memoryGB",
          "memoryGiB",
          "memoryBandwidthTerabytesPerSecond",
          "memoryBandwidthBytesPerSecond",
          "thermalDesignPowerWatts",
          "scaleUpGigabytesPerSecondPerDirection",
          "scaleUpBandwidthBytesPerSecondPerDirection",
          "source",
          "notes");
  private static final int MAX_SUGGESTIONS = 5;

  private static volatile AcceleratorCatalog bundled;

  private final String version;
  private final List<Accelerator> accelerators;

  private AcceleratorCatalog(String version, List<Accelerator> accelerators) {
    this.version = version;
    this.accelerators = Collections.unmodifiableList(new ArrayList<>(accelerators));
  }

  /**
   * The catalog bundled with persistence-io, built from the project's reference accelerator data.
   *
   * @throws IllegalStateException if the bundled resource is missing or invalid (a packaging defect)
   */
  public static AcceleratorCatalog bundled() {
    AcceleratorCatalog catalog = bundled;
    if (catalog == null) {
      try (InputStream in = AcceleratorCatalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("bundled catalog " + BUNDLED_RESOURCE + " is missing");
        }
        catalog = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Format.JSON);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = catalog;
    }
    return catalog;
  }

  /** The two file formats a catalog may be written in. */
  public enum Format {
    /** JSON. */
    JSON,
    /** YAML 1.1 (what Jackson's YAML module reads). */
    YAML;

    /**
     * The format a file name implies: {@code .yaml} or {@code .yml} is YAML, anything else JSON.
     *
     * @param fileName a file name or path
     */
    public static Format of(String fileName) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
    }
  }

  /**
   * Reads a user catalog file, JSON or YAML by its extension.
   *
   * @param file the file
   * @throws UncheckedIOException if it cannot be read
   * @throws IllegalArgumentException if it is not a valid catalog (the message names the entry and field)
   */
  public static AcceleratorCatalog read(Path file) {
    JsonNode root = Documents.read(file);
    return fromTree(root, file.toString());
  }

  /**
   * Parses a catalog.
   *
   * @param text the catalog text
   * @param format its format
   * @throws IllegalArgumentException if it is not a valid catalog (the message names the entry and field)
   */
  public static AcceleratorCatalog parse(String text, Format format) {
    String name = "catalog";
    JsonNode root =
        Documents.parse(text, format == Format.YAML ? DocumentFormat.YAML : DocumentFormat.JSON, name);
    return fromTree(root, name);
  }

  /** Builds the catalog from a parsed tree; every rule broken is an error naming the document. */
  private static AcceleratorCatalog fromTree(JsonNode root, String documentName) {
    try {
      return fromTreeUnchecked(root);
    } catch (InvalidDocumentException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidDocumentException(documentName, e.getMessage(), e);
    }
  }

  private static AcceleratorCatalog fromTreeUnchecked(JsonNode root) {
    checkArgument(root != null && root.isObject(), "catalog must be an object with catalogVersion and accelerators");
    checkFields(root, TOP_LEVEL_FIELDS, "catalog");
    JsonNode version = root.get("catalogVersion");
    checkArgument(version != null && !version.isNull(), "catalog needs a catalogVersion");
    checkArgument(
        version.isTextual() || version.isNumber(),
        "catalogVersion must be a string or a number, got %s",
        version.getNodeType().name().toLowerCase(Locale.ROOT));
    JsonNode entries = root.get("accelerators");
    checkArgument(entries != null && entries.isArray(), "catalog needs an accelerators array");
    List<Accelerator> accelerators = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : entries) {
      Accelerator accelerator = accelerator(entry, index++);
      for (Accelerator existing : accelerators) {
        checkArgument(
            !existing.isNamed(accelerator.name()),
            "accelerator name (%s) is used twice in the catalog",
            accelerator.name());
      }
      accelerators.add(accelerator);
    }
    return new AcceleratorCatalog(version.asText(), accelerators);
  }

  /**
   * Reads one catalog entry on its own (the {@code accelerator} format of a file or service), with the catalog's
   * rules and messages, located at the node's path.
   *
   * @param node an entry object
   * @throws InvalidDocumentException naming the path, the field and the rule
   */
  public static Accelerator readEntry(dev.persistence.io.document.DocumentNode node) {
    return node.build(() -> accelerator(node.json(), 0));
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String where) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      checkArgument(allowed.contains(name), "%s has an unknown field (%s); allowed: %s", where, name, allowed);
    }
  }

  private static Accelerator accelerator(JsonNode entry, int index) {
    checkArgument(entry.isObject(), "accelerators[%s] must be an object", index);
    String name = text(entry, "name", "accelerators[" + index + "]");
    String where = "accelerator " + name;
    checkFields(entry, ENTRY_FIELDS, where);
    ImmutableAccelerator.Builder builder = Accelerator.builder().name(name);
    JsonNode aliases = entry.get("aliases");
    if (aliases != null) {
      checkArgument(aliases.isArray(), "%s aliases must be a list", where);
      for (JsonNode alias : aliases) {
        checkArgument(alias.isTextual(), "%s aliases must be strings, got %s", where, alias);
        builder.addAliases(alias.textValue());
      }
    }
    if (entry.has("vendor")) {
      builder.vendor(optionalText(entry, "vendor", where));
    }
    boolean tera = entry.has("densePeakTeraflopsPerSecond");
    checkArgument(
        tera ^ entry.has("densePeakFlopsPerSecond"),
        "%s needs exactly one of densePeakTeraflopsPerSecond, densePeakFlopsPerSecond",
        where);
    JsonNode peaks = entry.get(tera ? "densePeakTeraflopsPerSecond" : "densePeakFlopsPerSecond");
    checkArgument(peaks.isObject(), "%s dense peaks must map formats to numbers", where);
    Iterator<Map.Entry<String, JsonNode>> fields = peaks.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> peak = fields.next();
      NumericFormat format;
      try {
        format = NumericFormat.parse(peak.getKey());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      double value = number(peak.getValue(), where + " peak " + peak.getKey());
      builder.putDensePeakFlopsPerSecond(format, tera ? value * 1e12 : value);
    }
    int memoryFields =
        (entry.has("memoryBytes") ? 1 : 0) + (entry.has("memoryGB") ? 1 : 0) + (entry.has("memoryGiB") ? 1 : 0);
    checkArgument(memoryFields == 1, "%s needs exactly one of memoryBytes, memoryGB, memoryGiB", where);
    if (entry.has("memoryBytes")) {
      JsonNode bytes = entry.get("memoryBytes");
      checkArgument(
          bytes.isIntegralNumber() && bytes.canConvertToLong(),
          "%s memoryBytes (%s) must be a whole number of at most %s",
          where,
          bytes,
          Long.MAX_VALUE);
      builder.memoryBytes(bytes.asLong());
    } else if (entry.has("memoryGB")) {
      double gigabytes = number(entry.get("memoryGB"), where + " memoryGB");
      checkArgument(gigabytes < 9.2e9, "%s memoryGB (%s) must be < 9.2e9", where, gigabytes);
      builder.memoryBytes(Bytes.fromGigabytes(gigabytes));
    } else {
      double gibibytes = number(entry.get("memoryGiB"), where + " memoryGiB");
      checkArgument(gibibytes < 8.5e9, "%s memoryGiB (%s) must be < 8.5e9", where, gibibytes);
      builder.memoryBytes(Bytes.fromGibibytes(gibibytes));
    }
    boolean teraBandwidth = entry.has("memoryBandwidthTerabytesPerSecond");
    checkArgument(
        teraBandwidth ^ entry.has("memoryBandwidthBytesPerSecond"),
        "%s needs exactly one of memoryBandwidthTerabytesPerSecond, memoryBandwidthBytesPerSecond",
        where);
    builder.memoryBandwidthBytesPerSecond(
        teraBandwidth
            ? number(entry.get("memoryBandwidthTerabytesPerSecond"), where + " memory bandwidth") * 1e12
            : number(entry.get("memoryBandwidthBytesPerSecond"), where + " memory bandwidth"));
    if (entry.has("thermalDesignPowerWatts")) {
      builder.thermalDesignPowerWatts(number(entry.get("thermalDesignPowerWatts"), where + " TDP"));
    }
    checkArgument(
        !(entry.has("scaleUpGigabytesPerSecondPerDirection")
            && entry.has("scaleUpBandwidthBytesPerSecondPerDirection")),
        "%s needs at most one of scaleUpGigabytesPerSecondPerDirection, scaleUpBandwidthBytesPerSecondPerDirection",
        where);
    if (entry.has("scaleUpGigabytesPerSecondPerDirection")) {
      builder.scaleUpBandwidthBytesPerSecondPerDirection(
          number(entry.get("scaleUpGigabytesPerSecondPerDirection"), where + " scale-up") * 1e9);
    } else if (entry.has("scaleUpBandwidthBytesPerSecondPerDirection")) {
      builder.scaleUpBandwidthBytesPerSecondPerDirection(
          number(entry.get("scaleUpBandwidthBytesPerSecondPerDirection"), where + " scale-up"));
    }
    builder.source(text(entry, "source", where));
    if (entry.has("notes")) {
      builder.notes(optionalText(entry, "notes", where));
    }
    try {
      return builder.build();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    checkArgument(
        value != null && value.isTextual() && !value.asText().isBlank(), "%s needs a %s (a non-blank string)", where, field);
    return value.asText();
  }

  private static String optionalText(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    checkArgument(value.isTextual(), "%s %s must be a string", where, field);
    return value.textValue();
  }

  private static double number(JsonNode node, String what) {
    checkArgument(node != null && node.isNumber(), "%s (%s) must be a number", what, node);
    return node.asDouble();
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
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("catalogVersion", version);
    ArrayNode entries = root.putArray("accelerators");
    for (Accelerator accelerator : accelerators) {
      entries.add(toJson(accelerator));
    }
    return root;
  }

  /**
   * One accelerator as a JSON object in the file format, with exact units.
   *
   * @param accelerator the accelerator
   */
  public static ObjectNode toJson(Accelerator accelerator) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("name", accelerator.name());
    ArrayNode aliases = node.putArray("aliases");
    accelerator.aliases().forEach(aliases::add);
    node.put("vendor", accelerator.vendor());
    ObjectNode peaks = node.putObject("densePeakFlopsPerSecond");
    accelerator.densePeakFlopsPerSecond().entrySet().stream()
        .sorted(Comparator.comparing(Map.Entry::getKey))
        .forEach(peak -> peaks.put(peak.getKey().key(), peak.getValue()));
    node.put("memoryBytes", accelerator.memoryBytes());
    node.put("memoryBandwidthBytesPerSecond", accelerator.memoryBandwidthBytesPerSecond());
    accelerator.thermalDesignPowerWatts().ifPresent(watts -> node.put("thermalDesignPowerWatts", watts));
    accelerator
        .scaleUpBandwidthBytesPerSecondPerDirection()
        .ifPresent(bandwidth -> node.put("scaleUpBandwidthBytesPerSecondPerDirection", bandwidth));
    node.put("source", accelerator.source());
    node.put("notes", accelerator.notes());
    return node;
  }

  /** This catalog as indented JSON text (see {@link #toJson()}). */
  public String toJsonText() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
