/**
 * JSON documents of {@code dev.persistence.costing.search}: a plan search's result ({@link
 * dev.persistence.io.search.SearchResultJson}), the object {@code persistence search --json} prints.
 */
package dev.persistence.io.search;
