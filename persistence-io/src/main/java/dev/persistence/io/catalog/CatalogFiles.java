package dev.persistence.io.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.ObjectFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/** What the name-keyed catalogs (notable models, datasets) share: the bundled resource, the version, the merge. */
final class CatalogFiles {

  private CatalogFiles() {}

  /**
   * Reads a bundled JSON resource; the document is named by the resource's file name.
   *
   * @param resource the classpath location
   * @param reader reads the parsed document given its name
   * @throws IllegalStateException if the resource is missing or invalid (a packaging defect)
   */
  static <C> C bundled(String resource, BiFunction<JsonNode, String, C> reader) {
    String documentName = resource.substring(resource.lastIndexOf('/') + 1);
    try (InputStream in = CatalogFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled catalog " + resource + " is missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return reader.apply(Documents.parse(text, DocumentFormat.JSON, documentName), documentName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("bundled catalog is invalid: " + e.getMessage(), e);
    }
  }

  /** A catalog's {@code catalogVersion}: a string or a number, kept as text. */
  private static final dev.persistence.io.document.Codec<String> VERSION =
      dev.persistence.io.document.ValueCodecs.version("the catalog's version, e.g. 2025.1");

  /**
   * The schema of a catalog's root: {@code catalogVersion} (a string or a number), an optional {@code
   * description}, and the list of entries under {@code listField}.
   *
   * @param listField the entries' field ({@code models}, {@code datasets}, {@code accelerators})
   * @param entry the schema of one entry
   * @param definitions the schema's definitions
   */
  static com.fasterxml.jackson.databind.node.ObjectNode rootSchema(
      String listField,
      com.fasterxml.jackson.databind.node.ObjectNode entry,
      dev.persistence.io.document.SchemaDefinitions definitions) {
    var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    var root = nodes.objectNode().put("type", "object");
    var properties = root.putObject("properties");
    properties.set("catalogVersion", VERSION.schema(definitions));
    properties.set("description", nodes.objectNode().put("type", "string"));
    properties.putObject(listField).put("type", "array").set("items", entry);
    root.putArray("required").add("catalogVersion").add(listField);
    root.put("additionalProperties", false);
    return root;
  }

  /** The required {@code catalogVersion}, as text. */
  static String version(ObjectFields fields) {
    return fields.required("catalogVersion", VERSION);
  }

  /**
   * {@code base} with {@code additions}: an addition replaces, in place, the first entry it {@code matches}; the
   * rest are appended in order.
   */
  static <E> List<E> merge(List<E> base, List<E> additions, BiPredicate<E, E> matches) {
    List<E> merged = new ArrayList<>(base);
    for (E addition : additions) {
      int replaced = -1;
      for (int i = 0; i < merged.size() && replaced < 0; i++) {
        if (matches.test(merged.get(i), addition)) {
          replaced = i;
        }
      }
      if (replaced >= 0) {
        merged.set(replaced, addition);
      } else {
        merged.add(addition);
      }
    }
    return merged;
  }
}
