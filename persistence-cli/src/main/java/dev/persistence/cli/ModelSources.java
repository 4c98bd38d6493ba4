package dev.persistence.cli;

import dev.persistence.costing.landscape.ModelCatalog;
import dev.persistence.io.catalog.NotableModelCatalog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** The catalog of notable models a command reads: the bundled one (Epoch AI's), plus a user's file when given. */
final class ModelSources {

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "A JSON or YAML catalog of models whose entries add to (or replace, by name) the bundled ones.")
  Path catalogFile;

  ModelCatalog catalog() {
    ModelCatalog bundled = NotableModelCatalog.bundled();
    return catalogFile == null ? bundled : bundled.withUserEntries(NotableModelCatalog.read(catalogFile));
  }

  /**
   * Parses an option's date.
   *
   * @throws IllegalArgumentException naming the option and the value
   */
  static LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " (" + text + ") must be a date, YYYY-MM-DD");
    }
  }
}
