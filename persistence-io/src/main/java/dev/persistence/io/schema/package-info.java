/** JSON Schemas (draft 2020-12) of our file formats, shipped in the jar for editors and services. */
package dev.persistence.io.schema;
