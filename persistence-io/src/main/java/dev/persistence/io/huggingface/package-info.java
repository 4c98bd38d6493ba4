/**
 * Import of HuggingFace {@code config.json} files into core {@link dev.persistence.core.architecture.Architecture}
 * values, family by family, with each family's own defaults.
 */
package dev.persistence.io.huggingface;
