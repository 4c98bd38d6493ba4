/**
 * Strict, safe reading and stable writing of our own JSON and YAML documents: bounded parsing, typed field
 * access that reports the path, the value and the rule, unknown fields rejected with a suggestion, and
 * {@link dev.persistence.io.document.Codec}s that map documents to core values and back.
 */
package dev.persistence.io.document;
