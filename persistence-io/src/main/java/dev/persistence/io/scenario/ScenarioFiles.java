package dev.persistence.io.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.costing.plan.OwnedEconomics;
import dev.persistence.costing.plan.Scenario;
import dev.persistence.costing.plan.ServingPlan;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.costing.uncertainty.CostInput;
import dev.persistence.costing.uncertainty.Distribution;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.architecture.ModelFiles;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.catalog.DatasetCatalog;
import dev.persistence.io.data.MixtureFile;
import dev.persistence.io.data.MixtureFiles;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.huggingface.HuggingFaceConfigs;
import dev.persistence.io.precision.PrecisionCodecs;
import dev.persistence.io.scaling.ScalingCodecs;
import dev.persistence.io.training.TrainingCodecs;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads scenario files, the input of {@code persistence plan}.
 *
 * <p>Sections (see the README for a complete example): {@code name}; {@code model} ({@code file: PATH} relative to
 * the scenario, {@code megatronGpt: {...}}, an architecture object, or a HuggingFace config inline);
 * {@code training} ({@code tokens}, {@code sequenceLength}, {@code globalBatchSize}, optional {@code precision},
 * {@code goodput}, {@code parallelism}, {@code modelFlopsUtilization}); {@code cluster} (accelerator named in the
 * catalog, which {@code acceleratorCatalog: PATH} may extend); {@code law}; {@code price}; {@code energy}
 * ({@code tdpFraction}, {@code locationGrid}, {@code marketGrid}); {@code owned} (the economics of owning the
 * cluster, to compare with the cloud price); {@code data} ({@code mixture: PATH},
 * {@code datasetCatalog: PATH}); {@code program} ({@code phases}, {@code team}, {@code milestones},
 * {@code contingencyFraction}, {@code fundingAvailableUsd}); {@code uncertainty} ({@code samples}, {@code seed},
 * {@code assumptions}: an input's camelCase name to a distribution); {@code targets}; {@code positioning} and
 * {@code forecast} (the plan among notable models and its capability forecast; see {@code LandscapeSections}).
 * Unknown fields are errors
 * that suggest the closest name; every error names its path ({@code cluster.accelerator: ...}).
 */
public final class ScenarioFiles {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
    ObjectFields fields = root.fields();
    var builder = Scenario.builder().name(fields.requiredText("name"));

    AcceleratorCatalog accelerators = AcceleratorCatalog.bundled();
    Optional<DocumentNode> catalogNode = fields.optional("acceleratorCatalog");
    if (catalogNode.isPresent()) {
      Path catalogFile = folder.resolve(catalogNode.get().asText());
      accelerators = accelerators.withUserEntries(AcceleratorCatalog.read(catalogFile));
    }

    builder.architecture(model(fields.required("model"), folder));
    builder.cluster(fields.required("cluster", TrainingCodecs.cluster(accelerators)));

    ObjectFields training = fields.required("training").fields();
    builder
        .trainingTokens(training.required("tokens").asPositiveDouble())
        .sequenceLength(training.required("sequenceLength").asPositiveInt())
        .globalBatchSize(training.required("globalBatchSize").asPositiveInt());
    training.optional("precision", TrainingCodecs.TRAINING_PRECISION).ifPresent(builder::precision);
    training.optional("goodput", ScenarioCodecs.GOODPUT).ifPresent(builder::goodput);
    training.optional("parallelism", TrainingCodecs.PARALLELISM_PLAN).ifPresent(builder::parallelism);
    training.optionalDouble("modelFlopsUtilization").ifPresent(builder::modelFlopsUtilization);
    training.optionalEnum("attentionKernel", AttentionKernel.class).ifPresent(builder::attentionKernel);
    training.finish();

    fields.optional("law", ScalingCodecs.LOSS_LAW).ifPresent(builder::law);
    builder.price(fields.required("price", ScenarioCodecs.CLOUD_PRICE));

    ObjectFields energy = fields.required("energy").fields();
    energy.optionalDouble("tdpFraction").ifPresent(builder::tdpFraction);
    builder.locationGrid(energy.required("locationGrid", ScenarioCodecs.GRID));
    energy.optional("marketGrid", ScenarioCodecs.GRID).ifPresent(builder::marketGrid);
    energy.finish();

    fields.optional("owned", ScenarioCodecs.OWNED).ifPresent(builder::owned);
    fields.optional("serving", ScenarioCodecs.SERVING).ifPresent(builder::serving);
    fields.optional("data").ifPresent(data -> readData(data, folder, builder));

    fields.optional("program").ifPresent(program -> readProgram(program, folder, builder));

    fields
        .optional("uncertainty")
        .ifPresent(
            uncertainty -> {
              ObjectFields section = uncertainty.fields();
              section.optionalInt("samples").ifPresent(builder::samples);
              section.optionalLong("seed").ifPresent(builder::seed);
              section
                  .optional("assumptions")
                  .ifPresent(
                      assumptions -> {
                        ObjectFields inputs = assumptions.fields();
                        for (CostInput input : CostInput.values()) {
                          inputs
                              .optional(EnumNames.camelCase(input), ScenarioCodecs.DISTRIBUTION)
                              .ifPresent(distribution -> builder.putUncertainty(input, distribution));
                        }
                        inputs.finish();
                      });
              section.finish();
            });
    fields.optional("targets", ScenarioCodecs.TARGETS).ifPresent(builder::addAllTargets);
    fields.optional("positioning").ifPresent(node -> builder.positioning(LandscapeSections.readPositioning(node, folder)));
    fields.optional("forecast").ifPresent(node -> builder.forecast(LandscapeSections.readForecast(node, folder)));
    fields.finish();
    return root.build(builder::build);
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
    Codec<Architecture> architecture = ScenarioCodecs.described(ArchitectureCodecs.ARCHITECTURE, "architecture");
    Codec<Architecture> megatron = ScenarioCodecs.described(ArchitectureCodecs.MEGATRON_GPT, "megatronGpt");
    return new Codec<>() {
      @Override
      public Architecture read(DocumentNode node) {
        return model(node, folder);
      }

      @Override
      public JsonNode write(Architecture model) {
        return architecture.write(model);
      }

      @Override
      public ObjectNode schema(SchemaDefinitions definitions) {
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
    };
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

  private static void readData(DocumentNode node, Path folder, dev.persistence.costing.plan.ImmutableScenario.Builder builder) {
    ObjectFields fields = node.fields();
    DatasetCatalog catalog = DatasetCatalog.bundled();
    Optional<DocumentNode> catalogNode = fields.optional("datasetCatalog");
    if (catalogNode.isPresent()) {
      catalog = catalog.withUserEntries(DatasetCatalog.read(folder.resolve(catalogNode.get().asText())));
    }
    DocumentNode mixtureNode = fields.required("mixture");
    MixtureFile mixture =
        mixtureNode.json().isTextual()
            ? MixtureFiles.read(folder.resolve(mixtureNode.asText()), catalog)
            : MixtureFiles.read(mixtureNode, catalog);
    fields.finish();
    builder.dataMixture(mixture.mixture()).curationCosts(mixture.curationCosts());
  }

  private static void readProgram(
      DocumentNode node, Path folder, dev.persistence.costing.plan.ImmutableScenario.Builder builder) {
    ObjectFields fields = node.fields();
    builder.addAllPhases(fields.list("phases", ScenarioCodecs.phase(folder)));
    builder.addAllTeam(fields.list("team", ScenarioCodecs.ROLE));
    builder.addAllMilestones(fields.list("milestones", ScenarioCodecs.MILESTONE));
    fields
        .optional("contingencyFraction")
        .ifPresent(
            fraction -> {
              double value = fraction.asDouble();
              if (!(value >= 0 && Double.isFinite(value))) {
                throw fraction.error("contingencyFraction (" + value + ") must be finite and >= 0");
              }
              builder.contingencyFraction(value);
            });
    fields
        .optional("fundingAvailableUsd")
        .ifPresent(
            funding -> {
              double value = funding.asDouble();
              if (!(value >= 0 && Double.isFinite(value))) {
                throw funding.error("fundingAvailableUsd (" + value + ") must be finite and >= 0");
              }
              builder.fundingAvailableUsd(value);
            });
    fields.finish();
  }


  /**
   * Writes a scenario as one self-contained document (the model, the mixture and any accelerator not in
   * {@code catalog} written out in full), which {@link #read(DocumentNode, Path)} reads back to an equal scenario.
   *
   * @param scenario the scenario
   * @param catalog the catalog whose accelerators may be written by name
   */
  public static JsonNode write(Scenario scenario, AcceleratorCatalog catalog) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("name", scenario.name());
    out.set("model", ArchitectureCodecs.ARCHITECTURE.write(scenario.architecture()));
    ObjectNode training = out.putObject("training");
    training.put("tokens", scenario.trainingTokens());
    training.put("sequenceLength", scenario.sequenceLength());
    training.put("globalBatchSize", scenario.globalBatchSize());
    training.set("precision", TrainingCodecs.TRAINING_PRECISION.write(scenario.precision()));
    training.set("goodput", ScenarioCodecs.GOODPUT.write(scenario.goodput()));
    scenario.parallelism().ifPresent(plan -> training.set("parallelism", TrainingCodecs.PARALLELISM_PLAN.write(plan)));
    scenario.modelFlopsUtilization().ifPresent(mfu -> training.put("modelFlopsUtilization", mfu));
    training.put("attentionKernel", EnumNames.kebabCase(scenario.attentionKernel()));
    out.set("cluster", TrainingCodecs.cluster(catalog).write(scenario.cluster()));
    out.set("law", ScalingCodecs.LOSS_LAW.write(scenario.law()));
    out.set("price", ScenarioCodecs.CLOUD_PRICE.write(scenario.price()));
    ObjectNode energy = out.putObject("energy");
    energy.put("tdpFraction", scenario.tdpFraction());
    energy.set("locationGrid", ScenarioCodecs.GRID.write(scenario.locationGrid()));
    energy.set("marketGrid", ScenarioCodecs.GRID.write(scenario.marketGrid()));
    scenario.owned().ifPresent(owned -> out.set("owned", ScenarioCodecs.OWNED.write(owned)));
    scenario.serving().ifPresent(serving -> out.set("serving", ScenarioCodecs.SERVING.write(serving)));
    scenario
        .dataMixture()
        .ifPresent(
            mixture ->
                out.putObject("data")
                    .set("mixture", MixtureFiles.write(new MixtureFile(mixture, scenario.curationCosts()))));
    ObjectNode program = out.putObject("program");
    ArrayNode phases = program.putArray("phases");
    scenario.phases().forEach(phase -> phases.add(ScenarioCodecs.PHASE.write(phase)));
    ArrayNode team = program.putArray("team");
    scenario.team().forEach(role -> team.add(ScenarioCodecs.ROLE.write(role)));
    ArrayNode milestones = program.putArray("milestones");
    scenario.milestones().forEach(milestone -> milestones.add(ScenarioCodecs.MILESTONE.write(milestone)));
    program.put("contingencyFraction", scenario.contingencyFraction());
    scenario.fundingAvailableUsd().ifPresent(funding -> program.put("fundingAvailableUsd", funding));
    ObjectNode uncertainty = out.putObject("uncertainty");
    uncertainty.put("samples", scenario.samples());
    uncertainty.put("seed", scenario.seed());
    ObjectNode assumptions = uncertainty.putObject("assumptions");
    for (CostInput input : CostInput.values()) {
      Distribution distribution = scenario.uncertainty().get(input);
      if (distribution != null) {
        assumptions.set(EnumNames.camelCase(input), ScenarioCodecs.DISTRIBUTION.write(distribution));
      }
    }
    out.set("targets", ScenarioCodecs.TARGETS.write(scenario.targets()));
    scenario.positioning().ifPresent(request -> LandscapeSections.writePositioning(request, out));
    scenario.forecast().ifPresent(request -> LandscapeSections.writeForecast(request, out));
    return out;
  }
}
