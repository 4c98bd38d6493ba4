package dev.persistence.costing.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads the reference files (found through the {@code persistence.reference} property) in tests. */
public final class ReferenceJson {

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
  public static Map<String, Object> read(String relativePath) {
    Path path = folder().resolve(relativePath);
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> document =
          (Map<String, Object>) new MinimalJson(Files.readString(path, StandardCharsets.UTF_8), path.toString()).parse();
      return document;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a JSON file under the reference folder whose top level may be a list. */
  public static Object readAny(String relativePath) {
    Path path = folder().resolve(relativePath);
    try {
      return new MinimalJson(Files.readString(path, StandardCharsets.UTF_8), path.toString()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a JSON file under the reference folder whose top level is an array. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> readArray(String relativePath) {
    Path path = folder().resolve(relativePath);
    try {
      return (List<Map<String, Object>>)
          new MinimalJson(Files.readString(path, StandardCharsets.UTF_8), path.toString()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The list at {@code key}. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> list(Map<String, Object> document, String key) {
    return (List<Map<String, Object>>) document.get(key);
  }
}
