package dev.persistence.io.scenario;

import dev.persistence.costing.regulation.DeveloperRevenue;
import dev.persistence.costing.regulation.ObligationCatalog;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.regulation.ObligationDocuments;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The scenario's regulation keys: {@code developerRevenue} ({@code usd}, the developer's annual gross revenue with
 * its affiliates, and the calendar {@code year} it was earned in), which revenue tiers are checked against, and
 * {@code obligations}, the user's own obligations document ({@link ObligationDocuments}' format), a file resolved
 * against the scenario's folder or written inline; {@code ScenarioFiles.write} writes it inline.
 */
final class RegulationSections {
  private RegulationSections() {}

  /** {@code developerRevenue}. */
  static final Codec<DeveloperRevenue> DEVELOPER_REVENUE =
      ObjectCodec.record(DeveloperRevenue.class, "developerRevenue")
          .description(
              "The developer's annual gross revenue with its affiliates, for obligations limited to a revenue tier"
                  + " (California SB 53 counts the preceding calendar year).")
          .required("usd", ValueCodecs.NON_NEGATIVE_NUMBER)
          .describedAs("US dollars")
          .required("year", ValueCodecs.integer(1900, 2200))
          .describedAs("the calendar year the revenue was earned in")
          .build();

  /**
   * {@code obligations}.
   *
   * @param folder where a file name is resolved
   */
  static Codec<ObligationCatalog> obligations(Path folder) {
    Codec<ObligationCatalog> document =
        ValueCodecs.namedOrObject(
            "userObligations",
            List::of,
            "an obligations file (JSON or YAML), relative to the scenario",
            name -> ObligationDocuments.read(folder.resolve(name)),
            catalog -> Optional.empty(),
            ObligationDocuments.DOCUMENT);
    // A user's obligation may name a bundled revenue tier; one that neither defines is an error here, not later.
    return ValueCodecs.mapped(
        document,
        catalog -> {
          ObligationDocuments.bundled().withUserEntries(catalog).requireTiers();
          return catalog;
        },
        catalog -> catalog);
  }
}
