package dev.persistence.cli;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.io.huggingface.HuggingFaceConfigs;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The model a command works on: a HuggingFace {@code config.json}. */
final class ModelSource {

  @Parameters(
      index = "0",
      paramLabel = "CONFIG.json",
      description = "A HuggingFace config.json.")
  Path config;

  Architecture architecture() {
    return HuggingFaceConfigs.read(config);
  }
}
