package dev.persistence.cli;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.io.architecture.ModelFiles;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The model a command works on: a HuggingFace {@code config.json} or a persistence model file. */
final class ModelSource {

  @Parameters(
      index = "0",
      paramLabel = "CONFIG.json",
      description = "A HuggingFace config.json, or a persistence model file (JSON or YAML).")
  Path config;

  Architecture architecture() {
    return ModelFiles.read(config);
  }

  /** The whole checkpoint: the language model and its named components (vision tower, projector, MTP). */
  CompositeModel composite() {
    return ModelFiles.readComposite(config);
  }
}
