package dev.persistence.cli;

import dev.persistence.io.catalog.DatasetCatalog;
import dev.persistence.io.catalog.DatasetEntry;
import dev.persistence.io.document.EnumNames;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code persistence datasets}: the catalog of public pre-training corpora. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Lists the dataset catalog: published token counts, licences, dates, sources and their status.")
final class DatasetsCommand implements Callable<Integer> {

  @Mixin DatasetSource datasets;

  @Option(names = "--json", description = "Print the catalog as JSON (sizes in their published units).")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DatasetCatalog catalog = datasets.catalog();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, catalog.listingJson());
      return 0;
    }
    out.println("catalog version " + catalog.version());
    out.println(
        String.format(Locale.ROOT, "%-24s %9s  %-12s %-18s %-8s %-11s %s", "name", "tokens", "tokenizer", "licence",
            "tier", "as of", "status"));
    for (DatasetEntry entry : catalog.entries()) {
      out.println(
          String.format(
              Locale.ROOT,
              "%-24s %9s  %-12s %-18s %-8s %-11s %s",
              entry.name(),
              TokenCounts.format(entry.source().tokens()),
              entry.source().size().tokenizer(),
              EnumNames.kebabCase(entry.source().licenceClass()),
              EnumNames.kebabCase(entry.source().qualityTier()),
              entry.asOf(),
              entry.status()));
    }
    out.println("sources and notes: persistence datasets --json");
    out.flush();
    return 0;
  }
}
