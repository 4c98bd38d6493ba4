package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scaling commands: loss, optimal, fit and laws, run in-process. */
class ScalingCommandsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(CommandRun run) throws IOException {
    assertEquals(0, run.exitCode(), run.err());
    return MAPPER.readTree(run.out());
  }

  @Test
  void lossOfChinchilla70B() throws IOException {
    // Hoffmann et al. 2022 eq. (2), (10) at N = 70B, D = 1.4T: 1.9366454705587173 with the rounded constants,
    // 1.9208460265656064 with the unrounded ones (scaling-cases.json chinchilla.loss.chinchilla70B).
    JsonNode rounded = json(CommandRun.of("loss", "--law", "chinchilla", "--params", "70e9", "--tokens", "1.4e12", "--json"));
    assertEquals(1.9366454705587173, rounded.get("loss").asDouble(), 1e-12);
    assertEquals("chinchilla", rounded.get("law").asText());
    JsonNode unrounded = json(CommandRun.of("loss", "--law", "chinchilla-unrounded", "--params", "70e9",
        "--tokens", "1.4e12", "--json"));
    assertEquals(1.9208460265656064, unrounded.get("loss").asDouble(), 1e-12);
  }

  @Test
  void overridesReplaceTheConstants() throws IOException {
    // The rounded law with every constant overridden by the unrounded values gives the unrounded loss.
    JsonNode run = json(CommandRun.of("loss", "--law", "chinchilla", "--E", "1.6933736809989528",
        "--A", "406.4010175194737", "--B", "410.7228269450398", "--alpha", "0.33917084", "--beta", "0.2849083",
        "--params", "70e9", "--tokens", "1.4e12", "--json"));
    assertEquals(1.9208460265656064, run.get("loss").asDouble(), 1e-12);
  }

  @Test
  void lossWithRepeatedData() throws IOException {
    // huggingface/datablations README: N = 6.34B, D = 242B from U = 25B unique tokens -> 2.2256440889984477
    // (scaling-cases.json muennighoff.loss.6.34e+09).
    JsonNode run = json(CommandRun.of("loss", "--law", "muennighoff", "--params", "6.34e9", "--tokens", "242e9",
        "--unique-tokens", "25e9", "--json"));
    assertEquals(2.2256440889984477, run.get("loss").asDouble(), 1e-9 * 2.2256);
    CommandRun noRepetition = CommandRun.of("loss", "--law", "epoch", "--params", "1e9", "--tokens", "1e11",
        "--unique-tokens", "1e10");
    assertEquals(2, noRepetition.exitCode());
    assertTrue(noRepetition.oneErrorLine() && noRepetition.err().contains("use --law muennighoff"), noRepetition.err());
    // A NaN count is its own error, not "tokens exceed --unique-tokens (NaN)"; an infinite one is not "enough".
    for (String bad : new String[] {"NaN", "1e999", "0"}) {
      CommandRun invalid = CommandRun.of("loss", "--params", "1e9", "--tokens", "1e11", "--unique-tokens", bad);
      assertEquals(2, invalid.exitCode(), invalid.out());
      assertTrue(invalid.oneErrorLine(), invalid.err());
      assertTrue(invalid.err().startsWith("persistence loss: --unique-tokens ("), invalid.err());
      assertTrue(invalid.err().endsWith(") must be finite and > 0\n"), invalid.err());
    }
  }

  @Test
  void optimalAtGophersBudget() throws IOException {
    // Hoffmann et al. 2022 Fig. 4 caption: 40B at Gopher's 5.76e23 FLOPs; eq. (4) with the unrounded constants
    // gives N = 40360938387.23629, D = 2378537363996.447 (scaling-cases.json chinchilla.frontier.gopher_budget).
    JsonNode run = json(CommandRun.of("optimal", "--law", "chinchilla-unrounded", "--compute", "5.76e23", "--json"));
    assertEquals(40360938387.23629, run.get("params").asDouble(), 1e-9 * 4e10);
    assertEquals(2378537363996.447, run.get("tokens").asDouble(), 1e-9 * 2.4e12);
    assertEquals(5.76e23, run.get("compute").asDouble(), 1e-9 * 5.76e23);
    assertEquals(5.76e23, run.get("totalCompute").asDouble(), 1e-9 * 5.76e23);
    assertEquals(run.get("tokens").asDouble() / run.get("params").asDouble(),
        run.get("tokensPerParameter").asDouble(), 1e-9);
    assertEquals("none", run.get("bindingConstraint").asText());
    assertTrue(run.has("loss"));
  }

  @Test
  void optimalWithConstraintsAndTargetLoss() throws IOException {
    JsonNode capped = json(CommandRun.of("optimal", "--law", "epoch", "--compute", "1e24", "--max-params", "1e10",
        "--json"));
    assertEquals(1e10, capped.get("params").asDouble(), 1e-3);
    assertEquals("maxParameters", capped.get("bindingConstraint").asText());
    JsonNode unique = json(CommandRun.of("optimal", "--law", "epoch", "--compute", "1e24", "--unique-tokens", "1e12",
        "--json"));
    assertEquals("uniqueTokens", unique.get("bindingConstraint").asText());
    JsonNode training = json(CommandRun.of("optimal", "--law", "epoch", "--target-loss", "2.0", "--json"));
    JsonNode serving = json(CommandRun.of("optimal", "--law", "epoch", "--target-loss", "2.0",
        "--inference-tokens", "1e13", "--json"));
    assertEquals(2.0, training.get("loss").asDouble(), 1e-9);
    assertEquals(2.0, serving.get("loss").asDouble(), 1e-9);
    assertTrue(serving.get("params").asDouble() < training.get("params").asDouble());
    assertEquals(serving.get("compute").asDouble() + 2 * serving.get("params").asDouble() * 1e13,
        serving.get("totalCompute").asDouble(), 1e-6 * serving.get("totalCompute").asDouble());
  }

  @Test
  void optimalBadInput() {
    CommandRun belowE = CommandRun.of("optimal", "--law", "epoch", "--target-loss", "1.5");
    assertEquals(2, belowE.exitCode());
    assertEquals("persistence optimal: --target-loss (1.5) must be finite and > the irreducible loss E (1.8172) of law"
        + " epoch\n", belowE.err());
    CommandRun both = CommandRun.of("optimal", "--compute", "1e24", "--target-loss", "2");
    assertEquals(2, both.exitCode());
    assertTrue(both.oneErrorLine(), both.err());
    CommandRun unknown = CommandRun.of("optimal", "--law", "gpt5", "--compute", "1e24");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().startsWith("persistence optimal: --law (gpt5) is not one of chinchilla,"), unknown.err());
    CommandRun notChinchilla = CommandRun.of("loss", "--law", "kaplan", "--alpha", "0.3", "--params", "1e9",
        "--tokens", "1e10");
    assertEquals(2, notChinchilla.exitCode());
    assertTrue(notChinchilla.err().contains("is not of the form E + A/N^alpha + B/D^beta"), notChinchilla.err());
    CommandRun negative = CommandRun.of("optimal", "--compute", "-1");
    assertEquals("persistence optimal: --compute (-1.0) must be finite and > 0\n", negative.err());
  }

  /** Epoch's 240 points (Besiroglu et al. 2024) rewritten with header "PARAMS,Tokens,LOSS" to test case. */
  private static Path epochCsv(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(
        ParamsCommandTest.reference().resolve("scaling/epoch-chinchilla-svg-extracted.csv"));
    List<String> out = new ArrayList<>();
    out.add("PARAMS,Tokens,LOSS");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double n = Double.parseDouble(f[3]);
      double loss = Double.parseDouble(f[6]);
      if (loss < 3.446995430227908) {
        out.add(n + "," + (Double.parseDouble(f[4]) / (6 * n)) + "," + loss);
      }
    }
    Path file = dir.resolve("epoch.csv");
    Files.write(file, out);
    return file;
  }

  @Test
  void fitReproducesEpochWithIntervals(@TempDir Path dir) throws IOException {
    // Besiroglu et al. 2024 replication (scaling-cases.json epoch.refit_lbfgs_reproduction): alpha 0.34731,
    // beta 0.36718, E 1.81724, objective 0.00101827.
    JsonNode fit = json(CommandRun.of("fit", epochCsv(dir).toString(), "--bootstrap", "20", "--seed", "3", "--json"));
    assertEquals(240, fit.get("observations").asInt());
    assertEquals(0.34731, fit.get("alpha").asDouble(), 0.005);
    assertEquals(0.36718, fit.get("beta").asDouble(), 0.005);
    assertEquals(1.81724, fit.get("E").asDouble(), 0.005);
    assertEquals(0.00101827, fit.get("objective").asDouble(), 1e-7);
    assertTrue(fit.get("A").asDouble() > 0 && fit.get("B").asDouble() > 0);
    JsonNode alpha = fit.get("intervals").get("alpha");
    assertTrue(alpha.get("lower").asDouble() <= alpha.get("upper").asDouble());
    assertEquals(20, fit.get("bootstrap").asInt());
  }

  @Test
  void fitWithAFlopsColumn() throws IOException {
    // The original CSV: "Model Size" and "Training FLOP" columns, tokens = FLOPs / 6N; all 245 rows.
    Path file = ParamsCommandTest.reference().resolve("scaling/epoch-chinchilla-svg-extracted.csv");
    JsonNode fit = json(CommandRun.of("fit", file.toString(), "--params-column", "model size", "--flops-column",
        "Training FLOP", "--json"));
    assertEquals(245, fit.get("observations").asInt());
    assertTrue(fit.get("alpha").asDouble() > 0);
  }

  @Test
  void fitMissingColumnNamesItAndListsTheHeader() {
    Path file = ParamsCommandTest.reference().resolve("scaling/epoch-chinchilla-svg-extracted.csv");
    CommandRun run = CommandRun.of("fit", file.toString());
    assertEquals(2, run.exitCode());
    assertEquals("persistence fit: column \"params\" (--params-column) not found; the header has: x, y, color, "
        + "Model Size, Training FLOP, hex_color, loss\n", run.err());
    CommandRun both = CommandRun.of("fit", file.toString(), "--tokens-column", "a", "--flops-column", "b");
    assertEquals(2, both.exitCode());
    assertTrue(both.oneErrorLine(), both.err());
  }

  @Test
  void fitApproach2(@TempDir Path dir) throws IOException {
    // isoFLOP profiles sampled from L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 (Hoffmann et al. 2022 eq. 10): the
    // fitted a must be near beta/(alpha+beta) = 0.28/0.62.
    List<String> lines = new ArrayList<>();
    lines.add("params,tokens,loss");
    for (double c = 1e18; c <= 1e22; c *= 10) {
      double center = 0.29 * Math.pow(c / 6, 0.4516);
      for (int k = -4; k <= 4; k++) {
        double n = center * Math.pow(3, k / 4.0);
        double d = c / (6 * n);
        lines.add(n + "," + d + "," + (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28)));
      }
    }
    Path file = dir.resolve("iso.csv");
    Files.write(file, lines);
    JsonNode fit = json(CommandRun.of("fit", file.toString(), "--approach", "2", "--json"));
    assertEquals(5, fit.get("profiles").asInt());
    assertEquals(0.28 / 0.62, fit.get("a").asDouble(), 0.01);
  }

  @Test
  void lawsListsEveryLawWithItsSource() throws IOException {
    JsonNode laws = json(CommandRun.of("laws", "--json")).get("laws");
    assertTrue(laws.size() >= 10);
    List<String> names = new ArrayList<>();
    for (JsonNode law : laws) {
      names.add(law.get("name").asText());
      assertTrue(!law.get("source").asText().isBlank());
    }
    assertTrue(names.containsAll(List.of("chinchilla", "chinchilla-unrounded", "epoch", "muennighoff", "kaplan")));
    CommandRun text = CommandRun.of("laws");
    assertEquals(0, text.exitCode());
    assertTrue(text.out().contains("Besiroglu et al. 2024"));
  }
}
