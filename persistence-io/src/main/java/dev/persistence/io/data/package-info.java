/**
 * Documents for data sources, curation pipelines, synthetic generation and mixture files ({@link DataCodecs},
 * {@link MixtureFiles}); the bundled dataset catalog is {@link dev.persistence.io.catalog.DatasetCatalog}.
 */
package dev.persistence.io.data;
