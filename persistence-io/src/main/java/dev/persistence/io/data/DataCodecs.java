package dev.persistence.io.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.data.AcquisitionCost;
import dev.persistence.core.data.CurationCostModel;
import dev.persistence.core.data.ImmutableCurationCostModel;
import dev.persistence.core.data.ImmutableCurationPipeline;
import dev.persistence.core.data.ImmutableSyntheticGeneration;
import dev.persistence.core.data.CurationPipeline;
import dev.persistence.core.data.CurationPipelines;
import dev.persistence.core.data.CurationStage;
import dev.persistence.core.data.CurationStageKind;
import dev.persistence.core.data.DataSize;
import dev.persistence.core.data.DataSource;
import dev.persistence.core.data.ImmutableDataSource;
import dev.persistence.core.data.LicenceClass;
import dev.persistence.core.data.QualityTier;
import dev.persistence.core.data.SizeUnit;
import dev.persistence.core.data.SyntheticGeneration;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.document.Suggestions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Codecs of data types. Field names are the accessors' names; enums are kebab-case ({@code public-permissive},
 * {@code fuzzy-deduplication}).
 *
 * <p>A source's size is exactly one of {@code tokens}, {@code bytes} with {@code bytesPerToken}, or {@code
 * documents} with {@code tokensPerDocument}, and {@code tokenizer} names the tokenizer (default {@code
 * unspecified}). A synthetic source has a {@code synthetic} object instead of a size (its size is the accepted
 * tokens) and its licence is {@code synthetic}. {@code curation} is a preset's name ({@link CurationPipelines}) or
 * an object with {@code name}, {@code source} and {@code stages} ({@code kind}, {@code description}, {@code
 * retention}).
 */
public final class DataCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The fields {@link #readSourceFields} reads. */
  static final List<String> SOURCE_FIELDS = List.copyOf(sourceFieldCodecs().keySet());

  private DataCodecs() {}

  /** Acquisition costs: {@code usdPerMillionTokens} and {@code flatFeeUsd}, each optional (default 0). */
  public static final Codec<AcquisitionCost> ACQUISITION_COST =
      ObjectCodec.components(
              AcquisitionCost.class,
              "acquisition",
              v -> new AcquisitionCost(v.get("usdPerMillionTokens", 0.0), v.get("flatFeeUsd", 0.0)))
          .optional("usdPerMillionTokens", ValueCodecs.NON_NEGATIVE_NUMBER)
          .optional("flatFeeUsd", ValueCodecs.NON_NEGATIVE_NUMBER)
          .build();

  private static final Codec<CurationStage> CURATION_STAGE =
      ObjectCodec.components(
              CurationStage.class,
              "curationStage",
              v -> new CurationStage(v.get("kind"), v.get("description", ""), v.<Double>get("retention")))
          .required("kind", ValueCodecs.enumeration(CurationStageKind.class))
          .optional("description", ValueCodecs.TEXT)
          .required("retention", ValueCodecs.POSITIVE_NUMBER)
          .describedAs("the fraction of tokens kept, in (0, 1]")
          .build();

  /** Curation pipelines: a preset's name or a full object. */
  public static final Codec<CurationPipeline> CURATION_PIPELINE =
      ValueCodecs.namedOrObject(
          "curation",
          DataCodecs::presetNames,
          "a curation preset's name",
          name ->
              CurationPipelines.find(name)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "unknown curation preset \"" + name + "\""
                                  + Suggestions.didYouMean(name, presetNames())
                                  + "; presets: " + String.join(", ", presetNames()))),
          pipeline -> CurationPipelines.presets().contains(pipeline) ? Optional.of(pipeline.name()) : Optional.empty(),
          ObjectCodec.builder(
                  CurationPipeline.class,
                  "curationPipeline",
                  CurationPipeline::builder,
                  ImmutableCurationPipeline.Builder::build)
              .required("name", ValueCodecs.NAME)
              .optional("source", ValueCodecs.TEXT)
              .required(
                  "stages",
                  ValueCodecs.list(CURATION_STAGE),
                  CurationPipeline::stages,
                  ImmutableCurationPipeline.Builder::addAllStages)
              .build());

  /** Synthetic generations. */
  public static final Codec<SyntheticGeneration> SYNTHETIC_GENERATION =
      ObjectCodec.builder(
              SyntheticGeneration.class,
              "synthetic",
              SyntheticGeneration::builder,
              ImmutableSyntheticGeneration.Builder::build)
          .required("generatorModel", ValueCodecs.NAME)
          .required("accelerator", ValueCodecs.NAME)
          .required("generatedTokens", ValueCodecs.POSITIVE_NUMBER)
          .required("acceptanceRate", ValueCodecs.POSITIVE_NUMBER)
          .describedAs("the fraction of generated tokens kept, in (0, 1]")
          .required("usdPerMillionGeneratedTokens", ValueCodecs.NON_NEGATIVE_NUMBER)
          .optional("priceSource", ValueCodecs.TEXT)
          .build();

  /**
   * The value of each field {@link #readSourceFields} reads, for the schema; the reader's rules between them
   * (exactly one size, a ratio only with its size) are stated in the schema's description.
   */
  private static Map<String, Codec<?>> sourceFieldCodecs() {
    Map<String, Codec<?>> codecs = new LinkedHashMap<>();
    codecs.put("name", ValueCodecs.NAME);
    codecs.put("tokens", ValueCodecs.NON_NEGATIVE_NUMBER);
    codecs.put("bytes", ValueCodecs.NON_NEGATIVE_NUMBER);
    codecs.put("bytesPerToken", ValueCodecs.POSITIVE_NUMBER);
    codecs.put("documents", ValueCodecs.NON_NEGATIVE_NUMBER);
    codecs.put("tokensPerDocument", ValueCodecs.POSITIVE_NUMBER);
    codecs.put("tokenizer", ValueCodecs.TEXT);
    codecs.put("language", ValueCodecs.TEXT);
    codecs.put("domain", ValueCodecs.TEXT);
    codecs.put("licence", ValueCodecs.enumeration(LicenceClass.class));
    codecs.put("qualityTier", ValueCodecs.enumeration(QualityTier.class));
    codecs.put("acquisition", ACQUISITION_COST);
    codecs.put("source", ValueCodecs.TEXT);
    codecs.put("curation", CURATION_PIPELINE);
    codecs.put("synthetic", SYNTHETIC_GENERATION);
    return codecs;
  }

  /**
   * The schema properties of a source's fields ({@link #readSourceFields}), to which a document adds its own
   * (a mixture's {@code weight}).
   *
   * @param definitions where the fields' own types are registered
   */
  public static ObjectNode sourceProperties(SchemaDefinitions definitions) {
    ObjectNode properties = NODES.objectNode();
    sourceFieldCodecs().forEach((name, codec) -> properties.set(name, codec.schema(definitions)));
    return properties;
  }

  /** A source's size forms: exactly one, each with the fields it needs (the reader's rule). */
  private static final List<List<String>> SIZE_FORMS =
      List.of(
          List.of("tokens"),
          List.of("bytes", "bytesPerToken"),
          List.of("documents", "tokensPerDocument"),
          List.of("synthetic"));

  /**
   * The rules between a source's fields as schema conditions ({@code allOf}): exactly one size form, no field of
   * another form, and a licence unless the source is synthetic.
   */
  public static ArrayNode sourceRules() {
    ArrayNode allOf = NODES.arrayNode();
    ArrayNode forms = allOf.addObject().putArray("oneOf");
    for (List<String> form : SIZE_FORMS) {
      ObjectNode branch = forms.addObject();
      ArrayNode required = branch.putArray("required");
      form.forEach(required::add);
      ArrayNode others = branch.putObject("not").putArray("anyOf");
      for (List<String> other : SIZE_FORMS) {
        if (other != form) {
          other.forEach(field -> others.addObject().putArray("required").add(field));
        }
      }
    }
    ArrayNode licence = allOf.addObject().putArray("anyOf");
    licence.addObject().putArray("required").add("licence");
    licence.addObject().putArray("required").add("synthetic");
    return allOf;
  }

  /** What a source's schema says of the rules between its fields. */
  public static final String SOURCE_RULES =
      "exactly one of tokens, bytes (with bytesPerToken) or documents (with tokensPerDocument), or synthetic"
          + " (whose size is its accepted tokens); licence required unless synthetic";

  /**
   * The schema of a curation cost model ({@link #readCurationCosts}).
   *
   * @param definitions where it is registered
   */
  public static ObjectNode curationCostsSchema(SchemaDefinitions definitions) {
    return definitions.ref(
        "curationCosts",
        () -> {
          ObjectNode out = NODES.objectNode().put("type", "object");
          ObjectNode properties = out.putObject("properties");
          properties.set("bytesPerToken", ValueCodecs.POSITIVE_NUMBER.schema(definitions));
          ObjectNode prices = properties.putObject("usdPerTerabyte").put("type", "object");
          ObjectNode kinds = prices.putObject("properties");
          for (CurationStageKind kind : CurationStageKind.values()) {
            kinds.set(EnumNames.kebabCase(kind), ValueCodecs.NON_NEGATIVE_NUMBER.schema(definitions));
          }
          prices.put("additionalProperties", false);
          properties.set("source", ValueCodecs.TEXT.schema(definitions));
          out.put("additionalProperties", false);
          return out;
        });
  }

  /** Data sources defined in full (see the class Javadoc for the size fields). */
  public static final Codec<DataSource> DATA_SOURCE =
      ValueCodecs.composed(
          node -> {
            ObjectFields fields = node.fields();
            DataSource source = readSourceFields(fields);
            fields.finish();
            return source;
          },
          source -> {
            ObjectNode out = NODES.objectNode();
            writeSourceFields(source, out);
            return out;
          },
          definitions ->
              definitions.ref(
                  "dataSource",
                  () -> {
                    ObjectNode out = NODES.objectNode().put("type", "object");
                    out.put("description", "a source in full: " + SOURCE_RULES);
                    out.set("properties", sourceProperties(definitions));
                    out.putArray("required").add("name");
                    out.put("additionalProperties", false);
                    out.set("allOf", sourceRules());
                    return out;
                  }));

  /** Curation cost models: {@code bytesPerToken} and {@code usdPerTerabyte} by stage kind, over {@code base}. */
  public static CurationCostModel readCurationCosts(DocumentNode node, CurationCostModel base) {
    ObjectFields fields = node.fields();
    CurationCostModel model = base;
    Optional<DocumentNode> prices = fields.optional("usdPerTerabyte");
    if (prices.isPresent()) {
      ObjectFields priceFields = prices.get().fields();
      Iterator<String> names = prices.get().json().fieldNames();
      List<String> kinds = new ArrayList<>();
      names.forEachRemaining(kinds::add);
      for (String name : kinds) {
        DocumentNode price = priceFields.required(name);
        CurationStageKind kind =
            EnumNames.parse(CurationStageKind.class, name)
                .orElseThrow(
                    () ->
                        price.error(
                            "unknown stage kind" + Suggestions.didYouMean(name, kindNames())
                                + "; expected one of " + EnumNames.accepted(CurationStageKind.class)));
        double usd = price.asDouble();
        CurationCostModel current = model;
        model = price.build(() -> current.withUsdPerTerabyte(kind, usd));
      }
      priceFields.finish();
    }
    Optional<DocumentNode> bytesPerToken = fields.optional("bytesPerToken");
    if (bytesPerToken.isPresent()) {
      double value = bytesPerToken.get().asDouble();
      CurationCostModel current = model;
      model = bytesPerToken.get().build(() -> current.withBytesPerToken(value));
    }
    Optional<String> source = fields.optionalText("source");
    if (source.isPresent()) {
      // The writer records where the prices come from; reading it back keeps a written model equal to itself.
      model = ImmutableCurationCostModel.copyOf(model).withSource(source.get());
    }
    fields.finish();
    return model;
  }

  /** Writes a curation cost model. */
  public static JsonNode writeCurationCosts(CurationCostModel model) {
    ObjectNode out = NODES.objectNode();
    out.put("bytesPerToken", model.bytesPerToken());
    ObjectNode prices = out.putObject("usdPerTerabyte");
    Map<CurationStageKind, Double> sorted = new EnumMap<>(CurationStageKind.class);
    sorted.putAll(model.usdPerTerabyte());
    sorted.forEach((kind, usd) -> prices.put(EnumNames.kebabCase(kind), usd));
    out.put("source", model.source());
    return out;
  }

  /**
   * Reads the fields of a data source from an object (the caller finishes the object, so it may allow more).
   *
   * @param fields the object's fields
   */
  public static DataSource readSourceFields(ObjectFields fields) {
    DocumentNode node = fields.node();
    ImmutableDataSource.Builder builder = DataSource.builder().name(fields.requiredText("name"));
    Optional<SyntheticGeneration> synthetic = fields.optional("synthetic", SYNTHETIC_GENERATION);
    String tokenizer = fields.optionalText("tokenizer").orElse("unspecified");
    boolean tokens = fields.has("tokens");
    boolean bytes = fields.has("bytes");
    boolean documents = fields.has("documents");
    int sizes = (tokens ? 1 : 0) + (bytes ? 1 : 0) + (documents ? 1 : 0);
    if (synthetic.isPresent()) {
      if (sizes > 0) {
        throw node.error("a synthetic source's size is its accepted tokens; remove tokens, bytes or documents");
      }
      builder.synthetic(synthetic.get());
      builder.size(node.build(() -> DataSize.tokens(synthetic.get().acceptedTokens(), "generator")));
    } else if (sizes != 1) {
      throw node.error("needs exactly one of tokens, bytes (with bytesPerToken) or documents (with tokensPerDocument)");
    } else if (tokens) {
      DocumentNode amount = fields.required("tokens");
      double value = amount.asDouble();
      builder.size(amount.build(() -> DataSize.tokens(value, tokenizer)));
    } else if (bytes) {
      DocumentNode amount = fields.required("bytes");
      double value = amount.asDouble();
      double ratio = fields.requiredDouble("bytesPerToken");
      builder.size(amount.build(() -> DataSize.bytes(value, ratio, tokenizer)));
    } else {
      DocumentNode amount = fields.required("documents");
      double value = amount.asDouble();
      double ratio = fields.requiredDouble("tokensPerDocument");
      builder.size(amount.build(() -> DataSize.documents(value, ratio, tokenizer)));
    }
    if (!bytes) {
      fields.optional("bytesPerToken").ifPresent(n -> { throw n.error("only allowed with bytes"); });
    }
    if (!documents) {
      fields.optional("tokensPerDocument").ifPresent(n -> { throw n.error("only allowed with documents"); });
    }
    Optional<LicenceClass> licence = fields.optionalEnum("licence", LicenceClass.class);
    if (licence.isPresent()) {
      builder.licenceClass(licence.get());
    } else if (synthetic.isPresent()) {
      builder.licenceClass(LicenceClass.SYNTHETIC);
    } else {
      fields.required("licence");
    }
    fields.optionalText("language").ifPresent(builder::language);
    fields.optionalText("domain").ifPresent(builder::domain);
    fields.optionalEnum("qualityTier", QualityTier.class).ifPresent(builder::qualityTier);
    fields.optional("acquisition", ACQUISITION_COST).ifPresent(builder::acquisitionCost);
    fields.optionalText("source").ifPresent(builder::source);
    fields.optional("curation", CURATION_PIPELINE).ifPresent(builder::curation);
    return node.build(builder::build);
  }

  /**
   * Writes a source's fields into {@code out}, sizes in their published unit.
   *
   * @param source the source
   * @param out the object to fill
   */
  public static void writeSourceFields(DataSource source, ObjectNode out) {
    out.put("name", source.name());
    if (source.synthetic().isPresent()) {
      out.set("synthetic", SYNTHETIC_GENERATION.write(source.synthetic().get()));
    } else {
      DataSize size = source.size();
      if (size.unit() == SizeUnit.TOKENS) {
        out.put("tokens", size.amount());
      } else if (size.unit() == SizeUnit.BYTES) {
        out.put("bytes", size.amount());
        out.put("bytesPerToken", size.bytesPerToken());
      } else {
        out.put("documents", size.amount());
        out.put("tokensPerDocument", size.tokensPerUnit());
      }
      out.put("tokenizer", size.tokenizer());
    }
    out.put("language", source.language());
    out.put("domain", source.domain());
    out.put("licence", EnumNames.kebabCase(source.licenceClass()));
    out.put("qualityTier", EnumNames.kebabCase(source.qualityTier()));
    out.set("acquisition", ACQUISITION_COST.write(source.acquisitionCost()));
    out.put("source", source.source());
    source.curation().ifPresent(pipeline -> out.set("curation", CURATION_PIPELINE.write(pipeline)));
  }

  private static List<String> presetNames() {
    List<String> names = new ArrayList<>();
    CurationPipelines.presets().forEach(p -> names.add(p.name()));
    return names;
  }

  private static List<String> kindNames() {
    List<String> names = new ArrayList<>();
    for (CurationStageKind kind : CurationStageKind.values()) {
      names.add(EnumNames.kebabCase(kind));
    }
    return names;
  }
}
