package dev.persistence.io.posttraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.costing.posttraining.ReinforcementLearning;
import dev.persistence.costing.posttraining.RolloutPlacement;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageFileTest {
  static final Path EXAMPLES = Path.of("..", "examples", "post-training");

  /** The example stage files read, write self-contained, and read back equal, in JSON and YAML. */
  @Test
  void exampleStagesRoundTrip() {
    AcceleratorCatalog catalog = AcceleratorCatalog.bundled();
    for (String name : new String[] {"tulu3-405b-rlvr.yaml", "reasoning-grpo.yaml"}) {
      StageFile file = StageFile.read(EXAMPLES.resolve(name));
      for (DocumentFormat format : DocumentFormat.values()) {
        JsonNode written = file.write(catalog);
        String text = Documents.print(written, format);
        StageFile back = StageFile.read(DocumentNode.root(Documents.parse(text, format, name), name), Path.of("."));
        assertEquals(file, back, name + " in " + format);
        assertEquals(written, back.write(catalog));
      }
    }
  }

  @Test
  void theTuluFileSaysWhatItsFileSays() {
    StageFile file = StageFile.read(EXAMPLES.resolve("tulu3-405b-rlvr.yaml"));
    assertEquals(248, file.planned().accelerators(), "the 248 GPUs at work of the 256");
    assertEquals(
        64, StageFile.read(EXAMPLES.resolve("reasoning-grpo.yaml")).planned().accelerators(), "accelerators default to the whole cluster");
    ReinforcementLearning rl = (ReinforcementLearning) file.planned().stage();
    assertEquals(RolloutPlacement.ASYNCHRONOUS, rl.placement());
    assertEquals(1856, rl.promptsPerStep());
    assertEquals(126, file.model().numLayers());
    assertEquals(32, rl.valueModel().get().numLayers());
  }

  @Test
  void errorsNameThePath(@TempDir Path folder) throws IOException {
    String base = Files.readString(EXAMPLES.resolve("reasoning-grpo.yaml")).replace("../models/", EXAMPLES.resolve("../models").toAbsolutePath() + "/");
    Path file = folder.resolve("stage.yaml");
    Files.writeString(file, base.replace("promptsPerStep: 128", "promptsPerStep: 0"));
    InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> StageFile.read(file));
    assertTrue(e.getMessage().contains("postTraining.stage") && e.getMessage().contains("promptsPerStep (0) must be > 0"), e.getMessage());
    Files.writeString(file, base.replace("kind: rl", "kind: rlhf"));
    e = assertThrows(InvalidDocumentException.class, () -> StageFile.read(file));
    assertTrue(
        e.getMessage().contains("postTraining.stage.kind")
            && e.getMessage().endsWith(
                "unknown post-training stage kind \"rlhf\"; expected one of sft, preference, rl, distillation,"
                    + " evaluation; did you mean rl?"),
        e.getMessage());
    Files.writeString(file, base.replace("samplesPerPrompt: 16", "samplesPerPrompt: 16\n    samplePerPrompt: 4"));
    e = assertThrows(InvalidDocumentException.class, () -> StageFile.read(file));
    assertTrue(e.getMessage().contains("samplePerPrompt"), e.getMessage());
  }
}
