package dev.persistence.io.document;

import com.fasterxml.jackson.databind.JsonNode;

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
   * Writes a value: only the fields that define it, never derived values.
   *
   * @param value the value
   */
  JsonNode write(T value);
}
