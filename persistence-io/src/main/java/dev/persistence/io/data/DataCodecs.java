package dev.persistence.io.data;

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
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.document.Suggestions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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

  private DataCodecs() {}

  /** Acquisition costs: {@code usdPerMillionTokens} and {@code flatFeeUsd}, each optional (default 0). */
  public static final Codec<AcquisitionCost> ACQUISITION_COST =
      ObjectCodec.record(AcquisitionCost.class, "acquisition")
          .optional("usdPerMillionTokens", ValueCodecs.NON_NEGATIVE_NUMBER)
          .byDefault(0.0)
          .optional("flatFeeUsd", ValueCodecs.NON_NEGATIVE_NUMBER)
          .byDefault(0.0)
          .build();

  private static final Codec<CurationStage> CURATION_STAGE =
      ObjectCodec.record(CurationStage.class, "curationStage")
          .required("kind", ValueCodecs.enumeration(CurationStageKind.class))
          .optional("description", ValueCodecs.TEXT)
          .byDefault("")
          .required("retention", ValueCodecs.POSITIVE_NUMBER)
          .describedAs("the fraction of tokens kept, in (0, 1]")
          .build();

  /** Curation pipelines: a preset's name or a full object. */
  public static final Codec<CurationPipeline> CURATION_PIPELINE =
      ValueCodecs.presetOrObject(
          "curation",
          "curation preset",
          "a curation preset's name",
          () -> {
            Map<String, CurationPipeline> presets = new LinkedHashMap<>();
            CurationPipelines.presets().forEach(preset -> presets.put(preset.name(), preset));
            return presets;
          },
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
   * Curation prices by stage kind ({@code fuzzy-deduplication: 12}), each checked as {@link
   * CurationCostModel#withUsdPerTerabyte} checks it, at its own node.
   */
  private static final Codec<Map<CurationStageKind, Double>> PRICES =
      ValueCodecs.composed(
          node -> {
            ObjectFields fields = node.fields();
            Map<CurationStageKind, Double> prices = new EnumMap<>(CurationStageKind.class);
            List<String> names = new ArrayList<>();
            node.json().fieldNames().forEachRemaining(names::add);
            for (String name : names) {
              DocumentNode price = fields.required(name);
              CurationStageKind kind =
                  EnumNames.parse(CurationStageKind.class, name)
                      .orElseThrow(
                          () ->
                              price.error(
                                  "unknown stage kind" + Suggestions.didYouMean(name, kindNames())
                                      + "; expected one of " + EnumNames.accepted(CurationStageKind.class)));
              double usd = price.asDouble();
              price.build(() -> CurationCostModel.ASSUMED.withUsdPerTerabyte(kind, usd));
              prices.put(kind, usd);
            }
            return prices;
          },
          prices -> {
            ObjectNode out = NODES.objectNode();
            new EnumMap<>(prices).forEach((kind, usd) -> out.put(EnumNames.kebabCase(kind), usd));
            return out;
          },
          definitions -> {
            ObjectNode prices = NODES.objectNode().put("type", "object");
            ObjectNode kinds = prices.putObject("properties");
            for (CurationStageKind kind : CurationStageKind.values()) {
              kinds.set(EnumNames.kebabCase(kind), ValueCodecs.NON_NEGATIVE_NUMBER.schema(definitions));
            }
            return prices.put("additionalProperties", false);
          });

  /**
   * Curation cost models: {@code bytesPerToken} and {@code usdPerTerabyte} by stage kind over {@link
   * CurationCostModel#ASSUMED}, and the {@code source} of the prices (written, so that a written model reads back
   * equal to itself).
   */
  public static final ObjectCodec<CurationCostModel, Map<String, Object>> CURATION_COSTS =
      ObjectCodec.fromMap(CurationCostModel.class, "curationCosts", DataCodecs::curationCosts)
          .optional(
              "bytesPerToken",
              ValueCodecs.mapped(
                  ValueCodecs.POSITIVE_NUMBER,
                  ratio -> CurationCostModel.ASSUMED.withBytesPerToken(ratio).bytesPerToken(),
                  ratio -> ratio),
              CurationCostModel::bytesPerToken)
          .optional("usdPerTerabyte", PRICES, CurationCostModel::usdPerTerabyte)
          .optional("source", ValueCodecs.TEXT, CurationCostModel::source)
          .build();

  @SuppressWarnings("unchecked")
  private static CurationCostModel curationCosts(Map<String, Object> fields) {
    CurationCostModel model = CurationCostModel.ASSUMED;
    for (Map.Entry<CurationStageKind, Double> price :
        ((Map<CurationStageKind, Double>) fields.getOrDefault("usdPerTerabyte", Map.of())).entrySet()) {
      model = model.withUsdPerTerabyte(price.getKey(), price.getValue());
    }
    if (fields.containsKey("bytesPerToken")) {
      model = model.withBytesPerToken((Double) fields.get("bytesPerToken"));
    }
    if (fields.containsKey("source")) {
      model = ImmutableCurationCostModel.copyOf(model).withSource((String) fields.get("source"));
    }
    return model;
  }

  /** A size's amount with its node, so that the size's own errors are reported at the amount. */
  private record Amount(double value, Optional<DocumentNode> node) {}

  private static Codec<Amount> amount(Codec<Double> number) {
    return ValueCodecs.composed(
        node -> new Amount(number.read(node), Optional.of(node)),
        amount -> number.write(amount.value()),
        number::schema);
  }

  private static Optional<Amount> amount(DataSource source, SizeUnit unit) {
    return sized(source, unit).map(size -> new Amount(size.amount(), Optional.empty()));
  }

  /** The source's size if it is published in {@code unit} (a synthetic source's size is written as its generation). */
  private static Optional<DataSize> sized(DataSource source, SizeUnit unit) {
    return source.synthetic().isEmpty() && source.size().unit() == unit ? Optional.of(source.size()) : Optional.empty();
  }

  /** A source's size forms: exactly one, each with the fields it needs. */
  private static final List<List<String>> SIZE_FORMS =
      List.of(
          List.of("tokens"),
          List.of("bytes", "bytesPerToken"),
          List.of("documents", "tokensPerDocument"),
          List.of("synthetic"));

  /** The size forms as a schema: exactly one form, with no field of another. */
  private static ObjectNode sizeForms() {
    ObjectNode out = NODES.objectNode();
    ArrayNode forms = out.putArray("oneOf");
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
    return out;
  }

  /** The reader's side of {@link #sizeForms}, with the messages it has always given. */
  private static void checkSize(DocumentNode node) {
    boolean bytes = has(node, "bytes");
    boolean documents = has(node, "documents");
    int sizes = (has(node, "tokens") ? 1 : 0) + (bytes ? 1 : 0) + (documents ? 1 : 0);
    if (has(node, "synthetic")) {
      if (sizes > 0) {
        throw node.error("a synthetic source's size is its accepted tokens; remove tokens, bytes or documents");
      }
    } else if (sizes != 1) {
      throw node.error("needs exactly one of tokens, bytes (with bytesPerToken) or documents (with tokensPerDocument)");
    }
    companion(node, bytes, "bytes", "bytesPerToken");
    companion(node, documents, "documents", "tokensPerDocument");
  }

  /** {@code ratio} is required with {@code amount} and allowed only with it. */
  private static void companion(DocumentNode node, boolean amount, String amountField, String ratio) {
    if (amount && !has(node, ratio)) {
      throw node.field(ratio).error("missing required field");
    }
    if (!amount && has(node, ratio)) {
      throw node.field(ratio).error("only allowed with " + amountField);
    }
  }

  private static boolean has(DocumentNode node, String field) {
    return !node.field(field).json().isNull();
  }

  private static ObjectNode licenceRule() {
    ObjectNode out = NODES.objectNode();
    ArrayNode licence = out.putArray("anyOf");
    licence.addObject().putArray("required").add("licence");
    licence.addObject().putArray("required").add("synthetic");
    return out;
  }

  private static void checkLicence(DocumentNode node) {
    if (!has(node, "licence") && !has(node, "synthetic")) {
      throw node.field("licence").error("missing required field");
    }
  }

  /** What a source's schema says of the rules between its fields. */
  public static final String SOURCE_RULES =
      "exactly one of tokens, bytes (with bytesPerToken) or documents (with tokensPerDocument), or synthetic"
          + " (whose size is its accepted tokens); licence required unless synthetic";

  /**
   * Data sources defined in full (see the class Javadoc for the size fields), written with sizes in their published
   * unit; other documents include its fields ({@link ObjectCodec.Builder#include}).
   */
  public static final ObjectCodec<DataSource, Map<String, Object>> DATA_SOURCE =
      ObjectCodec.fromMap(DataSource.class, "dataSource", DataCodecs::source)
          .description("a source in full: " + SOURCE_RULES)
          .required("name", ValueCodecs.NAME, DataSource::name)
          .optionalIfSet("synthetic", SYNTHETIC_GENERATION, DataSource::synthetic)
          .optionalIfSet("tokens", amount(ValueCodecs.NON_NEGATIVE_NUMBER), s -> amount(s, SizeUnit.TOKENS))
          .optionalIfSet("bytes", amount(ValueCodecs.NON_NEGATIVE_NUMBER), s -> amount(s, SizeUnit.BYTES))
          .optionalIfSet("bytesPerToken", ValueCodecs.POSITIVE_NUMBER,
              s -> sized(s, SizeUnit.BYTES).map(DataSize::bytesPerToken))
          .optionalIfSet("documents", amount(ValueCodecs.NON_NEGATIVE_NUMBER), s -> amount(s, SizeUnit.DOCUMENTS))
          .optionalIfSet("tokensPerDocument", ValueCodecs.POSITIVE_NUMBER,
              s -> sized(s, SizeUnit.DOCUMENTS).map(DataSize::tokensPerUnit))
          .optionalIfSet("tokenizer", ValueCodecs.TEXT,
              s -> s.synthetic().isPresent() ? Optional.empty() : Optional.of(s.size().tokenizer()))
          .optional("language", ValueCodecs.TEXT, DataSource::language)
          .optional("domain", ValueCodecs.TEXT, DataSource::domain)
          .optional("licence", ValueCodecs.enumeration(LicenceClass.class), DataSource::licenceClass)
          .optional("qualityTier", ValueCodecs.enumeration(QualityTier.class), DataSource::qualityTier)
          .optional("acquisition", ACQUISITION_COST, DataSource::acquisitionCost)
          .optional("source", ValueCodecs.TEXT, DataSource::source)
          .optionalIfSet("curation", CURATION_PIPELINE, DataSource::curation)
          .rule(sizeForms(), DataCodecs::checkSize)
          .rule(licenceRule(), DataCodecs::checkLicence)
          .build();

  /** Builds a source from its fields once {@link #checkSize} and {@link #checkLicence} have held. */
  private static DataSource source(Map<String, Object> fields) {
    ImmutableDataSource.Builder builder = DataSource.builder().name((String) fields.get("name"));
    String tokenizer = (String) fields.getOrDefault("tokenizer", "unspecified");
    SyntheticGeneration synthetic = (SyntheticGeneration) fields.get("synthetic");
    if (synthetic != null) {
      builder.synthetic(synthetic).size(DataSize.tokens(synthetic.acceptedTokens(), "generator"));
    } else {
      builder.size(size(fields, tokenizer));
    }
    builder.licenceClass((LicenceClass) fields.getOrDefault("licence", LicenceClass.SYNTHETIC));
    Optional.ofNullable((String) fields.get("language")).ifPresent(builder::language);
    Optional.ofNullable((String) fields.get("domain")).ifPresent(builder::domain);
    Optional.ofNullable((QualityTier) fields.get("qualityTier")).ifPresent(builder::qualityTier);
    Optional.ofNullable((AcquisitionCost) fields.get("acquisition")).ifPresent(builder::acquisitionCost);
    Optional.ofNullable((String) fields.get("source")).ifPresent(builder::source);
    Optional.ofNullable((CurationPipeline) fields.get("curation")).ifPresent(builder::curation);
    return builder.build();
  }

  /** The size, its own errors at its amount's node. */
  private static DataSize size(Map<String, Object> fields, String tokenizer) {
    for (String unit : List.of("tokens", "bytes", "documents")) {
      Amount amount = (Amount) fields.get(unit);
      if (amount != null) {
        Supplier<DataSize> size =
            unit.equals("tokens")
                ? () -> DataSize.tokens(amount.value(), tokenizer)
                : unit.equals("bytes")
                    ? () -> DataSize.bytes(amount.value(), (Double) fields.get("bytesPerToken"), tokenizer)
                    : () -> DataSize.documents(amount.value(), (Double) fields.get("tokensPerDocument"), tokenizer);
        return amount.node().orElseThrow().build(size);
      }
    }
    throw new IllegalStateException("checkSize lets no source without a size through");
  }

  private static List<String> kindNames() {
    List<String> names = new ArrayList<>();
    for (CurationStageKind kind : CurationStageKind.values()) {
      names.add(EnumNames.kebabCase(kind));
    }
    return names;
  }
}
