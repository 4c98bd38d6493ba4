/**
 * Bundled, versioned catalogs (accelerators) and the loader for user catalogs in JSON or YAML.
 */
package dev.persistence.io.catalog;
