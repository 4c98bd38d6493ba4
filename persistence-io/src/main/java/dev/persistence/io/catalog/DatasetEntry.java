package dev.persistence.io.catalog;

import dev.persistence.core.data.CurationPipeline;
import dev.persistence.core.data.DataSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One corpus of the dataset catalog: the source and what the catalog knows about its figures.
 *
 * @param source the data source (size, licence class, quality tier, curation preset, citation)
 * @param aliases other names it is found by ({@code HuggingFaceFW/fineweb})
 * @param licenceName the licence as published ({@code ODC-By 1.0})
 * @param asOf the date of the figures ({@code 2024-05})
 * @param status how the figures were checked: {@code confirmed}, {@code secondary}, {@code derived} or {@code
 *     unconfirmed}
 * @param notes caveats; may be empty
 * @param publishedCuration the pipeline the publisher ran to make the corpus (provenance, with its published
 *     yield; unlike {@link DataSource#curation()} it costs the team nothing)
 */
public record DatasetEntry(
    DataSource source,
    List<String> aliases,
    String licenceName,
    String asOf,
    String status,
    String notes,
    Optional<CurationPipeline> publishedCuration) {

  /** The statuses an entry may have. */
  public static final List<String> STATUSES = List.of("confirmed", "secondary", "derived", "unconfirmed", "user");

  /** Copies the aliases. */
  public DatasetEntry {
    aliases = List.copyOf(aliases);
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "status (%s) must be one of %s", status, String.join(", ", STATUSES)));
    }
  }

  /** The entry's name. */
  public String name() {
    return source.name();
  }

  /** Whether {@code name} is this entry's name or an alias, ignoring case. */
  public boolean isNamed(String name) {
    if (source.name().equalsIgnoreCase(name)) {
      return true;
    }
    for (String alias : aliases) {
      if (alias.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
