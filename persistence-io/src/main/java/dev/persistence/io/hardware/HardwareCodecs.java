package dev.persistence.io.hardware;

import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.integer;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.hardware.ImmutableCluster;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.Codec;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.persistence.core.hardware.ImmutableAccelerator;
import dev.persistence.core.memory.Bytes;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.ObjectFields;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Codecs of hardware. An accelerator is written as one entry of the accelerator catalog (the same fields, units
 * and messages as {@link AcceleratorCatalog}: exact units on writing, any of the catalog's unit spellings on
 * reading). Clusters are in {@link dev.persistence.io.hardware.HardwareCodecs#cluster}.
 *
 * <pre>{@code
 * name: H100-SXM5-80GB
 * vendor: NVIDIA
 * densePeakTeraflopsPerSecond: {bf16: 989, fp8: 1979}
 * memoryGB: 80
 * memoryBandwidthTerabytesPerSecond: 3.35
 * thermalDesignPowerWatts: 700
 * source: NVIDIA H100 datasheet (2023)
 * }</pre>
 */
public final class HardwareCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HardwareCodecs() {}

  /** A string with a non-blank character (a name, a source). */
  private static final Codec<String> NON_BLANK =
      ValueCodecs.composed(
          node -> {
            String text = node.asText();
            if (text.isBlank()) {
              throw node.error("expected a non-blank string, got " + node.describe());
            }
            return text;
          },
          TextNode::valueOf,
          definitions -> NODES.objectNode().put("type", "string").put("minLength", 1));

  /** A count of bytes {@code > 0}. */
  private static final Codec<Long> POSITIVE_LONG =
      ValueCodecs.composed(
          DocumentNode::asLong,
          NODES::numberNode,
          definitions -> NODES.objectNode().put("type", "integer").put("exclusiveMinimum", 0));

  /**
   * A number {@code > 0} and below {@code limit}, the most that converts to a {@code long} count of bytes.
   *
   * @param limit the bound
   * @param limitText the bound as the message writes it
   */
  private static Codec<Double> below(double limit, String limitText) {
    return ValueCodecs.composed(
        node -> {
          double value = node.asDouble();
          if (!(value < limit)) {
            throw node.error("expected a number < " + limitText + ", got " + node.describe());
          }
          return value;
        },
        NODES::numberNode,
        POSITIVE_NUMBER::schema);
  }

  /**
   * Dense peaks keyed by numeric format ({@code bf16: 989}), read in {@code unit} FLOP/s and written in FLOP/s by
   * format, in the formats' order.
   *
   * @param unit FLOP/s per unit read
   * @param description the schema's description
   */
  private static Codec<Map<NumericFormat, Double>> peaks(double unit, String description) {
    return ValueCodecs.composed(
        node -> {
          ObjectFields fields = node.fields();
          Map<NumericFormat, Double> peaks = new EnumMap<>(NumericFormat.class);
          Iterator<String> keys = node.json().fieldNames();
          while (keys.hasNext()) {
            String key = keys.next();
            Optional<DocumentNode> peak = fields.optional(key);
            if (peak.isPresent()) {
              NumericFormat format = peak.get().build(() -> NumericFormat.parse(key));
              peaks.put(format, peak.get().asDouble() * unit);
            }
          }
          return peaks;
        },
        peaks -> {
          ObjectNode out = NODES.objectNode();
          new EnumMap<>(peaks).forEach((format, flops) -> out.put(format.key(), flops / unit));
          return out;
        },
        definitions -> {
          ObjectNode out = NODES.objectNode().put("type", "object").put("description", description);
          ObjectNode formats = out.putObject("properties");
          for (NumericFormat format : NumericFormat.values()) {
            formats.set(format.key(), POSITIVE_NUMBER.schema(definitions));
          }
          return out.put("additionalProperties", false).put("minProperties", 1);
        });
  }

  /** One accelerator, in the catalog's entry format: a table whose unit spellings are read-only fields. */
  public static final Codec<Accelerator> ACCELERATOR =
      ObjectCodec.builder(Accelerator.class, "accelerator", Accelerator::builder, ImmutableAccelerator.Builder::build)
          .description(
              "One accelerator; also the format of a single accelerator document (HardwareCodecs.ACCELERATOR).")
          .required("name", NON_BLANK)
          .optional("aliases", ValueCodecs.list(ValueCodecs.TEXT), Accelerator::aliases,
              ImmutableAccelerator.Builder::addAllAliases)
          .optional("vendor", ValueCodecs.TEXT)
          .optionalIfSet("densePeakTeraflopsPerSecond", peaks(1e12, "dense peak by numeric format, in 10^12 FLOP/s"),
              a -> Optional.empty(), ImmutableAccelerator.Builder::putAllDensePeakFlopsPerSecond)
          .optional("densePeakFlopsPerSecond", peaks(1, "dense peak by numeric format, in FLOP/s"),
              Accelerator::densePeakFlopsPerSecond, ImmutableAccelerator.Builder::putAllDensePeakFlopsPerSecond)
          .optional("memoryBytes", POSITIVE_LONG, Accelerator::memoryBytes, (b, bytes) -> b.memoryBytes(bytes))
          .optionalIfSet("memoryGB", below(9.2e9, "9.2e9"), a -> Optional.empty(),
              (b, gigabytes) -> b.memoryBytes(Bytes.fromGigabytes(gigabytes)))
          .describedAs("10^9 bytes")
          .optionalIfSet("memoryGiB", below(8.5e9, "8.5e9"), a -> Optional.empty(),
              (b, gibibytes) -> b.memoryBytes(Bytes.fromGibibytes(gibibytes)))
          .describedAs("2^30 bytes")
          .optionalIfSet("memoryBandwidthTerabytesPerSecond", POSITIVE_NUMBER, a -> Optional.empty(),
              (b, terabytes) -> b.memoryBandwidthBytesPerSecond(terabytes * 1e12))
          .describedAs("10^12 B/s")
          .optional("memoryBandwidthBytesPerSecond", POSITIVE_NUMBER, Accelerator::memoryBandwidthBytesPerSecond,
              (b, bandwidth) -> b.memoryBandwidthBytesPerSecond(bandwidth))
          .optional("thermalDesignPowerWatts", POSITIVE_NUMBER)
          .optional("powerLimitWatts", POSITIVE_NUMBER)
          .describedAs("a board power limit set below the TDP (nvidia-smi -pl); compute-bound kernels slow under it")
          .optionalIfSet("scaleUpGigabytesPerSecondPerDirection", POSITIVE_NUMBER, a -> Optional.empty(),
              (b, gigabytes) -> b.scaleUpBandwidthBytesPerSecondPerDirection(gigabytes * 1e9))
          .describedAs("10^9 B/s per direction")
          .optional("scaleUpBandwidthBytesPerSecondPerDirection", POSITIVE_NUMBER)
          .required("source", NON_BLANK)
          .optional("notes", ValueCodecs.TEXT)
          .exactlyOne(HardwareCodecs::subject, "densePeakTeraflopsPerSecond", "densePeakFlopsPerSecond")
          .exactlyOne(HardwareCodecs::subject, "memoryBytes", "memoryGB", "memoryGiB")
          .exactlyOne(
              HardwareCodecs::subject, "memoryBandwidthTerabytesPerSecond", "memoryBandwidthBytesPerSecond")
          .atMostOne(
              HardwareCodecs::subject,
              "scaleUpGigabytesPerSecondPerDirection",
              "scaleUpBandwidthBytesPerSecondPerDirection")
          .build();

  /** How a rule's message names the entry ({@code accelerator H100 needs exactly one of ...}). */
  private static String subject(DocumentNode entry) {
    return "accelerator " + entry.json().path("name").asText() + " ";
  }

  /**
   * Accelerators named in {@code catalog} (a string, looked up by name or alias) or written out in full (an
   * object in the entry format); a catalog accelerator is written as its name.
   *
   * @param catalog where names are looked up
   */
  public static Codec<Accelerator> namedOrInline(AcceleratorCatalog catalog) {
    return ValueCodecs.composed(
        node -> {
          if (node.json().isTextual()) {
            String name = node.asText();
            return node.build(() -> catalog.get(name));
          }
          if (!node.json().isObject()) {
            throw node.error("expected an accelerator's name or an accelerator object, got " + node.describe());
          }
          return ACCELERATOR.read(node);
        },
        accelerator -> {
          Optional<Accelerator> known = catalog.find(accelerator.name());
          if (known.isPresent() && known.get().equals(accelerator)) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(accelerator.name());
          }
          return ACCELERATOR.write(accelerator);
        },
        definitions -> {
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          out.putArray("oneOf")
              .add(
                  JsonNodeFactory.instance
                      .objectNode()
                      .put("type", "string")
                      .put("minLength", 1)
                      .put("description", "a name or alias in the bundled catalog or acceleratorCatalog"))
              .add(ACCELERATOR.schema(definitions));
          return out;
        });
  }

  /**
   * Clusters whose accelerator is named in {@code catalog} (an unknown name is an error listing the close names) or
   * written out in full in the catalog's entry format.
   *
   * @param catalog where accelerator names are looked up
   */
  public static Codec<Cluster> cluster(AcceleratorCatalog catalog) {
    return ObjectCodec.builder(Cluster.class, "cluster", Cluster::builder, ImmutableCluster.Builder::build)
        .required("accelerator", HardwareCodecs.namedOrInline(catalog))
        .required("acceleratorsPerNode", integer(1))
        .required("nodeCount", integer(1))
        .optional("scaleUpDomainSize", integer(1))
        .required("scaleOutBandwidthBytesPerSecondPerAccelerator", POSITIVE_NUMBER)
        .required("scaleOutLatencySeconds", NON_NEGATIVE_NUMBER)
        .optional("powerUsageEffectiveness", NUMBER)
        .optional("nodeOverheadPowerWatts", NON_NEGATIVE_NUMBER)
        .optional("powerLimitWatts", POSITIVE_NUMBER)
        .build();
  }
}
