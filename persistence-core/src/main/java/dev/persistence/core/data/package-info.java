/**
 * Pre-training data: sources and their sizes, licences, costs and quality ({@link DataSource}), curation
 * pipelines and their published yields ({@link CurationPipeline}, {@link CurationPipelines}), synthetic data
 * ({@link SyntheticGeneration}) and mixtures with sampling weights ({@link DataMixture}).
 *
 * <p>Calculations that need a scaling law (effective tokens of repeated data, the loss penalty of repetition,
 * the data budget) live in {@code dev.persistence.scaling.data}; the bundled catalog of public corpora lives in
 * {@code dev.persistence.io.catalog.DatasetCatalog}.
 */
@PersistenceStyle
package dev.persistence.core.data;

import dev.persistence.core.PersistenceStyle;
