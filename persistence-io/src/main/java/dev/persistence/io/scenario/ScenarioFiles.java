package dev.persistence.io.scenario;

import dev.persistence.io.law.LawCodecs;
import dev.persistence.io.training.TrainingCodecs;
import dev.persistence.io.uncertainty.UncertaintyCodecs;
import dev.persistence.io.program.ProgramCodecs;
import dev.persistence.io.money.MoneyCodecs;
import dev.persistence.io.energy.EnergyCodecs;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.hardware.HardwareCodecs;
import dev.persistence.io.precision.PrecisionCodecs;
import dev.persistence.io.parallelism.ParallelismCodecs;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.list;
import static dev.persistence.io.document.ValueCodecs.integer;
import static dev.persistence.io.scenario.ScenarioCodecs.boxed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.costing.plan.ImmutableScenario;
import dev.persistence.costing.plan.Scenario;
import dev.persistence.costing.uncertainty.MonteCarlo;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.costing.uncertainty.CostInput;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.architecture.ModelFiles;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.catalog.DatasetCatalog;
import dev.persistence.io.data.MixtureFile;
import dev.persistence.io.data.MixtureFiles;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.huggingface.HuggingFaceConfigs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads and writes scenario files, the input of {@code persistence plan}, from one table of fields
 * ({@link #scenario(Path, AcceleratorCatalog)}); the scenario schema's root is that table's
 * ({@link #schema(SchemaDefinitions)}).
 *
 * <p>Sections (see the README for a complete example): {@code name}; {@code model} ({@code file: PATH} relative to
 * the scenario, {@code megatronGpt: {...}}, an architecture object, or a HuggingFace config inline);
 * {@code training} ({@code tokens}, {@code sequenceLength}, {@code globalBatchSize}, optional {@code precision},
 * {@code goodput}, {@code parallelism}, {@code modelFlopsUtilization}, {@code attentionKernel}); {@code cluster}
 * (accelerator named in the catalog, which {@code acceleratorCatalog: PATH} may extend); {@code law}; {@code price};
 * {@code energy} ({@code tdpFraction}, {@code locationGrid}, {@code marketGrid}); {@code owned} (the economics of
 * owning the cluster, to compare with the cloud price); {@code serving}; {@code data} ({@code mixture: PATH},
 * {@code datasetCatalog: PATH}); {@code program} ({@code phases}, {@code team}, {@code milestones},
 * {@code contingencyFraction}, {@code fundingAvailableUsd}); {@code uncertainty} ({@code samples}, {@code seed},
 * {@code assumptions}: an input's camelCase name to a distribution); {@code targets}; {@code positioning} and
 * {@code forecast} (the plan among notable models and its capability forecast; see {@code LandscapeSections});
 * {@code developerRevenue} ({@code usd}, {@code year}) and {@code obligations} (a file or an inline document of the
 * user's obligations; see {@code RegulationSections}).
 * Unknown fields are errors that suggest the closest name; every error names its path and, in a file, its line and
 * column ({@code cluster.accelerator (line 14, column 16): ...}).
 *
 * <p>The sections {@code training}, {@code energy}, {@code program} and {@code uncertainty} (with its
 * {@code assumptions}) are read into the scenario's own builder; the schema names each as a definition.
 */
public final class ScenarioFiles {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ACCELERATOR_CATALOG = "acceleratorCatalog";
  private static final String DATASET_CATALOG = "datasetCatalog";
  private static final String MIXTURE = "mixture";

  /** The sections read into the scenario's builder, named as definitions in the schema (the last inside the one before). */
  private static final List<String> SECTIONS = List.of("training", "energy", "program", "uncertainty");  // uncertainty holds the assumptions section

  private ScenarioFiles() {}

  /**
   * Reads a scenario file.
   *
   * @param file a YAML ({@code .yaml}, {@code .yml}) or JSON file
   * @throws InvalidDocumentException naming the file, the path in it, the value and the rule
   */
  public static Scenario read(Path file) {
    return read(DocumentNode.read(file), file.toAbsolutePath().getParent());
  }

  /**
   * Reads a scenario already parsed.
   *
   * @param root the scenario document
   * @param folder where relative paths ({@code model.file}, {@code data.mixture}, catalogs) are resolved
   * @throws InvalidDocumentException naming the path, the value and the rule
   */
  public static Scenario read(DocumentNode root, Path folder) {
    // The cluster's accelerator is looked up in the catalog the document may name: read that first.
    AcceleratorCatalog accelerators = AcceleratorCatalog.bundled();
    Optional<DocumentNode> catalog = root.fields().optional(ACCELERATOR_CATALOG);
    if (catalog.isPresent()) {
      accelerators = accelerators.withUserEntries(AcceleratorCatalog.read(folder.resolve(catalog.get().asText())));
    }
    return scenario(folder, accelerators).read(root);
  }

  /**
   * Writes a scenario as one self-contained document (the model, the mixture and any accelerator not in
   * {@code catalog} written out in full), which {@link #read(DocumentNode, Path)} reads back to an equal scenario.
   *
   * @param scenario the scenario
   * @param catalog the catalog whose accelerators may be written by name
   */
  public static JsonNode write(Scenario scenario, AcceleratorCatalog catalog) {
    return scenario(Path.of(""), catalog).write(scenario);
  }

  /**
   * The scenario schema's root: the scenario table's fragment, its sections named as definitions.
   *
   * @param definitions where the fields' types are registered
   */
  public static ObjectNode schema(SchemaDefinitions definitions) {
    ObjectNode root = scenario(Path.of(""), AcceleratorCatalog.bundled()).fragment(definitions);
    ObjectNode properties = (ObjectNode) root.get("properties");
    for (String section : SECTIONS) {
      ObjectNode fragment = (ObjectNode) properties.get(section);
      if (section.equals("uncertainty")) {
        ObjectNode inner = (ObjectNode) fragment.get("properties");
        ObjectNode assumptions = (ObjectNode) inner.get("assumptions");
        inner.set("assumptions", definitions.ref("assumptions", () -> assumptions));
      }
      properties.set(section, definitions.ref(section, () -> fragment));
    }
    return root;
  }

  /**
   * The table of a scenario document.
   *
   * @param folder where relative paths are resolved
   * @param accelerators where the cluster's accelerator is looked up, and which accelerators are written by name
   */
  static ObjectCodec<Scenario, ImmutableScenario.Builder> scenario(Path folder, AcceleratorCatalog accelerators) {
    return ObjectCodec.builder(Scenario.class, "scenario", Scenario::builder, ImmutableScenario.Builder::build)
        .required("name", NAME)
        // Read by read(DocumentNode, Path) before the table, never written: a written scenario names no files.
        .optionalIfSet(
            ACCELERATOR_CATALOG, fileName(), scenario -> Optional.empty(), (builder, file) -> {})
        .describedAs("an accelerator catalog file that extends the bundled one, relative to the scenario")
        .required("model", models(folder), Scenario::architecture, ImmutableScenario.Builder::architecture)
        .requiredSection(
            "training",
            "",
            training ->
                training
                    .required(
                        "tokens",
                        ScenarioCodecs.POSITIVE,
                        Scenario::trainingTokens,
                        ImmutableScenario.Builder::trainingTokens)
                    .describedAs("training tokens")
                    .required("sequenceLength", ScenarioCodecs.POSITIVE_INT)
                    .required("globalBatchSize", ScenarioCodecs.POSITIVE_INT)
                    .describedAs("sequences per step")
                    .optional("precision", PrecisionCodecs.TRAINING_PRECISION)
                    .optional("goodput", TrainingCodecs.GOODPUT)
                    .optionalIfSet(
                        "parallelism",
                        ParallelismCodecs.PARALLELISM_PLAN,
                        Scenario::parallelism,
                        ImmutableScenario.Builder::parallelism)
                    .optionalIfSet(
                        "modelFlopsUtilization",
                        ValueCodecs.POSITIVE_FRACTION,
                        scenario -> boxed(scenario.modelFlopsUtilization()),
                        ImmutableScenario.Builder::modelFlopsUtilization)
                    .describedAs("a fixed MFU in (0, 1] instead of the step-time model")
                    .optional("attentionKernel", enumeration(AttentionKernel.class))
                    .describedAs(
                        "How the attention core runs: fused (default; FlashAttention, no stored s x s scores) or"
                            + " unfused (Megatron-LM as Korthikanti et al. 2022 measured it)."))
        .required("cluster", HardwareCodecs.cluster(accelerators))
        .optional("law", LawCodecs.LOSS_LAW)
        .describedAs("the loss law; default epoch")
        .required("price", MoneyCodecs.CLOUD_PRICE)
        .requiredSection(
            "energy",
            "",
            energy ->
                energy
                    .optional("tdpFraction", POSITIVE_NUMBER)
                    .required("locationGrid", EnergyCodecs.GRID)
                    .optional("marketGrid", EnergyCodecs.GRID))
        .optionalIfSet("owned", ScenarioCodecs.OWNED, Scenario::owned, ImmutableScenario.Builder::owned)
        .optionalIfSet("serving", ScenarioCodecs.SERVING, Scenario::serving, ImmutableScenario.Builder::serving)
        .optionalIfSet(
            "data",
            data(folder),
            scenario -> scenario.dataMixture().map(mixture -> new MixtureFile(mixture, scenario.curationCosts())),
            (builder, file) -> builder.dataMixture(file.mixture()).curationCosts(file.curationCosts()))
        .optionalSection(
            "program",
            "",
            program ->
                program
                    .optional(
                        "phases",
                        list(ScenarioCodecs.phase(folder)),
                        Scenario::phases,
                        ImmutableScenario.Builder::addAllPhases)
                    .optional("team", list(ProgramCodecs.ROLE), Scenario::team, ImmutableScenario.Builder::addAllTeam)
                    .optional(
                        "milestones",
                        list(ProgramCodecs.MILESTONE),
                        Scenario::milestones,
                        ImmutableScenario.Builder::addAllMilestones)
                    .optional("contingencyFraction", ScenarioCodecs.nonNegative("contingencyFraction"))
                    .optionalIfSet(
                        "fundingAvailableUsd",
                        ScenarioCodecs.nonNegative("fundingAvailableUsd"),
                        scenario -> boxed(scenario.fundingAvailableUsd()),
                        ImmutableScenario.Builder::fundingAvailableUsd),
            scenario -> true)
        .optionalSection(
            "uncertainty",
            "",
            uncertainty ->
                uncertainty
                    .optional("samples", integer(MonteCarlo.MIN_SAMPLES, MonteCarlo.MAX_SAMPLES))
                    .optional("seed", dev.persistence.io.document.ValueCodecs.LONG)
                    .optionalSection(
                        "assumptions",
                        "an input's camelCase name to its distribution",
                        ScenarioFiles::assumptions,
                        scenario -> true),
            scenario -> true)
        .optional("targets", ScenarioCodecs.TARGETS, Scenario::targets, ImmutableScenario.Builder::addAllTargets)
        .optionalIfSet(
            "positioning",
            LandscapeSections.positioning(folder),
            Scenario::positioning,
            ImmutableScenario.Builder::positioning)
        .optionalIfSet(
            "forecast", LandscapeSections.forecast(folder), Scenario::forecast, ImmutableScenario.Builder::forecast)
        .optionalIfSet(
            "developerRevenue",
            RegulationSections.DEVELOPER_REVENUE,
            Scenario::developerRevenue,
            ImmutableScenario.Builder::developerRevenue)
        .optionalIfSet(
            "obligations",
            RegulationSections.obligations(folder),
            Scenario::obligations,
            ImmutableScenario.Builder::obligations)
        .build();
  }

  /** Each cost input's distribution, by the input's camelCase name. */
  private static ObjectCodec.Builder<Scenario, ImmutableScenario.Builder> assumptions(
      ObjectCodec.Builder<Scenario, ImmutableScenario.Builder> assumptions) {
    for (CostInput input : CostInput.values()) {
      assumptions.optionalIfSet(
          EnumNames.camelCase(input),
          UncertaintyCodecs.DISTRIBUTION,
          scenario -> Optional.ofNullable(scenario.uncertainty().get(input)),
          (builder, distribution) -> builder.putUncertainty(input, distribution));
    }
    return assumptions;
  }

  /** A file name relative to the scenario. */
  private static Codec<String> fileName() {
    return ValueCodecs.composed(
        DocumentNode::asText, NODES::textNode, definitions -> NODES.objectNode().put("type", "string").put("minLength", 1));
  }

  /**
   * The {@code data} section: an optional {@code datasetCatalog} file extending the bundled catalog, then
   * {@code mixture} (a file relative to the scenario, or the mixture inline) whose sources are looked up in it;
   * written with the mixture inline.
   *
   * @param folder where the files are resolved
   */
  private static Codec<MixtureFile> data(Path folder) {
    Codec<DatasetCatalog> catalog =
        ValueCodecs.composed(
            node -> DatasetCatalog.bundled().withUserEntries(DatasetCatalog.read(folder.resolve(node.asText()))),
            written -> NODES.textNode(written.version()),
            fileName()::schema);
    return ObjectCodec.fromMap(MixtureFile.class, "data", fields -> (MixtureFile) fields.get(MIXTURE))
        .optionalIfSet(DATASET_CATALOG, catalog, file -> Optional.empty())
        .describedAs("a dataset catalog file that extends the bundled one, relative to the scenario")
        .requiredAfter(
            MIXTURE,
            mixture(folder, DatasetCatalog::bundled),
            fields -> mixture(folder, () -> (DatasetCatalog) fields.getOrDefault(DATASET_CATALOG, DatasetCatalog.bundled())),
            file -> file,
            ObjectCodec.into(MIXTURE))
        .build();
  }

  /** A mixture file relative to the scenario or a mixture inline, its sources looked up in {@code catalog}. */
  private static Codec<MixtureFile> mixture(Path folder, Supplier<DatasetCatalog> catalog) {
    return ValueCodecs.composed(
        node ->
            node.json().isTextual()
                ? MixtureFiles.read(folder.resolve(node.asText()), catalog.get())
                : MixtureFiles.read(node, catalog.get()),
        MixtureFiles::write,
        definitions -> {
          ObjectNode out = NODES.objectNode();
          ArrayNode forms = out.putArray("oneOf");
          forms.add(fileName().schema(definitions).put("description", "a mixture file, relative to the scenario"));
          forms.add(definitions.ref(MIXTURE, () -> MixtureFiles.schema(definitions)));
          return out;
        });
  }

  /**
   * Reads a model in any of the forms a scenario's {@code model} takes: {@code file: PATH} (relative to
   * {@code folder}), {@code megatronGpt: {...}}, a HuggingFace config inline, or an architecture object.
   *
   * @param node the model's node
   * @param folder where a relative file is resolved
   * @throws dev.persistence.io.InvalidDocumentException naming the path, the value and the rule
   */
  public static Architecture model(DocumentNode node, Path folder) {
    ObjectFields fields = node.fields();
    if (fields.has(FILE)) {
      DocumentNode file = fields.required(FILE);
      fields.finish();
      return ModelFiles.read(folder.resolve(file.asText()));
    }
    if (fields.has(MEGATRON_GPT)) {
      Architecture model = fields.required(MEGATRON_GPT, ArchitectureCodecs.MEGATRON_GPT);
      fields.finish();
      return model;
    }
    if (node.json().has(MODEL_TYPE)) {
      return HuggingFaceConfigs.fromTree(node.json(), node.documentName() + ": " + node.path());
    }
    return ArchitectureCodecs.ARCHITECTURE.read(node);
  }

  private static final String FILE = "file";
  private static final String MEGATRON_GPT = "megatronGpt";
  private static final String MODEL_TYPE = "model_type";

  /**
   * Models in any of the forms a scenario's {@code model} takes ({@link #model(DocumentNode, Path)}), written as
   * an architecture object. The schema is the union of the four forms; the Megatron shorthand and the architecture
   * are their codecs' definitions.
   *
   * @param folder where a relative file is resolved
   */
  public static Codec<Architecture> models(Path folder) {
    return ValueCodecs.composed(
        node -> model(node, folder), ArchitectureCodecs.ARCHITECTURE::write, ScenarioFiles::modelSchema);
  }

  /** The union of the four forms of a model; the Megatron shorthand and the architecture are their codecs'. */
  private static ObjectNode modelSchema(SchemaDefinitions definitions) {
    Codec<Architecture> architecture = ArchitectureCodecs.ARCHITECTURE;
    Codec<Architecture> megatron = ArchitectureCodecs.MEGATRON_GPT;
    return definitions.ref(
        "model",
        () -> {
          ObjectNode out = NODES.objectNode();
          out.put(
              "description",
              "the model: a file, the Megatron GPT shorthand, an architecture, or a HuggingFace config.json inline");
          ArrayNode forms = out.putArray("oneOf");
          forms.add(
              definitions.ref(
                  "modelFile",
                  () ->
                      single(
                          FILE,
                          NODES.objectNode()
                              .put("type", "string")
                              .put("minLength", 1)
                              .put(
                                  "description",
                                  "a HuggingFace config.json, a persistence model file or a megatronGpt file,"
                                      + " relative to the scenario"))));
          forms.add(definitions.ref("megatronGptModel", () -> single(MEGATRON_GPT, megatron.schema(definitions))));
          forms.add(architecture.schema(definitions));
          forms.add(
              definitions.ref(
                  "huggingFaceConfig",
                  () -> {
                    ObjectNode config = NODES.objectNode();
                    config.put("type", "object");
                    config.put(
                        "description",
                        "a HuggingFace config.json inline, recognised by model_type; its other keys are"
                            + " HuggingFace's, so this object is open");
                    config.putObject("properties").putObject(MODEL_TYPE).put("type", "string").put("minLength", 1);
                    config.putArray("required").add(MODEL_TYPE);
                    config.put("additionalProperties", true);
                    ArrayNode others = config.putObject("not").putArray("anyOf");
                    others.addObject().putArray("required").add(FILE);
                    others.addObject().putArray("required").add(MEGATRON_GPT);
                    return config;
                  }));
          return out;
        });
  }


  /** An object of one required field. */
  private static ObjectNode single(String name, ObjectNode value) {
    ObjectNode out = NODES.objectNode();
    out.put("type", "object");
    out.putObject("properties").set(name, value);
    out.putArray("required").add(name);
    out.put("additionalProperties", false);
    return out;
  }

}
