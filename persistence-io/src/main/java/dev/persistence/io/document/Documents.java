package dev.persistence.io.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.persistence.io.InvalidDocumentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;

/**
 * Parses and prints our documents with bounds that keep a hostile file from costing memory or time.
 *
 * <p>Limits (Jackson's stream-read constraints and SnakeYAML's loader options): documents of at most
 * {@value #MAX_DOCUMENT_BYTES} bytes, nesting at most {@value #MAX_NESTING_DEPTH} deep, numbers of at most
 * {@value #MAX_NUMBER_LENGTH} characters, strings of at most {@value #MAX_STRING_LENGTH} characters, no duplicate
 * keys, no YAML tags that instantiate types (Jackson's YAML reader builds plain trees only), no NaN or Infinity in
 * JSON (and none accepted where a YAML number is read). YAML anchors and aliases are rejected: Jackson's YAML
 * reader would turn an alias into the anchor's name, a silent misreading, and refusing them also rules out
 * "billion laughs" expansion. A file holds one YAML document: a second one after {@code ---} is an error, not
 * silently ignored. Files are read through {@link InputFiles}: regular files only, the size cap applied while
 * reading.
 */
public final class Documents {
  /** Largest document read, in bytes. */
  public static final int MAX_DOCUMENT_BYTES = 8 << 20;

  /** Deepest nesting of objects and arrays. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Longest number literal, in characters. */
  public static final int MAX_NUMBER_LENGTH = 64;

  /** Longest string, in characters. */
  public static final int MAX_STRING_LENGTH = 1 << 20;

  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxDocumentLength(MAX_DOCUMENT_BYTES)
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .build();

  private static final ObjectMapper JSON =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private static final ObjectMapper YAML = yamlMapper();

  private Documents() {}

  private static ObjectMapper yamlMapper() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setAllowDuplicateKeys(false);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(MAX_DOCUMENT_BYTES);
    options.setAllowRecursiveKeys(false);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(CONSTRAINTS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    return YAMLMapper.builder(factory).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  }

  /**
   * Parses a document.
   *
   * @param text the document's text
   * @param format JSON or YAML
   * @param documentName how errors name the document, for example its file name
   * @throws InvalidDocumentException if the text is not well-formed or breaks a limit
   */
  public static JsonNode parse(String text, DocumentFormat format, String documentName) {
    if (text.length() > MAX_DOCUMENT_BYTES) {
      throw new InvalidDocumentException(
          documentName, String.format(Locale.ROOT, "larger than the limit of %d bytes", MAX_DOCUMENT_BYTES));
    }
    ObjectMapper mapper = format == DocumentFormat.YAML ? YAML : JSON;
    if (format == DocumentFormat.YAML) {
      rejectAliases(text, documentName);
    }
    try (JsonParser parser = mapper.createParser(text)) {
      JsonNode node = mapper.readTree(parser);
      if (node == null || node.isMissingNode()) {
        throw new InvalidDocumentException(documentName, "empty document");
      }
      return node;
    } catch (InvalidDocumentException e) {
      throw e;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : String.format(
                  Locale.ROOT, " at line %d, column %d", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
      throw new InvalidDocumentException(
          documentName, "not valid " + format + where + ": " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports some limits (aliases, nesting, code points) as its own runtime exceptions.
      throw new InvalidDocumentException(documentName, "not valid " + format + ": " + firstLine(e.getMessage()), e);
    }
  }

  /** A parsed document and where each of its values starts in the text. */
  record Parsed(JsonNode tree, SourceLocations locations) {}

  /**
   * Reads and parses a file, keeping where each value starts (for {@link DocumentNode#read(Path)}).
   *
   * @param file the file
   */
  static Parsed readLocated(Path file) {
    DocumentFormat format = DocumentFormat.of(file);
    String text = InputFiles.readText(file, MAX_DOCUMENT_BYTES);
    JsonNode tree = parse(text, format, file.toString());
    ObjectMapper mapper = format == DocumentFormat.YAML ? YAML : JSON;
    try (JsonParser parser = mapper.createParser(text)) {
      return new Parsed(tree, SourceLocations.of(parser));
    } catch (IOException | RuntimeException e) {
      // The text parsed once already; without locations, errors still name the path.
      return new Parsed(tree, SourceLocations.NONE);
    }
  }

  /**
   * Reads and parses a file, its format taken from its extension.
   *
   * @param file the file
   * @throws InvalidDocumentException if it cannot be read, is not well-formed or breaks a limit
   */
  public static JsonNode read(Path file) {
    return parse(InputFiles.readText(file, MAX_DOCUMENT_BYTES), DocumentFormat.of(file), file.toString());
  }

  /**
   * Reads a JSON document bundled on the classpath, its root named by the resource's file name. A bundled document
   * is part of the jar, so a missing or invalid one is a packaging defect, not the user's input.
   *
   * @param resource the classpath location
   * @param reader reads the document's root
   * @throws IllegalStateException if the resource is missing or invalid
   */
  public static <T> T bundled(String resource, java.util.function.Function<DocumentNode, T> reader) {
    String documentName = resource.substring(resource.lastIndexOf('/') + 1);
    try (java.io.InputStream in = Documents.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled document " + resource + " is missing");
      }
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return reader.apply(DocumentNode.root(parse(text, DocumentFormat.JSON, documentName), documentName));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("bundled " + documentName + " is invalid: " + e.getMessage(), e);
    }
  }

  /**
   * Prints a document.
   *
   * @param document the tree
   * @param format JSON or YAML
   */
  public static String print(JsonNode document, DocumentFormat format) {
    try {
      return (format == DocumentFormat.YAML ? YAML : JSON).writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always prints", e);
    }
  }

  private static void rejectAliases(String text, String documentName) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_DOCUMENT_BYTES);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    try {
      int depth = 0;
      int documents = 0;
      for (Event event : new Yaml(options).parse(new StringReader(text))) {
        // Counted here, event by event, so that deep flow nesting is refused after about a kilobyte of
        // scanning: SnakeYAML's scanner costs time per open flow level, so a full scan of millions of levels
        // takes minutes.
        if (event instanceof CollectionStartEvent && ++depth > MAX_NESTING_DEPTH) {
          throw new InvalidDocumentException(
              documentName,
              String.format(
                  Locale.ROOT,
                  "not valid YAML: nested deeper than the limit of %d levels (at line %d)",
                  MAX_NESTING_DEPTH,
                  event.getStartMark().getLine() + 1));
        }
        if (event instanceof CollectionEndEvent) {
          depth--;
        }
        if (event instanceof DocumentStartEvent && ++documents > 1) {
          throw new InvalidDocumentException(
              documentName,
              String.format(
                  Locale.ROOT,
                  "a second YAML document starts at line %d; only one document per file is read",
                  event.getStartMark().getLine() + 1));
        }
        if (event instanceof AliasEvent) {
          throw new InvalidDocumentException(
              documentName,
              String.format(
                  Locale.ROOT,
                  "YAML aliases are not supported (*%s at line %d); write the value out",
                  ((AliasEvent) event).getAnchor(),
                  event.getStartMark().getLine() + 1));
        }
      }
    } catch (InvalidDocumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidDocumentException(documentName, "not valid YAML: " + firstLine(e.getMessage()), e);
    }
  }

  /** The parser's first line, without the parser's own class and feature names. */
  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    String line = (newline < 0 ? message : message.substring(0, newline)).strip();
    if (line.startsWith("Trailing token")) {
      return "unexpected content after the end of the document";
    }
    return line.replaceAll("\\s*\\(bound as `[^`]*`\\)", "")
        .replaceAll(":?\\s*not allowed as per `[^`]*`", "")
        .replaceAll(",?\\s*from `[^`]*`", "")
        .replaceAll(":?\\s*enable `[^`]*` to allow", "")
        .replaceAll("\\[Source: [^;\\]]*;\\s*(line: \\d+, column: \\d+)\\]", "$1")
        // Anything else in backticks is the parser's own API (a feature or constraint name).
        .replaceAll("\\s*\\(?`[A-Z]\\w*(\\.\\w+)+(\\(\\))?`[^)]*\\)?", "")
        .replaceAll("`?(com\\.fasterxml|org\\.yaml)\\.[\\w.$]+`?", "")
        .strip();
  }
}
