package dev.persistence.cli;

import dev.persistence.io.catalog.DatasetCatalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The dataset catalog a command reads: the bundled one, plus a user's file when given. */
final class DatasetSource {

  @Option(
      names = "--datasets",
      paramLabel = "FILE",
      description = "A JSON or YAML dataset catalog whose entries add to (or replace) the bundled ones.")
  Path catalogFile;

  DatasetCatalog catalog() {
    DatasetCatalog bundled = DatasetCatalog.bundled();
    return catalogFile == null ? bundled : bundled.withUserEntries(DatasetCatalog.read(catalogFile));
  }
}
