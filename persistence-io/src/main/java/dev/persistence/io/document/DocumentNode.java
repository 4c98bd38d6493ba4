package dev.persistence.io.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.io.InvalidDocumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A node of a parsed document that knows where it is ({@code cluster.nodes[2].accelerator}), with typed
 * conversions whose errors name that path, the value and the rule.
 */
public final class DocumentNode {
  private final JsonNode node;
  private final String documentName;
  private final String path;
  private final SourceLocations locations;

  private DocumentNode(JsonNode node, String documentName, String path, SourceLocations locations) {
    this.node = node;
    this.documentName = documentName;
    this.path = path;
    this.locations = locations;
  }

  /**
   * The root of a document.
   *
   * @param node the parsed tree
   * @param documentName how errors name the document; may be empty
   */
  public static DocumentNode root(JsonNode node, String documentName) {
    return new DocumentNode(node, documentName, "", SourceLocations.NONE);
  }

  /**
   * The root of a document read from a file, whose errors name the line and column of the value at fault
   * ({@code scenario.yaml: cluster.nodeCount (line 12, column 14): ...}).
   *
   * @param file the file, YAML or JSON by its extension, read under the limits of {@link Documents}
   * @throws dev.persistence.io.InvalidDocumentException if it cannot be read or parsed
   */
  public static DocumentNode read(java.nio.file.Path file) {
    Documents.Parsed parsed = Documents.readLocated(file);
    return new DocumentNode(parsed.tree(), file.toString(), "", parsed.locations());
  }

  /** The parsed tree at this node. */
  public JsonNode json() {
    return node;
  }

  /** The path of this node from the root ({@code ""} at the root). */
  public String path() {
    return path;
  }

  /** The document's name. */
  public String documentName() {
    return documentName;
  }

  /**
   * The field's node, a null node where it is absent: for an error at the field's path from a rule across fields.
   *
   * @param field the field's name
   */
  public DocumentNode field(String field) {
    JsonNode value = node.get(field);
    return child(field, value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value);
  }

  DocumentNode child(String field, JsonNode value) {
    return new DocumentNode(value, documentName, path.isEmpty() ? field : path + "." + field, locations);
  }

  DocumentNode element(int index, JsonNode value) {
    return new DocumentNode(value, documentName, path + "[" + index + "]", locations);
  }

  /**
   * An error at this node.
   *
   * @param problem what is wrong, naming the value and the rule
   */
  public InvalidDocumentException error(String problem) {
    String where = locations.describe(path).map(at -> path + " (" + at + ")").orElse(path);
    String location =
        documentName.isEmpty() ? where : where.isEmpty() ? documentName : documentName + ": " + where;
    return new InvalidDocumentException(location, problem);
  }

  /** A short description of the node's value for error messages. */
  public String describe() {
    if (node.isTextual()) {
      String text = node.textValue();
      return "the string \"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
    }
    if (node.isNumber()) {
      String text = node.asText();
      return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
    if (node.isBoolean()) {
      return String.valueOf(node.booleanValue());
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.isNull() ? "null" : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** This node as an object whose fields are read one by one; see {@link ObjectFields#finish()}. */
  public ObjectFields fields() {
    if (!node.isObject()) {
      throw error("expected an object, got " + describe());
    }
    return new ObjectFields(this);
  }

  /** This node as a list. */
  public List<DocumentNode> elements() {
    if (!node.isArray()) {
      throw error("expected a list, got " + describe());
    }
    List<DocumentNode> result = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      result.add(element(i, node.get(i)));
    }
    return result;
  }

  /** This node as an {@code int}; a larger number is an error, never a wrapped value. */
  public int asInt() {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node.isIntegralNumber()) {
      throw error(describe() + " is out of range for an integer (at most " + Integer.MAX_VALUE + ")");
    }
    if (node.isFloatingPointNumber() && isWhole(node.doubleValue()) && Math.abs(node.doubleValue()) <= Integer.MAX_VALUE) {
      return (int) node.doubleValue();
    }
    throw error("expected an integer, got " + describe());
  }

  /** This node as a {@code long}; a larger number is an error, never a wrapped value. */
  public long asLong() {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isIntegralNumber()) {
      throw error(describe() + " is out of range for an integer (at most " + Long.MAX_VALUE + ")");
    }
    if (node.isFloatingPointNumber() && isWhole(node.doubleValue()) && Math.abs(node.doubleValue()) < 9.0e18) {
      return (long) node.doubleValue();
    }
    throw error("expected an integer, got " + describe());
  }

  /** This node as a finite {@code double}; NaN and infinities are errors. */
  public double asDouble() {
    if (!node.isNumber()) {
      throw error("expected a number, got " + describe());
    }
    double value = node.doubleValue();
    if (!Double.isFinite(value)) {
      throw error("expected a finite number, got " + describe());
    }
    // -0 is read as 0, so that it is never printed back as -0.0.
    return value + 0.0;
  }

  /** This node as a finite number {@code > 0}; the error names the path and the value. */
  public double asPositiveDouble() {
    double value = asDouble();
    if (!(value > 0)) {
      throw error("expected a number > 0, got " + describe());
    }
    return value;
  }

  /** This node as an {@code int > 0}; the error names the path and the value. */
  public int asPositiveInt() {
    int value = asInt();
    if (value <= 0) {
      throw error("expected an integer > 0, got " + describe());
    }
    return value;
  }

  /** This node as a boolean. */
  public boolean asBoolean() {
    if (!node.isBoolean()) {
      throw error("expected true or false, got " + describe());
    }
    return node.booleanValue();
  }

  /** This node as a string. */
  public String asText() {
    if (!node.isTextual()) {
      throw error("expected a string, got " + describe());
    }
    return node.textValue();
  }

  /**
   * This node as an enum constant, spelled in kebab-case ({@code rms-norm}).
   *
   * @param type the enum
   */
  public <E extends Enum<E>> E asEnum(Class<E> type) {
    String text = asText();
    return EnumNames.parse(type, text)
        .orElseThrow(
            () -> error("unknown value \"" + text + "\"; expected one of " + EnumNames.accepted(type)));
  }

  /**
   * Builds a value from this node, turning a core type's validation error into a document error at this path
   * that keeps the core message.
   *
   * @param construction the constructor or builder call
   */
  public <T> T build(Supplier<T> construction) {
    try {
      return construction.get();
    } catch (InvalidDocumentException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw error(e.getMessage());
    }
  }

  private static boolean isWhole(double value) {
    return Double.isFinite(value) && value == Math.rint(value);
  }
}
