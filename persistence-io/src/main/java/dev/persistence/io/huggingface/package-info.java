/**
 * Import of HuggingFace {@code config.json} files into core {@link dev.persistence.core.architecture.Architecture}
 * values (and whole checkpoints, {@link dev.persistence.core.architecture.CompositeModel}), family by family: one
 * descriptor per family stating its rules once, one layout class per module layout.
 */
package dev.persistence.io.huggingface;
