/**
 * Reading and writing: JSON and YAML for every public type, HuggingFace {@code config.json} import, and the bundled catalogs.
 */
package dev.persistence.io;
