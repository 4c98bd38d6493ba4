package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

  @TempDir Path folder;

  /** GPT-3 175B in the Megatron shorthand (Korthikanti et al. 2022 Table 3: 96 layers, 12288 hidden, 96 heads). */
  static Path gpt3(Path folder) throws IOException {
    Path file = folder.resolve("gpt3.yaml");
    Files.writeString(
        file,
        "megatronGpt:\n  numLayers: 96\n  hiddenSize: 12288\n  numAttentionHeads: 96\n  vocabSize: 51200\n"
            + "  sequenceLength: 2048\n");
    return file;
  }

  @Test
  void jsonHasTheFiguresAndTheBreakdownSums() throws Exception {
    // Korthikanti et al. 2022 Table 3's GPT-3 configuration: 64 A100s, t = 8, p = 8, interleaving 3.
    CommandRun run =
        CommandRun.of(
            "train", gpt3(folder).toString(), "--accelerator", "A100-SXM4-80GB", "--gpus", "64", "--tp", "8",
            "--pp", "8", "--vpp", "3", "--sequence-parallel", "--recompute", "selective", "--micro-batch", "1",
            "--global-batch", "64", "--seq-len", "2048", "--tokens", "300e9", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    for (String field :
        new String[] {
          "stepSeconds", "tokensPerSecond", "mfu", "hfu", "achievedFlopsPerAcceleratorPerSecond",
          "memoryBytesPerAccelerator", "trainingDays", "acceleratorHours"
        }) {
      assertTrue(json.get(field).isNumber(), field);
      assertTrue(json.get(field).asDouble() > 0, field);
    }
    assertTrue(json.get("fits").isBoolean());
    assertTrue(json.get("mfu").asDouble() <= json.get("hfu").asDouble());
    assertTrue(json.get("hfu").asDouble() <= 1);
    double sum = 0;
    for (Iterator<JsonNode> parts = json.get("breakdown").elements(); parts.hasNext(); ) {
      sum += parts.next().asDouble();
    }
    assertEquals(json.get("stepSeconds").asDouble(), sum, 1e-9 * sum);
    // tokens/s x step = global batch x sequence length.
    assertEquals(64 * 2048, json.get("tokensPerSecond").asDouble() * json.get("stepSeconds").asDouble(), 1e-6);
    assertEquals(
        json.get("trainingDays").asDouble() * 24 * 64, json.get("acceleratorHours").asDouble(), 1e-6);
  }

  /**
   * {@code --power-limit-w} sets the board power limit of every accelerator: below the A100 SXM's 400 W TDP
   * (reference/accelerators.json) the GEMMs slow; a limit of 0 is refused with the flag's name.
   */
  @Test
  void powerLimitSlowsTheStep() throws Exception {
    String[] base = {
      "train", gpt3(folder).toString(), "--accelerator", "a100", "--gpus", "64", "--tp", "8", "--pp", "8",
      "--global-batch", "64", "--seq-len", "2048", "--recompute", "full", "--json"
    };
    CommandRun full = CommandRun.of(base);
    String[] limitedArgs = Arrays.copyOf(base, base.length + 2);
    limitedArgs[base.length] = "--power-limit-w";
    limitedArgs[base.length + 1] = "250";
    CommandRun limited = CommandRun.of(limitedArgs);
    assertEquals(0, limited.exitCode(), limited.err());
    double fullStep = new ObjectMapper().readTree(full.out()).get("stepSeconds").asDouble();
    double limitedStep = new ObjectMapper().readTree(limited.out()).get("stepSeconds").asDouble();
    assertTrue(limitedStep > fullStep, limitedStep + " vs " + fullStep);
    limitedArgs[base.length + 1] = "0";
    CommandRun zero = CommandRun.of(limitedArgs);
    assertEquals(2, zero.exitCode());
    assertEquals("persistence train: --power-limit-w (0.0) must be in (0, 1.0E7]\n", zero.err());
  }

  /**
   * {@code --tp-comm forward-exposed} (TorchTitan without async TP, Megatron-LM without {@code --tp-comm-overlap})
   * leaves the forward pass's tensor-parallel collectives unhidden: on an H100 (the production calibration, which
   * hides most of them by default) the step slows; an unknown kind is refused with the flag's name.
   */
  @Test
  void exposedForwardTensorParallelCommunicationSlowsTheStep() throws Exception {
    String[] base = {
      "train", gpt3(folder).toString(), "--accelerator", "h100", "--gpus", "64", "--tp", "8", "--pp", "8",
      "--sequence-parallel", "--global-batch", "64", "--seq-len", "2048", "--recompute", "full", "--json"
    };
    CommandRun overlapped = CommandRun.of(base);
    assertEquals(0, overlapped.exitCode(), overlapped.err());
    String[] exposedArgs = Arrays.copyOf(base, base.length + 2);
    exposedArgs[base.length] = "--tp-comm";
    exposedArgs[base.length + 1] = "forward-exposed";
    CommandRun exposed = CommandRun.of(exposedArgs);
    assertEquals(0, exposed.exitCode(), exposed.err());
    double overlappedStep = new ObjectMapper().readTree(overlapped.out()).get("stepSeconds").asDouble();
    double exposedStep = new ObjectMapper().readTree(exposed.out()).get("stepSeconds").asDouble();
    assertTrue(exposedStep > overlappedStep, exposedStep + " vs " + overlappedStep);
    exposedArgs[base.length + 1] = "hidden";
    CommandRun unknown = CommandRun.of(exposedArgs);
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().startsWith("persistence train: --tp-comm: unknown value \"hidden\""), unknown.err());
  }

  @Test
  void tableOutputWithoutJson() throws Exception {
    CommandRun run =
        CommandRun.of(
            "train", gpt3(folder).toString(), "--accelerator", "a100", "--gpus", "64", "--tp", "8", "--pp", "8",
            "--global-batch", "64", "--seq-len", "2048", "--recompute", "full");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("MFU"), run.out());
  }

  @Test
  void impossiblePlanIsOneLine() throws Exception {
    CommandRun run =
        CommandRun.of(
            "train", gpt3(folder).toString(), "--accelerator", "a100", "--gpus", "64", "--tp", "5", "--pp", "1",
            "--global-batch", "64", "--seq-len", "2048");
    assertEquals(2, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertEquals(
        "persistence train: --gpus (64) must be a multiple of tp x pp x cp (5 x 1 x 1 = 5)\n", run.err());
    CommandRun heads =
        CommandRun.of(
            "train", gpt3(folder).toString(), "--accelerator", "a100", "--gpus", "64", "--tp", "64", "--pp", "1",
            "--global-batch", "64", "--seq-len", "2048");
    assertEquals(2, heads.exitCode());
    assertEquals("persistence train: tensorParallel (64) must divide numAttentionHeads (96)\n", heads.err());
  }

  @Test
  void gpusThatDoNotFillWholeNodesAreAnError() throws Exception {
    // 12 accelerators at 8 per node used to become 2 nodes, 16 accelerators, silently.
    CommandRun run =
        CommandRun.of(
            "train", gpt3(folder).toString(), "--accelerator", "a100", "--gpus", "12", "--tp", "4", "--pp", "1",
            "--global-batch", "12", "--seq-len", "2048");
    assertEquals(2, run.exitCode(), run.out());
    assertEquals(
        "persistence train: --gpus (12) must be at most --gpus-per-node (8) or a multiple of it\n", run.err());
    CommandRun overflow =
        CommandRun.of(
            "train", gpt3(folder).toString(), "--accelerator", "a100", "--gpus", "2147483647", "--tp", "1",
            "--pp", "1", "--global-batch", "64", "--seq-len", "2048");
    assertEquals(2, overflow.exitCode(), overflow.out());
    assertEquals(
        "persistence train: --gpus (2147483647) must be at most --gpus-per-node (8) or a multiple of it\n",
        overflow.err());
  }

  @Test
  void unknownAcceleratorIsOneLine() throws Exception {
    CommandRun run =
        CommandRun.of(
            "train", gpt3(folder).toString(), "--accelerator", "Z9000", "--gpus", "8", "--tp", "8", "--pp", "1",
            "--global-batch", "8", "--seq-len", "2048");
    assertEquals(2, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().startsWith("persistence train: unknown accelerator (Z9000)"), run.err());
  }

  @Test
  void badTokenBudgetIsOneLine() throws Exception {
    CommandRun run =
        CommandRun.of(
            "train", gpt3(folder).toString(), "--accelerator", "a100", "--gpus", "64", "--tp", "8", "--pp", "8",
            "--global-batch", "64", "--seq-len", "2048", "--tokens", "lots");
    assertEquals(2, run.exitCode());
    assertEquals("persistence train: --tokens (lots) must be a number such as 300e9\n", run.err());
  }

  @Test
  void mfuFollowsTheNamedFlopConvention() throws Exception {
    // Korthikanti et al. 2022 eq. 7 (megatron) counts the attention scores non-causally and the logits; Kaplan's
    // 6N counts neither: for GPT-3 at s = 2048 the megatron MFU is the larger, the same step time under each.
    String[] base = {
      "train", gpt3(folder).toString(), "--accelerator", "A100-SXM4-80GB", "--gpus", "64", "--tp", "8", "--pp", "8",
      "--sequence-parallel", "--recompute", "selective", "--global-batch", "64", "--seq-len", "2048", "--json"
    };
    JsonNode megatron = json(base, "megatron");
    JsonNode sixN = json(base, "6n");
    assertEquals(megatron.get("stepSeconds").asDouble(), sixN.get("stepSeconds").asDouble(), 1e-12);
    assertTrue(megatron.get("mfu").asDouble() > sixN.get("mfu").asDouble());
    CommandRun bad = CommandRun.of(concat(base, "--convention", "furlongs"));
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--convention"), bad.err());
  }

  private static JsonNode json(String[] base, String convention) throws Exception {
    CommandRun run = CommandRun.of(concat(base, "--convention", convention));
    assertEquals(0, run.exitCode(), run.err());
    return new ObjectMapper().readTree(run.out());
  }

  private static String[] concat(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
