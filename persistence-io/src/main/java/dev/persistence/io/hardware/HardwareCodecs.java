package dev.persistence.io.hardware;

import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.integer;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.hardware.ImmutableCluster;
import dev.persistence.core.parallelism.ImmutableParallelismPlan.Builder;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.hardware.HardwareCodecs;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.Codec;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
  private HardwareCodecs() {}

  /** One accelerator, in the catalog's entry format. */
  public static final Codec<Accelerator> ACCELERATOR =
      ValueCodecs.composed(
          node -> {
            if (!node.json().isObject()) {
              throw node.error("expected an accelerator object, got " + node.describe());
            }
            return AcceleratorCatalog.readEntry(node);
          },
          AcceleratorCatalog::toJson,
          AcceleratorCatalog::entrySchema);

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
