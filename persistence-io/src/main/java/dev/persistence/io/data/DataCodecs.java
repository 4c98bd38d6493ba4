package dev.persistence.io.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.data.AcquisitionCost;
import dev.persistence.core.data.CurationCostModel;
import dev.persistence.core.data.ImmutableCurationCostModel;
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
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.document.Suggestions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
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
  static final List<String> SOURCE_FIELDS =
      List.of(
          "name", "tokens", "bytes", "bytesPerToken", "documents", "tokensPerDocument", "tokenizer", "language",
          "domain", "licence", "qualityTier", "acquisition", "source", "curation", "synthetic");

  private DataCodecs() {}

  /** Acquisition costs: {@code usdPerMillionTokens} and {@code flatFeeUsd}, each optional (default 0). */
  public static final Codec<AcquisitionCost> ACQUISITION_COST =
      new Codec<>() {
        @Override
        public AcquisitionCost read(DocumentNode node) {
          ObjectFields fields = node.fields();
          double perMillion = fields.optionalDouble("usdPerMillionTokens").orElse(0);
          double flat = fields.optionalDouble("flatFeeUsd").orElse(0);
          fields.finish();
          return node.build(() -> new AcquisitionCost(perMillion, flat));
        }

        @Override
        public JsonNode write(AcquisitionCost cost) {
          ObjectNode out = NODES.objectNode();
          out.put("usdPerMillionTokens", cost.usdPerMillionTokens());
          out.put("flatFeeUsd", cost.flatFeeUsd());
          return out;
        }
      };

  /** Curation pipelines: a preset's name or a full object. */
  public static final Codec<CurationPipeline> CURATION_PIPELINE =
      new Codec<>() {
        @Override
        public CurationPipeline read(DocumentNode node) {
          if (node.json().isTextual()) {
            String name = node.asText();
            return CurationPipelines.find(name)
                .orElseThrow(
                    () ->
                        node.error(
                            "unknown curation preset \"" + name + "\""
                                + Suggestions.didYouMean(name, presetNames())
                                + "; presets: " + String.join(", ", presetNames())));
          }
          ObjectFields fields = node.fields();
          var builder = CurationPipeline.builder().name(fields.requiredText("name"));
          fields.optionalText("source").ifPresent(builder::source);
          for (DocumentNode stage : fields.required("stages").elements()) {
            ObjectFields stageFields = stage.fields();
            CurationStageKind kind = stageFields.requiredEnum("kind", CurationStageKind.class);
            String description = stageFields.optionalText("description").orElse("");
            double retention = stageFields.requiredDouble("retention");
            stageFields.finish();
            builder.addStages(stage.build(() -> new CurationStage(kind, description, retention)));
          }
          fields.finish();
          return node.build(builder::build);
        }

        @Override
        public JsonNode write(CurationPipeline pipeline) {
          if (CurationPipelines.presets().contains(pipeline)) {
            return NODES.textNode(pipeline.name());
          }
          ObjectNode out = NODES.objectNode();
          out.put("name", pipeline.name());
          out.put("source", pipeline.source());
          ArrayNode stages = out.putArray("stages");
          for (CurationStage stage : pipeline.stages()) {
            ObjectNode s = stages.addObject();
            s.put("kind", EnumNames.kebabCase(stage.kind()));
            s.put("description", stage.description());
            s.put("retention", stage.retention());
          }
          return out;
        }
      };

  /** Synthetic generations. */
  public static final Codec<SyntheticGeneration> SYNTHETIC_GENERATION =
      new Codec<>() {
        @Override
        public SyntheticGeneration read(DocumentNode node) {
          ObjectFields fields = node.fields();
          var builder =
              SyntheticGeneration.builder()
                  .generatorModel(fields.requiredText("generatorModel"))
                  .accelerator(fields.requiredText("accelerator"))
                  .generatedTokens(fields.requiredDouble("generatedTokens"))
                  .acceptanceRate(fields.requiredDouble("acceptanceRate"))
                  .usdPerMillionGeneratedTokens(fields.requiredDouble("usdPerMillionGeneratedTokens"));
          fields.optionalText("priceSource").ifPresent(builder::priceSource);
          fields.finish();
          return node.build(builder::build);
        }

        @Override
        public JsonNode write(SyntheticGeneration generation) {
          ObjectNode out = NODES.objectNode();
          out.put("generatorModel", generation.generatorModel());
          out.put("accelerator", generation.accelerator());
          out.put("generatedTokens", generation.generatedTokens());
          out.put("acceptanceRate", generation.acceptanceRate());
          out.put("usdPerMillionGeneratedTokens", generation.usdPerMillionGeneratedTokens());
          out.put("priceSource", generation.priceSource());
          return out;
        }
      };

  /** Data sources defined in full (see the class Javadoc for the size fields). */
  public static final Codec<DataSource> DATA_SOURCE =
      new Codec<>() {
        @Override
        public DataSource read(DocumentNode node) {
          ObjectFields fields = node.fields();
          DataSource source = readSourceFields(fields);
          fields.finish();
          return source;
        }

        @Override
        public JsonNode write(DataSource source) {
          ObjectNode out = NODES.objectNode();
          writeSourceFields(source, out);
          return out;
        }
      };

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
