package dev.persistence.io.regulation;

import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.TEXT;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.regulation.ImmutableObligation;
import dev.persistence.costing.regulation.ImmutableRevenueTier;
import dev.persistence.costing.regulation.Obligation;
import dev.persistence.costing.regulation.ObligationCatalog;
import dev.persistence.costing.regulation.RevenueTier;
import dev.persistence.costing.regulation.Verification;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.document.ValueCodecs;
import java.nio.file.Path;
import java.util.List;

/**
 * The obligations document ({@link dev.persistence.costing.regulation.ObligationCatalog}): the bundled one
 * ({@value #BUNDLED_RESOURCE}, transcribed from reference/regulation.json with the corrections in
 * reference/regulation-corrections.md) and users' files in JSON or YAML that add or override items by id.
 *
 * <p>File format: {@code catalogVersion}, optional {@code description}, a {@code revenueTiers} list ({@code id
 * instrument provision revenueUsdGreaterThan basis source verification}) and an {@code obligations} list ({@code
 * id thresholdId instrument provision duty appliesFrom sanction source verification}, optional {@code appliesTo},
 * {@code revenueTier} and {@code transition}); {@code verification} is {@code official} or {@code secondary}.
 * Reading is strict: an unknown field is an error that names the nearest known one.
 */
public final class ObligationDocuments {
  private ObligationDocuments() {}

  /** Classpath location of the bundled obligations. */
  public static final String BUNDLED_RESOURCE = "/dev/persistence/io/regulation/obligations.json";

  private static volatile ObligationCatalog bundled;

  /** One revenue tier. */
  public static final Codec<RevenueTier> REVENUE_TIER =
      ObjectCodec.builder(
              RevenueTier.class, "revenueTier", RevenueTier::builder, ImmutableRevenueTier.Builder::build)
          .description("A developer tier defined by revenue; in the tier when revenue is above the figure.")
          .required("id", NAME)
          .required("instrument", NAME)
          .required("provision", NAME)
          .required("revenueUsdGreaterThan", POSITIVE_NUMBER)
          .describedAs("US dollars; the tier holds revenue strictly above it (\"in excess of\")")
          .required("basis", NAME)
          .describedAs("what revenue counts and for which year, as the text says")
          .required("source", NAME)
          .required("verification", enumeration(Verification.class))
          .build();

  /** One obligation. */
  public static final Codec<Obligation> OBLIGATION =
      ObjectCodec.builder(Obligation.class, "obligation", Obligation::builder, ImmutableObligation.Builder::build)
          .description("A duty a threshold brings, with its provision, date, sanction, source and check status.")
          .required("id", NAME)
          .required("thresholdId", NAME)
          .describedAs("the compute threshold that brings it (ComputeThreshold id)")
          .required("instrument", NAME)
          .required("provision", NAME)
          .required("duty", NAME)
          .optional("appliesTo", TEXT)
          .writtenWhen(o -> !o.appliesTo().isEmpty())
          .describedAs("who must do it, when narrower than every developer over the threshold")
          .optional("revenueTier", NAME)
          .writtenWhen(o -> !o.revenueTier().isEmpty())
          .describedAs("the revenue tier (revenueTiers id) it is limited to")
          .required("appliesFrom", ValueCodecs.DATE)
          .optional("transition", TEXT)
          .writtenWhen(o -> !o.transition().isEmpty())
          .required("sanction", NAME)
          .required("source", NAME)
          .required("verification", enumeration(Verification.class))
          .build();

  /** {@code catalogVersion}: a string or a number (as the catalogs take it), kept as text. */
  private static final Codec<String> VERSION = ValueCodecs.version("the document's version, e.g. 2026.1");

  /** The whole document. */
  public static final ObjectCodec<ObligationCatalog, ObjectCodec.Values> DOCUMENT =
      ObjectCodec.components(
              ObligationCatalog.class,
              "obligations",
              v -> new ObligationCatalog(v.get("catalogVersion"), v.get("revenueTiers", List.of()), v.get("obligations")))
          .description("Obligations that compute thresholds bring, and the revenue tiers some are limited to.")
          .required("catalogVersion", VERSION, ObligationCatalog::version)
          .optional("description", TEXT, c -> "")
          .writtenWhen(c -> false)
          .optional("revenueTiers", list(REVENUE_TIER), ObligationCatalog::tiers)
          .required("obligations", list(OBLIGATION), ObligationCatalog::obligations)
          .build();

  /**
   * The obligations bundled with persistence-io.
   *
   * @throws IllegalStateException if the bundled resource is missing or invalid (a packaging defect)
   */
  public static ObligationCatalog bundled() {
    ObligationCatalog catalog = bundled;
    if (catalog == null) {
      catalog = Documents.bundled(BUNDLED_RESOURCE, root -> DOCUMENT.read(root).requireTiers());
      bundled = catalog;
    }
    return catalog;
  }

  /**
   * Reads a user's obligations, JSON or YAML by its extension.
   *
   * @param file the file
   * @throws dev.persistence.io.InvalidDocumentException naming the path of the problem
   */
  public static ObligationCatalog read(Path file) {
    return DOCUMENT.read(DocumentNode.read(file));
  }

  /**
   * Parses an obligations document.
   *
   * @param text the text
   * @param format JSON or YAML
   * @param documentName how errors name the document
   * @throws dev.persistence.io.InvalidDocumentException naming the path of the problem
   */
  public static ObligationCatalog parse(String text, DocumentFormat format, String documentName) {
    JsonNode json = Documents.parse(text, format, documentName);
    return DOCUMENT.read(DocumentNode.root(json, documentName));
  }

  /**
   * The document's JSON.
   *
   * @param catalog the obligations
   */
  public static JsonNode toJson(ObligationCatalog catalog) {
    return DOCUMENT.write(catalog);
  }

  /**
   * The document's root schema ({@code obligations.schema.json}).
   *
   * @param definitions where the items' definitions are registered
   */
  public static ObjectNode schema(SchemaDefinitions definitions) {
    return DOCUMENT.fragment(definitions);
  }
}
