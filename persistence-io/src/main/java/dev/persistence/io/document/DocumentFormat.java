package dev.persistence.io.document;

import java.nio.file.Path;
import java.util.Locale;

/** The text formats our documents are written in. */
public enum DocumentFormat {
  /** JSON (RFC 8259). */
  JSON,
  /** YAML 1.1, as SnakeYAML reads it, restricted to plain data (no tags, bounded aliases). */
  YAML;

  /**
   * The format a file name implies: {@code .yaml} and {@code .yml} are YAML, anything else JSON.
   *
   * @param file the file
   */
  public static DocumentFormat of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
  }
}
