package dev.persistence.cli;

import dev.persistence.io.law.LawCodecs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --law FILE}: a team's own law, read in the format of {@code LawCodecs.LAW}. */
class LawFileOptionTest {

  /** Besiroglu et al. 2024 Table 1 written out as a file: it must give what {@code --law epoch} gives. */
  private static final String EPOCH_AS_A_FILE =
      "type: chinchilla-form\nname: epoch-copy\nsource: \"Besiroglu et al. 2024, arXiv:2404.10102, Table 1\"\n"
          + "irreducibleLoss: 1.8172\nparameterCoefficient: 482.01\ntokenCoefficient: 2085.43\n"
          + "parameterExponent: 0.3478\ntokenExponent: 0.3658\n";

  @TempDir Path folder;

  @Test
  void aLawFileGivesWhatTheSameBundledLawGives() throws IOException {
    Path file = Files.writeString(folder.resolve("law.yaml"), EPOCH_AS_A_FILE);
    CommandRun fromFile = CommandRun.of("optimal", "--law", file.toString(), "--compute", "1e24", "--json");
    CommandRun bundled = CommandRun.of("optimal", "--law", "epoch", "--compute", "1e24", "--json");
    assertEquals(0, fromFile.exitCode(), fromFile.err());
    assertEquals(bundled.out().replace("\"epoch\"", "\"epoch-copy\""), fromFile.out());
    CommandRun loss =
        CommandRun.of("loss", "--law", file.toString(), "--E", "1.7", "--params", "1e9", "--tokens", "2e10");
    assertEquals(0, loss.exitCode(), loss.err());
  }

  @Test
  void aMistakeInTheFileIsOneLineNamingFileAndField() throws IOException {
    Path file = Files.writeString(folder.resolve("law.yaml"), EPOCH_AS_A_FILE.replace("tokenExponent", "tokenExponant"));
    CommandRun run = CommandRun.of("optimal", "--law", file.toString(), "--compute", "1e24");
    assertEquals(2, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertEquals(
        "persistence optimal: " + file + ": tokenExponant (line 8, column 16): unknown field; did you mean tokenExponent?\n", run.err());
  }
}
