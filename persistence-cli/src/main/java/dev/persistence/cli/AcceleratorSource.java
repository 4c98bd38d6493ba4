package dev.persistence.cli;

import dev.persistence.core.hardware.Accelerator;
import dev.persistence.io.catalog.AcceleratorCatalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The accelerator catalog a command reads: the bundled one, plus a user's file when given. */
final class AcceleratorSource {

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "A JSON or YAML accelerator catalog whose entries add to (or replace) the bundled ones.")
  Path catalogFile;

  AcceleratorCatalog catalog() {
    AcceleratorCatalog bundled = AcceleratorCatalog.bundled();
    return catalogFile == null ? bundled : bundled.withUserEntries(AcceleratorCatalog.read(catalogFile));
  }

  Accelerator accelerator(String name) {
    return catalog().get(name);
  }
}
