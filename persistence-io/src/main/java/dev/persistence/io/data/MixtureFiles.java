package dev.persistence.io.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.persistence.core.data.CurationCostModel;
import dev.persistence.core.data.DataMixture;
import dev.persistence.core.data.DataSource;
import dev.persistence.core.data.ImmutableDataSource;
import dev.persistence.core.data.MixtureComponent;
import dev.persistence.io.catalog.DatasetCatalog;
import dev.persistence.io.catalog.DatasetEntry;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.document.ObjectCodec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads mixture files (JSON or YAML). A mixture has an optional {@code name}, an optional {@code epochCap}
 * (default 4), a {@code sources} list and optional {@code curationCosts}. Each source is either a catalog
 * reference, {@code {catalog: fineweb-edu, weight: 0.4}} (optionally with {@code acquisition} or {@code curation}
 * overriding the catalog's), or a full source ({@link DataCodecs}) with a {@code weight}. {@code curationCosts}
 * has {@code bytesPerToken} and {@code usdPerTerabyte} by stage kind, overriding {@link CurationCostModel#ASSUMED}.
 * Errors name the path: {@code sources[2].tokens: expected a number, got the string "many"}.
 */
public final class MixtureFiles {
  private MixtureFiles() {}

  /**
   * Reads a mixture file, its format from its extension.
   *
   * @param file the file
   * @param catalog the catalog that {@code catalog:} references are looked up in
   * @throws dev.persistence.io.InvalidDocumentException naming the path of the problem
   */
  public static MixtureFile read(Path file, DatasetCatalog catalog) {
    return read(DocumentNode.read(file), catalog);
  }

  /**
   * Parses a mixture.
   *
   * @param text the mixture's text
   * @param format JSON or YAML
   * @param documentName how errors name the document
   * @param catalog the catalog that {@code catalog:} references are looked up in
   */
  public static MixtureFile parse(String text, DocumentFormat format, String documentName, DatasetCatalog catalog) {
    return read(Documents.parse(text, format, documentName), documentName, catalog);
  }

  private static MixtureFile read(JsonNode json, String documentName, DatasetCatalog catalog) {
    return read(DocumentNode.root(json, documentName), catalog);
  }

  /**
   * Reads a mixture that sits inside another document (a scenario's {@code data.mixture}); errors keep the path.
   *
   * @param root the mixture's node
   * @param catalog where {@code catalog:} references are looked up
   * @throws dev.persistence.io.InvalidDocumentException naming the path, the value and the rule
   */
  public static MixtureFile read(DocumentNode root, DatasetCatalog catalog) {
    ObjectFields fields = root.fields();
    var builder = DataMixture.builder();
    fields.optionalText("name").ifPresent(builder::name);
    fields.optionalDouble("epochCap").ifPresent(builder::epochCap);
    for (DocumentNode node : fields.required("sources").elements()) {
      builder.addComponents(node.field("catalog").json().isNull() ? INLINE_SOURCE.read(node) : reference(node, catalog));
    }
    CurationCostModel costs =
        fields
            .optional("curationCosts")
            .map(node -> DataCodecs.readCurationCosts(node, CurationCostModel.ASSUMED))
            .orElse(CurationCostModel.ASSUMED);
    fields.finish();
    return new MixtureFile(root.build(builder::build), costs);
  }

  /** A source in full with its weight: a data source's table and a weight. */
  private static final ObjectCodec<MixtureComponent, Map<String, Object>> INLINE_SOURCE =
      ObjectCodec.fromMap(
              MixtureComponent.class,
              "inlineSource",
              fields -> new MixtureComponent((DataSource) fields.get("dataSource"), (Double) fields.get("weight")))
          .description("a source defined in full: " + DataCodecs.SOURCE_RULES)
          .include(DataCodecs.DATA_SOURCE, MixtureComponent::source)
          .required("weight", ValueCodecs.POSITIVE_NUMBER, MixtureComponent::weight)
          .build();

  /** A catalog reference with its weight; the catalog's look-up is more than a table. */
  private static MixtureComponent reference(DocumentNode node, DatasetCatalog catalog) {
    ObjectFields fields = node.fields();
    double weight = fields.requiredDouble("weight");
    DocumentNode name = fields.required("catalog");
    String wanted = name.asText();
    Optional<DatasetEntry> entry = catalog.find(wanted);
    if (entry.isEmpty()) {
      throw name.error(catalog.unknown(wanted));
    }
    ImmutableDataSource.Builder source = ImmutableDataSource.builder().from(entry.get().source());
    fields.optional("acquisition", DataCodecs.ACQUISITION_COST).ifPresent(source::acquisitionCost);
    fields.optional("curation", DataCodecs.CURATION_PIPELINE).ifPresent(source::curation);
    fields.finish();
    return node.build(() -> new MixtureComponent(source.build(), weight));
  }

  /**
   * The mixture document's root schema (for {@code mixture.schema.json}, and a scenario's inline {@code data}
   * mixture): its sources are catalog references ({@link DatasetCatalog} names, optionally overriding acquisition
   * and curation) or sources in full ({@link DataCodecs#DATA_SOURCE}) with a weight.
   *
   * @param definitions where the parts' definitions are registered
   */
  public static ObjectNode schema(SchemaDefinitions definitions) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode catalogSource =
        definitions.ref(
            "catalogSource",
            () -> {
              ObjectNode out = nodes.objectNode().put("type", "object");
              out.put("description", "a dataset of the catalog by name or alias");
              ObjectNode properties = out.putObject("properties");
              properties.set("catalog", ValueCodecs.NAME.schema(definitions));
              properties.set("weight", ValueCodecs.POSITIVE_NUMBER.schema(definitions));
              properties.set("acquisition", DataCodecs.ACQUISITION_COST.schema(definitions));
              properties.set("curation", DataCodecs.CURATION_PIPELINE.schema(definitions));
              out.putArray("required").add("catalog").add("weight");
              out.put("additionalProperties", false);
              return out;
            });
    ObjectNode inlineSource = INLINE_SOURCE.schema(definitions);
    ObjectNode root = nodes.objectNode().put("type", "object");
    ObjectNode properties = root.putObject("properties");
    properties.set("name", ValueCodecs.TEXT.schema(definitions));
    properties.set("epochCap", ValueCodecs.POSITIVE_NUMBER.schema(definitions));
    ObjectNode sources = properties.putObject("sources").put("type", "array").put("minItems", 1);
    sources.putObject("items").putArray("oneOf").add(catalogSource).add(inlineSource);
    properties.set("curationCosts", DataCodecs.curationCostsSchema(definitions));
    root.putArray("required").add("sources");
    root.put("additionalProperties", false);
    return root;
  }

  /**
   * Writes a mixture as a self-contained document: every source in full (catalog references are written out, so
   * the document reads back without the catalog), its weight, and the curation prices.
   *
   * @param file the mixture and its curation prices
   */
  public static JsonNode write(MixtureFile file) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("name", file.mixture().name());
    out.put("epochCap", file.mixture().epochCap());
    ArrayNode sources = out.putArray("sources");
    for (MixtureComponent component : file.mixture().components()) {
      sources.add(INLINE_SOURCE.write(component));
    }
    out.set("curationCosts", DataCodecs.writeCurationCosts(file.curationCosts()));
    return out;
  }
}
