package dev.persistence.io.document;

import dev.persistence.io.law.LawCodecs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * Reads a value of one type from a document node and writes it back, with stable field names.
 *
 * @param <T> the value type
 */
public interface Codec<T> {

  /**
   * Reads a value.
   *
   * @param node the node, which knows its path in the document
   * @throws dev.persistence.io.InvalidDocumentException naming the path, the value and the rule
   */
  T read(DocumentNode node);

  /**
   * Reads a value from a file: YAML ({@code .yaml}, {@code .yml}) or JSON, under the limits of {@link Documents}
   * ({@code LawCodecs.LAW.read(Path.of("law.yaml"))}).
   *
   * @param file the file
   * @return the value
   * @throws dev.persistence.io.InvalidDocumentException naming the file, the path in it, the value and the rule
   */
  default T read(Path file) {
    return read(DocumentNode.read(file));
  }

  /**
   * Writes a value: only the fields that define it, never derived values.
   *
   * @param value the value
   */
  JsonNode write(T value);

  /**
   * The JSON Schema (draft 2020-12) of what {@link #read(DocumentNode)} accepts and {@link #write} produces: a
   * fragment, or a {@code $ref} to a definition this codec registers in {@code definitions}.
   *
   * @param definitions the definitions of the schema being generated
   */
  ObjectNode schema(SchemaDefinitions definitions);
}
