package dev.persistence.io.data;

import dev.persistence.core.data.CurationCostModel;
import dev.persistence.core.data.DataMixture;

/**
 * A mixture file read: the mixture and the curation prices it asks for.
 *
 * @param mixture the sources and their weights
 * @param curationCosts {@link CurationCostModel#ASSUMED} with the file's {@code curationCosts} overrides
 */
public record MixtureFile(DataMixture mixture, CurationCostModel curationCosts) {}
