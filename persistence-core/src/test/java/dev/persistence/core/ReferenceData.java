package dev.persistence.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the published reference data the tests compare against (system property {@code persistence.reference}). */
public final class ReferenceData {

  private ReferenceData() {}

  /** The reference folder. */
  public static Path folder() {
    String folder = System.getProperty("persistence.reference");
    if (folder == null) {
      throw new IllegalStateException("system property persistence.reference is not set (surefire sets it)");
    }
    return Path.of(folder);
  }

  /**
   * Parses a JSON file of the reference folder.
   *
   * @param relativePath path inside the folder
   */
  public static JsonNode json(String relativePath) {
    try {
      return new ObjectMapper().readTree(Files.readString(folder().resolve(relativePath)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
