package dev.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus grown with one case or more per class of defect the fuzzing campaign of issue 14 found:
 * overflowing shapes, subnormals, 1e308, devices, named pipes, deep and multi-document YAML, huge and raw paths.
 * Every case ends with exit 2 and one line naming what the user wrote, or exit 0 with no Infinity, NaN or -0.0 in
 * the output.
 */
class BadInputClassesTest {

  @TempDir Path folder;

  private Path scenario;

  @BeforeEach
  void copyTheExample() throws IOException {
    Path examples = PlanCommandTest.EXAMPLES;
    try (Stream<Path> files = Files.walk(examples)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = folder.resolve(examples.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    scenario = folder.resolve("frontier.yaml");
  }

  private static CommandRun refused(String expected, String... args) {
    CommandRun run = CommandRun.of(args);
    assertEquals(2, run.exitCode(), () -> String.join(" ", args) + " -> " + run.err() + run.out());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains(expected), () -> "expected <" + expected + "> in: " + run.err());
    return run;
  }

  private static void cleanOutput(CommandRun run) {
    assertEquals(0, run.exitCode(), run.err());
    for (String bad : new String[] {"Infinity", "NaN", "$-"}) {
      assertFalse(run.out().contains(bad), () -> bad + " in:\n" + run.out());
    }
    // A negative zero printed back, not a small negative number such as -0.0066 (a sensitivity's swing).
    assertFalse(
        java.util.regex.Pattern.compile("-0\\.0(?![0-9])").matcher(run.out()).find(), () -> "-0.0 in:\n" + run.out());
  }

  /** The scenario with one text replaced (the replaced text must be there). */
  private Path edited(String from, String to) throws IOException {
    String text = Files.readString(scenario);
    assertTrue(text.contains(from), from);
    Path copy = folder.resolve("edited.yaml");
    Files.writeString(copy, text.replace(from, to));
    return copy;
  }

  private Path llama(int layers, int hidden) throws IOException {
    Path config = folder.resolve("config.json");
    Files.writeString(
        config,
        "{\"model_type\": \"llama\", \"hidden_size\": " + hidden + ", \"intermediate_size\": " + hidden
            + ", \"num_attention_heads\": 64, \"num_key_value_heads\": 8, \"num_hidden_layers\": " + layers
            + ", \"vocab_size\": 32000, \"max_position_embeddings\": 4096, \"tie_word_embeddings\": false}");
    return config;
  }

  // Class 1: exact arithmetic.

  @Test
  void anOverflowingShapeIsRefusedNamingIt() throws IOException {
    refused("numLayers 1073741824, hiddenSize 65536", "params", llama(1 << 30, 65536).toString());
    refused("overflow a long", "flops", llama(1 << 30, 65536).toString(), "--seq-len", "4096");
  }

  @Test
  void aKeyValueCacheNearTwoToTheSixtyThreeIsRefused() throws IOException {
    Path config = llama(32, 4096);
    for (String length : new String[] {"576460752303423488", "9223372036854775807", "1152921504606846976"}) {
      refused("--seq-len", "kv-cache", config.toString(), "--seq-len", length, "--batch", "1");
    }
    refused("--batch", "kv-cache", config.toString(), "--seq-len", "1048576", "--batch", "9223372036854775807");
  }

  @Test
  void theDefaultGlobalBatchDoesNotWrap() throws IOException {
    refused(
        "--global-batch",
        "memory", llama(2, 1024).toString(), "--accelerator", "H100-SXM5-80GB",
        "--micro-batch", "65536", "--dp", "65536", "--pp", "2");
  }

  @Test
  void anAbsurdDemandIsRefusedNotANegativeFleet() throws IOException {
    CommandRun run =
        CommandRun.of("plan", edited("inputTokensPerDay: 5.0e10", "inputTokensPerDay: 1.0e300").toString());
    if (run.exitCode() == 0) {
      cleanOutput(run);
      assertFalse(run.out().contains("-8 accelerators"), run.out());
    } else {
      assertEquals(2, run.exitCode(), run.err());
      assertTrue(run.oneErrorLine() && run.err().contains("inputTokensPerDay"), run.err());
    }
  }

  // Class 2: finite results, inputs that can only give Infinity or 0 refused.

  @Test
  void hugeMoneyAndPeopleAreRefused() throws IOException {
    refused("headcount", "plan", edited("headcount: 40", "headcount: 1.0e308").toString());
    refused("loadedAnnualCostUsd", "plan", edited("loadedAnnualCostUsd: 1.0e6", "loadedAnnualCostUsd: 1.0e308").toString());
    refused("contingencyFraction", "plan", edited("contingencyFraction: 0.2", "contingencyFraction: 1.0e308").toString());
    refused(
        "annotationPriceUsdPerItem",
        "plan",
        edited("annotationPriceUsdPerItem: 15", "annotationPriceUsdPerItem: 1.0e308").toString());
  }

  @Test
  void subnormalAndZeroishTokenBudgetsAreRefused() throws IOException {
    refused("trainingTokens (4.9E-324)", "plan", edited("tokens: 15.0e12", "tokens: 4.9e-324").toString());
  }

  @Test
  void negativeTargetsAreRefused() throws IOException {
    refused("teamSize", "plan", teamSize(-100, -1).toString());
  }

  private Path teamSize(int min, int max) throws IOException {
    String text = Files.readString(scenario);
    int at = text.indexOf("targets:");
    int end = text.indexOf('\n', at);
    Path copy = folder.resolve("targets.yaml");
    Files.writeString(
        copy,
        text.substring(0, end + 1) + "  teamSize: {min: " + min + ", max: " + max + "}\n"
            + text.substring(end + 1).replaceFirst("(?m)^  teamSize:.*\\n", ""));
    return copy;
  }

  @Test
  void extremeDistributionsAreRefusedNamingTheAssumption() throws IOException {
    String mfu = "modelFlopsUtilization: {distribution: uniform, min: 0.30, max: 0.45}";
    // 600 decades: samples stay finite (computed in logarithms), so either a clean plan or a named refusal.
    CommandRun wide =
        CommandRun.of(
            "plan",
            edited(
                    "usdPerAcceleratorHour: {distribution: log-uniform, min: 1.8, max: 3.5}",
                    "usdPerAcceleratorHour: {distribution: log-uniform, min: 1.0e-300, max: 1.0e300}")
                .toString(),
            "--json");
    if (wide.exitCode() == 0) {
      cleanOutput(wide);
    } else {
      assertTrue(wide.exitCode() == 2 && wide.oneErrorLine() && wide.err().contains("costUsd"), wide.err());
    }
    refused(
        "modelFlopsUtilization",
        "plan",
        edited(
                "modelFlopsUtilization: {distribution: uniform, min: 0.30, max: 0.45}",
                "modelFlopsUtilization: {distribution: log-normal, median: 0.4, sigma: 1.0e300}")
            .toString());
    refused(
        "modelFlopsUtilization",
        "plan",
        edited(mfu, "modelFlopsUtilization: {distribution: normal, mean: 0.9, standardDeviation: 0.01,"
            + " lower: 0.1, upper: 0.5}").toString());
  }

  @Test
  void aHugeScaleOutLatencyIsRefused() throws IOException {
    refused("scaleOutLatencySeconds", "plan", edited("scaleOutLatencySeconds: 5.0e-6", "scaleOutLatencySeconds: 1.0e302").toString());
  }

  @Test
  void minusZeroIsNotPrintedBack() throws IOException {
    CommandRun run = CommandRun.of("plan", edited("otherCostUsd: 5.0e6", "otherCostUsd: -0.0").toString(), "--json");
    cleanOutput(run);
  }

  // Class 3: input files.

  @Test
  void devicesDirectoriesAndPipesAreRefusedByType() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    refused("not a regular file", "plan", "/dev/zero");
    refused("not a regular file", "params", "/dev/urandom");
    refused("is a directory", "plan", folder.toString());
    Path fifo = folder.resolve("pipe.yaml");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available");
      return;
    }
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
    refused("not a regular file", "plan", fifo.toString());
    refused("not a regular file", "plan", edited("file: models/frontier-1t-moe.yaml", "file: pipe.yaml").toString());
  }

  @Test
  void deepAndMultiDocumentYamlAreRefused() throws IOException {
    Path deep = folder.resolve("deep.yaml");
    Files.writeString(deep, "name: " + "[".repeat(4_000_000));
    refused("nested deeper than the limit", "plan", deep.toString());
    Path twoDocuments = folder.resolve("two.yaml");
    Files.writeString(twoDocuments, Files.readString(scenario) + "\n---\nname: second\n");
    refused("a second YAML document", "plan", twoDocuments.toString());
  }

  @Test
  void csvInputsAreBoundedAndMustBeUtf8() throws IOException {
    refused("is a directory", "fit", folder.toString());
    Path latin1 = folder.resolve("runs.csv");
    Files.write(latin1, "params,tokens,loss\n1e9,2e10,2.5 caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    refused("not UTF-8 text", "fit", latin1.toString());
    Path many = folder.resolve("many.csv");
    StringBuilder rows = new StringBuilder("params,tokens,loss\n");
    for (int i = 0; i <= dev.persistence.io.document.InputFiles.MAX_TABLE_ROWS; i++) {
      rows.append("1,1,1\n");
    }
    Files.writeString(many, rows);
    refused("more than the limit of", "fit", many.toString());
    refused("--bootstrap", "fit", latin1.toString(), "--bootstrap", "2147483647");
  }

  // Class 4: messages name what the user wrote.

  @Test
  void flagsAreNamedNotDerivedFields() throws IOException {
    refused("--inference-tokens", "optimal", "--compute", "1e24", "--inference-tokens", "1e308");
    refused("--compute", "optimal", "--compute", "NaN");
    refused("--compute (1.0E308)", "optimal", "--compute", "1e308");
    refused("--compute (1.0E-320)", "optimal", "--compute", "1e-320");
    refused("--params (1.0E-320)", "loss", "--params", "1e-320", "--tokens", "1e11");
    refused(
        "--unique-tokens (1.0E-320)",
        "loss", "--law", "muennighoff", "--params", "1e9", "--tokens", "1e11", "--unique-tokens", "1e-320");
    refused(
        "--scale-out-gbps",
        "train", llama(2, 1024).toString(), "--accelerator", "H100-SXM5-80GB", "--tp", "1", "--pp", "1",
        "--gpus", "8", "--global-batch", "8", "--seq-len", "1024", "--scale-out-gbps", "1e-320");
  }

  @Test
  void pathsAreShortenedAndControlCharactersEscaped() {
    String longPath = "/tmp/" + "a".repeat(1 << 20) + ".yaml";
    CommandRun run = refused("characters)", "plan", longPath);
    assertTrue(run.err().length() < 1000, "length " + run.err().length());
    CommandRun nul = refused("\\u0000", "plan", "/tmp/a\u0000b\u001b[31m.yaml");
    assertFalse(nul.err().contains("\u0000") || nul.err().contains("\u001b"), nul.err());
  }
}
