package dev.persistence.costing.calibration;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference files (found through the {@code persistence.reference} property) in tests, with Jackson
 * (a test-scope dependency of costing only): objects become ordered maps, arrays lists, every number a
 * {@link Double}; duplicate keys are errors.
 */
public final class ReferenceJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private ReferenceJson() {}

  /** The reference folder. */
  public static Path folder() {
    String property = System.getProperty("persistence.reference");
    if (property == null) {
      throw new IllegalStateException("system property persistence.reference is not set");
    }
    return Path.of(property);
  }

  /** Reads a JSON file under the reference folder into maps, lists, strings, doubles and booleans. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(String relativePath) {
    return (Map<String, Object>) readAny(relativePath);
  }

  /** Reads a JSON file under the reference folder whose top level may be a list. */
  public static Object readAny(String relativePath) {
    Path path = folder().resolve(relativePath);
    try {
      return plain(MAPPER.readTree(path.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }

  /** Reads a JSON file under the reference folder whose top level is an array. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> readArray(String relativePath) {
    return (List<Map<String, Object>>) readAny(relativePath);
  }

  /** The list at {@code key}. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> list(Map<String, Object> document, String key) {
    return (List<Map<String, Object>>) document.get(key);
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(field -> map.put(field.getKey(), plain(field.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(element -> list.add(plain(element)));
      return list;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.textValue();
  }
}
