package dev.persistence.io.law;

import dev.persistence.io.law.LawCodecs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.persistence.io.InvalidDocumentException;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.ScalingLaw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A law file read from code ({@code LawCodecs.LAW.read(path)}): the README's "Common mistakes" table. */
class LawFileTest {

  private static final String VALID =
      "type: chinchilla-form\nname: our-fit\nsource: \"internal sweep 2025-04, 40 runs\"\nirreducibleLoss: 1.82\n"
          + "parameterCoefficient: 482.0\ntokenCoefficient: 2085.4\nparameterExponent: 0.348\ntokenExponent: 0.366\n";

  @TempDir Path folder;

  private String error(String yaml) throws IOException {
    Path file = Files.writeString(folder.resolve("law.yaml"), yaml);
    String message = assertThrows(InvalidDocumentException.class, () -> LawCodecs.LAW.read(file)).getMessage();
    assertEquals(file + ": ", message.substring(0, file.toString().length() + 2), message);
    return "law.yaml: " + message.substring(file.toString().length() + 2);
  }

  @Test
  void aValidFileAndABundledNameRead() throws IOException {
    Path file = Files.writeString(folder.resolve("law.yaml"), VALID);
    assertEquals(0.366, ((ChinchillaLaw) LawCodecs.LAW.read(file)).tokenExponent());
    Path named = Files.writeString(folder.resolve("named.json"), "\"epoch\"");
    ScalingLaw law = LawCodecs.LAW.read(named);
    assertSame(ChinchillaLaw.BESIROGLU_2024, law);
  }

  @Test
  void commonMistakesNameThePath() throws IOException {
    assertEquals(
        "law.yaml: tokenExponant (line 8, column 16): unknown field; did you mean tokenExponent?",
        error(VALID.replace("tokenExponent", "tokenExponant")));
    assertEquals(
        "law.yaml: irreducibleLoss: missing required field", error(VALID.replace("irreducibleLoss: 1.82\n", "")));
    assertEquals(
        "law.yaml: parameterCoefficient (line 5, column 23): expected a number, got the string \"482\"",
        error(VALID.replace("parameterCoefficient: 482.0", "parameterCoefficient: \"482\"")));
    assertEquals(
        "law.yaml: type (line 1, column 7): unknown law type \"chinchila\"; expected one of chinchilla-form, data-constrained, kaplan,"
            + " deepseek, power-law-allocation, fine-grained-moe, routed-moe, precision-aware",
        error(VALID.replace("chinchilla-form", "chinchila")));
    assertEquals(
        "law.yaml: parameterExponent (alpha) (-0.348) must be finite and > 0",
        error(VALID.replace("parameterExponent: 0.348", "parameterExponent: -0.348")));
  }
}
