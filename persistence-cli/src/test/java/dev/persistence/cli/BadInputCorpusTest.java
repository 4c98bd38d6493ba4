package dev.persistence.cli;

import dev.persistence.io.allocation.AllocationCodecs;
import dev.persistence.io.law.LawCodecs;
import dev.persistence.io.calibration.CalibrationCodecs;
import dev.persistence.io.serving.ServingCodecs;
import dev.persistence.io.money.MoneyCodecs;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.energy.PowerModel;
import dev.persistence.costing.money.OwnedCluster;
import dev.persistence.costing.program.Milestone;
import dev.persistence.costing.program.Phase;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.costing.program.Program;
import dev.persistence.costing.program.Role;
import dev.persistence.costing.serving.ServingDeployment;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.program.ProgramCodecs;
import dev.persistence.io.document.Codec;
import dev.persistence.io.hardware.HardwareCodecs;
import dev.persistence.scaling.allocation.AllocationProblem;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.KaplanLaw;
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.architecture.ModelFiles;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.huggingface.HuggingFaceConfigs;
import dev.persistence.io.scenario.ScenarioFiles;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: valid documents of every format, mutated (a field dropped, a wrong type, out-of-range,
 * non-finite and huge numbers, deep nesting, truncation, random bytes, duplicate keys, a wrong discriminator) and
 * fed to the readers and to the {@code persistence} command. Every case must end in a valid value or our
 * documented error ({@link InvalidDocumentException}; exit code 2 with one line), within a time bound, with no other
 * exception and no stack trace.
 *
 * <p>Cases: {@code persistence.corpus.cases} (600 in CI with the fixed seed; 10,000 with {@code -Pnightly}).
 */
class BadInputCorpusTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int CASES = Integer.getInteger("persistence.corpus.cases", 600);
  private static final long SECONDS_PER_CASE = 20;

  /** A valid document and the reader that must accept it or reject it cleanly. */
  record Seed(String name, String text, DocumentFormat format, Function<String, Object> reader) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A seed and the mutation applied to it. */
  record Case(Seed seed, String kind, String text) {
    @Override
    public String toString() {
      return seed.name() + " / " + kind + ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
  }

  private static ExecutorService executor;
  private static List<Seed> seeds;

  @TempDir static Path folder;

  @BeforeAll
  static void seeds() throws IOException {
    executor = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "corpus");
      thread.setDaemon(true);
      return thread;
    });
    seeds = new ArrayList<>();
    Path reference = Path.of(System.getProperty("persistence.reference", "../reference"), "hf-configs");
    for (String config : List.of("llama-2-7b", "deepseek-v2-lite", "gpt-oss-20b", "gpt2", "qwen3-30b-a3b", "phi-2")) {
      String text = Files.readString(reference.resolve(config + ".json"));
      seeds.add(new Seed("hf:" + config, text, DocumentFormat.JSON,
          t -> HuggingFaceConfigs.fromTree(Documents.parse(t, DocumentFormat.JSON, "c"), "c")));
    }
    String model = Documents.print(
        ArchitectureCodecs.ARCHITECTURE.write(HuggingFaceConfigs.read(reference.resolve("deepseek-v2-lite.json"))),
        DocumentFormat.YAML);
    Function<String, Object> yamlModel =
        t -> ArchitectureCodecs.ARCHITECTURE.read(DocumentNode.root(Documents.parse(t, DocumentFormat.YAML, "m"), "m"));
    seeds.add(new Seed("model.yaml", model, DocumentFormat.YAML, yamlModel));
    String mixtral = Documents.print(
        ArchitectureCodecs.ARCHITECTURE.write(HuggingFaceConfigs.read(reference.resolve("mixtral-8x7b-v0.1.json"))),
        DocumentFormat.JSON);
    seeds.add(new Seed("model.json", mixtral, DocumentFormat.JSON,
        t -> ArchitectureCodecs.ARCHITECTURE.read(DocumentNode.root(Documents.parse(t, DocumentFormat.JSON, "m"), "m"))));
    seeds.add(new Seed("megatron.yaml", Files.readString(Path.of("../examples/models/gpt3-175b-megatron.yaml")),
        DocumentFormat.YAML, t -> {
          try {
            Path file = Files.createTempFile(folder, "m", ".yaml");
            Files.writeString(file, t);
            return ModelFiles.read(file);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }));
    seeds.add(new Seed("catalog.json", AcceleratorCatalog.bundled().toJsonText(), DocumentFormat.JSON,
        t -> AcceleratorCatalog.parse(t, DocumentFormat.JSON)));
    // A whole scenario, written self-contained (model, mixture inline), read as `persistence plan` reads it.
    String scenario = Documents.print(
        ScenarioFiles.write(ScenarioFiles.read(Path.of("../examples/competitive.yaml")), AcceleratorCatalog.bundled()),
        DocumentFormat.YAML);
    seeds.add(new Seed("scenario.yaml", scenario, DocumentFormat.YAML,
        t -> ScenarioFiles.read(DocumentNode.root(Documents.parse(t, DocumentFormat.YAML, "s"), "s"), folder)));
    // The formats of issue 9: a law, a program, an owned cluster, a catalog entry, a serving deployment.
    seeds.add(codecSeed("law.yaml", LawCodecs.LAW, DataConstrainedLaw.MUENNIGHOFF_2023.withBase(
        ChinchillaLaw.builder().from(ChinchillaLaw.BESIROGLU_2024).name("refit").build()), DocumentFormat.YAML));
    seeds.add(codecSeed("allocation.json", AllocationCodecs.ALLOCATION_PROBLEM,
        AllocationProblem.builder().law(KaplanLaw.TABLE_2).uniqueTokens(4e12).maxParameters(7e10).build(), DocumentFormat.JSON));
    seeds.add(codecSeed("program.yaml", ProgramCodecs.PROGRAM, Program.builder()
        .addPhases(Phase.builder().name("ablations").kind(PhaseKind.EXPERIMENTS).startMonth(0).durationMonths(4).computeCostUsd(6e6).build())
        .addPhases(Phase.builder().name("pretraining").kind(PhaseKind.PRETRAINING).startMonth(4).durationMonths(6)
            .computeCostUsd(9e7).licensedTokens(2e12).licensedTokenPriceUsdPerMillion(0.5).build())
        .addTeam(new Role("research engineer", 40, 450_000, 0, 6))
        .addMilestones(new Milestone("model card", 12))
        .contingencyFraction(0.15).fundingAvailableUsd(2.5e8).build(), DocumentFormat.YAML));
    seeds.add(codecSeed("owned-cluster.json", MoneyCodecs.OWNED_CLUSTER, OwnedCluster.builder()
        .acceleratorCount(16384).acceleratorsPerNode(8).capitalUsdPerAccelerator(30_000).capitalUsdPerNode(60_000)
        .networkingAndStorageFraction(0.25).amortisationYears(4).utilisation(0.8).powerPriceUsdPerKilowattHour(0.08)
        .power(PowerModel.epoch(AcceleratorCatalog.bundled().get("H100"))).operationsStaffUsdPerYear(5e6).build(),
        DocumentFormat.JSON));
    seeds.add(codecSeed("accelerator.yaml", HardwareCodecs.ACCELERATOR, AcceleratorCatalog.bundled().get("H100"),
        DocumentFormat.YAML));
    seeds.add(codecSeed("calibration.json", CalibrationCodecs.CALIBRATION, Calibration.bundled("generic"), DocumentFormat.JSON));
    seeds.add(codecSeed("serving.yaml", ServingCodecs.servingDeployment(AcceleratorCatalog.bundled()),
        ServingDeployment.builder().architecture(HuggingFaceConfigs.read(reference.resolve("llama-2-7b.json")))
            .accelerator(AcceleratorCatalog.bundled().get("H100")).tensorParallel(2).usdPerAcceleratorHour(2.5).build(),
        DocumentFormat.YAML));
  }

  /** A seed written by a codec and read back by it. */
  static <T> Seed codecSeed(String name, Codec<T> codec, T value, DocumentFormat format) {
    return new Seed(name, Documents.print(codec.write(value), format), format,
        t -> codec.read(DocumentNode.root(Documents.parse(t, format, name), name)));
  }

  @AfterAll
  static void stop() {
    executor.shutdownNow();
  }

  static Gen<Case> cases() {
    return Gen.zip(
        Gen.integers(0, seeds.size() - 1),
        Gen.integers(0, MUTATIONS.size() - 1),
        Gen.longs(0, Long.MAX_VALUE),
        (seedIndex, mutationIndex, randomSeed) -> {
          Seed seed = seeds.get(seedIndex);
          Map.Entry<String, Mutation> mutation = MUTATIONS.get(mutationIndex);
          String text = mutation.getValue().apply(seed, new SplittableRandom(randomSeed));
          return new Case(seed, mutation.getKey(), text);
        });
  }

  @Test
  void readersReturnAValueOrOurError() {
    Property.forAll(cases()).tries(CASES).verify(c -> {
      Future<Object> result = executor.submit(() -> c.seed().reader().apply(c.text()));
      try {
        result.get(SECONDS_PER_CASE, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        result.cancel(true);
        fail("no answer within " + SECONDS_PER_CASE + " s");
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof InvalidDocumentException)) {
          throw new AssertionError("not our documented error: " + e.getCause(), e.getCause());
        }
        String message = e.getCause().getMessage();
        // Never a parser class, feature or constraint name: users cannot act on them.
        assertTrue(!message.contains("com.fasterxml") && !message.contains("org.yaml")
            && !java.util.regex.Pattern.compile("[A-Z]\\w*(Feature|Constraints)\\.").matcher(message).find(), message);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      }
    });
  }

  @Test
  void theCommandExitsZeroOrTwoWithOneLine() {
    Property.forAll(cases()).tries(Math.max(50, CASES / 10)).verify(c -> {
      Path file = folder.resolve("case" + (c.seed().format() == DocumentFormat.YAML ? ".yaml" : ".json"));
      try {
        Files.write(file, c.text().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      CommandRun run = CommandRun.of("params", file.toString(), "--json");
      assertTrue(run.exitCode() == 0 || run.exitCode() == 2, "exit " + run.exitCode() + ": " + run.err());
      if (run.exitCode() == 2) {
        assertTrue(run.oneErrorLine(), run.err());
      }
    });
  }

  interface Mutation {
    String apply(Seed seed, SplittableRandom random);
  }

  private static final List<Map.Entry<String, Mutation>> MUTATIONS = List.of(
      Map.entry("drop a field", (seed, random) -> print(seed, tree(seed), node -> {
        if (node instanceof ObjectNode && node.size() > 0) {
          ((ObjectNode) node).remove(fieldAt(node, random));
          return true;
        }
        return false;
      }, random)),
      Map.entry("wrong type", (seed, random) -> print(seed, tree(seed), node -> {
        if (node instanceof ObjectNode && node.size() > 0) {
          JsonNode[] wrong = {NODES.textNode("x"), NODES.arrayNode().add(1), NODES.objectNode(), NODES.booleanNode(true), NODES.nullNode(), NODES.numberNode(7)};
          ((ObjectNode) node).set(fieldAt(node, random), wrong[random.nextInt(wrong.length)]);
          return true;
        }
        return false;
      }, random)),
      Map.entry("out-of-range number", (seed, random) -> print(seed, tree(seed), node -> {
        if (node instanceof ObjectNode && node.size() > 0) {
          String field = fieldAt(node, random);
          if (node.get(field).isNumber()) {
            JsonNode[] values = {NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(2147483648L), NODES.numberNode(1e308), NODES.numberNode(-1e308), NODES.numberNode(1.5), NODES.numberNode(Long.MAX_VALUE)};
            ((ObjectNode) node).set(field, values[random.nextInt(values.length)]);
            return true;
          }
        }
        return false;
      }, random)),
      Map.entry("non-finite number", (seed, random) -> replaceNumber(seed, random,
          seed.format() == DocumentFormat.YAML ? new String[] {".nan", ".inf", "-.inf"} : new String[] {"NaN", "Infinity", "-Infinity"})),
      Map.entry("huge number", (seed, random) -> replaceNumber(seed, random,
          new String[] {"1" + "0".repeat(120), "-" + "9".repeat(80), "1e99999", "0." + "1".repeat(200)})),
      Map.entry("deep nesting", (seed, random) -> {
        int depth = 50 + random.nextInt(500);
        return "[".repeat(depth) + seed.text() + "]".repeat(depth);
      }),
      Map.entry("truncation", (seed, random) -> seed.text().substring(0, random.nextInt(Math.max(1, seed.text().length())))),
      Map.entry("random bytes", (seed, random) -> {
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
      }),
      Map.entry("flipped characters", (seed, random) -> {
        char[] chars = seed.text().toCharArray();
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
          chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
        }
        return new String(chars);
      }),
      Map.entry("duplicate key", (seed, random) -> seed.format() == DocumentFormat.YAML
          ? seed.text() + seed.text().substring(0, seed.text().indexOf('\n') + 1)
          : seed.text().replaceFirst("\\{", "{\"dup\": 1, \"dup\": 2, ")),
      Map.entry("wrong discriminator", (seed, random) -> print(seed, tree(seed), node -> {
        if (node instanceof ObjectNode && node.has("type")) {
          ((ObjectNode) node).put("type", random.nextBoolean() ? "bogus" : "dense");
          return true;
        }
        if (node instanceof ObjectNode && node.has("model_type")) {
          ((ObjectNode) node).put("model_type", random.nextBoolean() ? "bert" : "llama");
          return true;
        }
        return false;
      }, random)));

  static JsonNode tree(Seed seed) {
    return Documents.parse(seed.text(), seed.format(), "seed");
  }

  static String fieldAt(JsonNode node, SplittableRandom random) {
    Iterator<String> names = node.fieldNames();
    int target = random.nextInt(node.size());
    String name = names.next();
    for (int i = 0; i < target; i++) {
      name = names.next();
    }
    return name;
  }

  /** Applies {@code change} to one random container of the tree (trying a few), then prints the tree. */
  static String print(Seed seed, JsonNode root, Function<JsonNode, Boolean> change, SplittableRandom random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    for (int attempt = 0; attempt < 20; attempt++) {
      if (change.apply(containers.get(random.nextInt(containers.size())))) {
        break;
      }
    }
    return Documents.print(root, seed.format());
  }

  static void collect(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      node.forEach(child -> collect(child, into));
    }
  }

  static String replaceNumber(Seed seed, SplittableRandom random, String[] replacements) {
    java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("(?<=[:\\s\\[,])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(seed.text());
    List<int[]> spans = new ArrayList<>();
    while (numbers.find()) {
      spans.add(new int[] {numbers.start(), numbers.end()});
    }
    if (spans.isEmpty()) {
      return seed.text();
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    return seed.text().substring(0, span[0]) + replacements[random.nextInt(replacements.length)] + seed.text().substring(span[1]);
  }

}
