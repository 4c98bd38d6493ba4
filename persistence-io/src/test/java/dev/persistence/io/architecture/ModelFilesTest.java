package dev.persistence.io.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.io.InvalidDocumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

  /**
   * GPT-3 by its Megatron description: Narayanan et al. 2021 eq. 2 with l = 96, h = 12288, V = 51200, s = 2048,
   * 12lh^2 + 13lh + (V + s)h = 174,615,822,336, plus the final LayerNorm's 2h = 24,576, which eq. 2 leaves out.
   */
  @Test
  void megatronShorthand(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("gpt3.yaml");
    Files.writeString(
        file,
        "megatronGpt: {numLayers: 96, hiddenSize: 12288, numAttentionHeads: 96, vocabSize: 51200,"
            + " sequenceLength: 2048}\n");
    Architecture gpt3 = ModelFiles.read(file);
    assertEquals(174_615_822_336L + 24_576L, gpt3.parameters().totalParameters());

    Files.writeString(file, "megatronGpt: {numLayers: 96, hiddenSize: 12288, numAttentionHeads: 96}\n");
    InvalidDocumentException missing = assertThrows(InvalidDocumentException.class, () -> ModelFiles.read(file));
    assertEquals(file + ": megatronGpt.vocabSize (line 1, column 14): missing required field", missing.getMessage());
  }

  @Test
  void readsHuggingFaceConfigsToo() {
    Path config =
        Path.of(System.getProperty("persistence.reference", "../reference"), "hf-configs", "gpt2.json");
    assertEquals(124_439_808L, ModelFiles.read(config).parameters().totalParameters());
  }
}
