package dev.persistence.io.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.core.data.AcquisitionCost;
import dev.persistence.core.data.CurationPipeline;
import dev.persistence.io.document.Codec;
import java.nio.file.Path;
import java.util.List;
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
    return mixture(catalog).read(root);
  }

  /** The mixture document, its {@code catalog:} references looked up in {@code catalog}. */
  @SuppressWarnings("unchecked")
  private static ObjectCodec<MixtureFile, Map<String, Object>> mixture(DatasetCatalog catalog) {
    Codec<List<MixtureComponent>> sources = ValueCodecs.list(source(catalog));
    return ObjectCodec.fromMap(
            MixtureFile.class,
            "mixture",
            fields -> {
              var mixture = DataMixture.builder().addAllComponents((List<MixtureComponent>) fields.get("sources"));
              Optional.ofNullable((String) fields.get("name")).ifPresent(mixture::name);
              Optional.ofNullable((Double) fields.get("epochCap")).ifPresent(mixture::epochCap);
              return new MixtureFile(
                  mixture.build(),
                  (CurationCostModel) fields.getOrDefault("curationCosts", CurationCostModel.ASSUMED));
            })
        .optional("name", ValueCodecs.TEXT, file -> file.mixture().name())
        .optional("epochCap", ValueCodecs.POSITIVE_NUMBER, file -> file.mixture().epochCap())
        .required(
            "sources",
            ValueCodecs.composed(sources::read, sources::write, d -> sources.schema(d).put("minItems", 1)),
            file -> file.mixture().components())
        .optional("curationCosts", DataCodecs.CURATION_COSTS, MixtureFile::curationCosts)
        .build();
  }

  /** A catalog reference or a source in full, each with its weight; written in full. */
  private static Codec<MixtureComponent> source(DatasetCatalog catalog) {
    ObjectCodec<MixtureComponent, ?> reference = catalogSource(catalog);
    return ValueCodecs.composed(
        node -> node.field("catalog").json().isNull() ? INLINE_SOURCE.read(node) : reference.read(node),
        INLINE_SOURCE::write,
        definitions -> {
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          out.putArray("oneOf").add(reference.schema(definitions)).add(INLINE_SOURCE.schema(definitions));
          return out;
        });
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

  /** A dataset of {@code catalog} by name or alias, with its weight and the mixture's own acquisition or curation. */
  private static ObjectCodec<MixtureComponent, Map<String, Object>> catalogSource(DatasetCatalog catalog) {
    Codec<DatasetEntry> entry =
        ValueCodecs.composed(
            node -> {
              String wanted = ValueCodecs.NAME.read(node);
              return catalog.find(wanted).orElseThrow(() -> node.error(catalog.unknown(wanted)));
            },
            written -> ValueCodecs.NAME.write(written.name()),
            ValueCodecs.NAME::schema);
    return ObjectCodec.fromMap(
            MixtureComponent.class,
            "catalogSource",
            fields -> {
              var source = ImmutableDataSource.builder().from(((DatasetEntry) fields.get("catalog")).source());
              Optional.ofNullable((AcquisitionCost) fields.get("acquisition")).ifPresent(source::acquisitionCost);
              Optional.ofNullable((CurationPipeline) fields.get("curation")).ifPresent(source::curation);
              return new MixtureComponent(source.build(), (Double) fields.get("weight"));
            })
        .description("a dataset of the catalog by name or alias")
        .required("catalog", entry, component -> catalog.get(component.source().name()))
        .required("weight", ValueCodecs.POSITIVE_NUMBER, MixtureComponent::weight)
        .optional("acquisition", DataCodecs.ACQUISITION_COST, component -> component.source().acquisitionCost())
        .optionalIfSet("curation", DataCodecs.CURATION_PIPELINE, component -> component.source().curation())
        .build();
  }

  /**
   * The mixture document's root schema (for {@code mixture.schema.json}, and a scenario's inline {@code data}
   * mixture): its sources are catalog references ({@link DatasetCatalog} names, optionally overriding acquisition
   * and curation) or sources in full ({@link DataCodecs#DATA_SOURCE}) with a weight.
   *
   * @param definitions where the parts' definitions are registered
   */
  public static ObjectNode schema(SchemaDefinitions definitions) {
    return mixture(DatasetCatalog.bundled()).fragment(definitions);
  }

  /**
   * Writes a mixture as a self-contained document: every source in full (catalog references are written out, so
   * the document reads back without the catalog), its weight, and the curation prices.
   *
   * @param file the mixture and its curation prices
   */
  public static JsonNode write(MixtureFile file) {
    return mixture(DatasetCatalog.bundled()).write(file);
  }
}
