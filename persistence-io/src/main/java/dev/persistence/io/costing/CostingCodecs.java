package dev.persistence.io.costing;

import static dev.persistence.io.document.ValueCodecs.FRACTION;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.TEXT;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.integer;
import static dev.persistence.io.document.ValueCodecs.longInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.CalibrationParameter;
import dev.persistence.costing.energy.PowerModel;
import dev.persistence.costing.money.ImmutableOwnedCluster;
import dev.persistence.costing.money.OwnedCluster;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.regulation.ThresholdStatus;
import dev.persistence.costing.serving.ImmutableServingDeployment;
import dev.persistence.costing.serving.ServingDeployment;
import dev.persistence.costing.serving.ServingWorkload;
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.hardware.HardwareCodecs;
import dev.persistence.io.precision.PrecisionCodecs;
import java.util.EnumMap;
import java.util.Map;

/**
 * Codecs of costing inputs. Field names are the accessors' names, with the unit in the name ({@code
 * capitalUsdPerAccelerator}, {@code acceleratorTdpWatts}); enums are kebab-case.
 *
 * <pre>{@code
 * acceleratorCount: 16384
 * acceleratorsPerNode: 8
 * capitalUsdPerAccelerator: 30000
 * capitalUsdPerNode: 60000
 * networkingAndStorageFraction: 0.25
 * amortisationYears: 4
 * utilisation: 0.8
 * powerPriceUsdPerKilowattHour: 0.08
 * power: {acceleratorTdpWatts: 700, tdpFraction: 1.0, serverToChipPowerRatio: 1.82,
 *         powerUsageEffectiveness: 1.14, source: Epoch AI power formula}
 * operationsStaffUsdPerYear: 5.0e6
 * }</pre>
 */
public final class CostingCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CostingCodecs() {}

  /** Power models: TDP, the fraction drawn, server-to-chip ratio, PUE and a source. */
  public static final Codec<PowerModel> POWER_MODEL =
      ObjectCodec.components(
              PowerModel.class,
              "powerModel",
              v ->
                  new PowerModel(
                      v.<Double>get("acceleratorTdpWatts"),
                      v.<Double>get("tdpFraction"),
                      v.<Double>get("serverToChipPowerRatio"),
                      v.<Double>get("powerUsageEffectiveness"),
                      v.get("source")))
          .required("acceleratorTdpWatts", POSITIVE_NUMBER)
          .required("tdpFraction", FRACTION)
          .required("serverToChipPowerRatio", NUMBER)
          .required("powerUsageEffectiveness", NUMBER)
          .required("source", NAME)
          .build();

  /** Owned clusters: capital, amortisation, utilisation, power and staff; every field required. */
  public static final Codec<OwnedCluster> OWNED_CLUSTER =
      ObjectCodec.builder(OwnedCluster.class, "ownedCluster", OwnedCluster::builder, ImmutableOwnedCluster.Builder::build)
          .required("acceleratorCount", longInteger(1))
          .required("acceleratorsPerNode", integer(1))
          .required("capitalUsdPerAccelerator", NON_NEGATIVE_NUMBER)
          .required("capitalUsdPerNode", NON_NEGATIVE_NUMBER)
          .required("networkingAndStorageFraction", NON_NEGATIVE_NUMBER)
          .required("amortisationYears", POSITIVE_NUMBER)
          .required("utilisation", FRACTION)
          .required("powerPriceUsdPerKilowattHour", NON_NEGATIVE_NUMBER)
          .required("power", POWER_MODEL)
          .required("operationsStaffUsdPerYear", NON_NEGATIVE_NUMBER)
          .build();

  /** Serving workloads: {@code promptTokens} and {@code outputTokens} per request. */
  public static final Codec<ServingWorkload> SERVING_WORKLOAD =
      ObjectCodec.components(
              ServingWorkload.class,
              "servingWorkload",
              v -> new ServingWorkload(v.<Long>get("promptTokens"), v.<Long>get("outputTokens")))
          .required("promptTokens", longInteger(0))
          .required("outputTokens", longInteger(0))
          .build();

  /**
   * Serving deployments: an {@code architecture}, an {@code accelerator} (a name in {@code catalog} or a full
   * entry), {@code usdPerAcceleratorHour}, and optional {@code tensorParallel} (1), {@code weightFormat} (bf16),
   * {@code cacheFormat} (bf16), {@code computeFormat} (bf16), {@code computeEfficiency} (1), {@code
   * bandwidthEfficiency} (1) and {@code allowance} (assumed-default).
   *
   * @param catalog where accelerator names are looked up
   */
  public static Codec<ServingDeployment> servingDeployment(AcceleratorCatalog catalog) {
    return ObjectCodec.builder(
            ServingDeployment.class,
            "servingDeployment",
            ServingDeployment::builder,
            ImmutableServingDeployment.Builder::build)
        .required("architecture", ArchitectureCodecs.ARCHITECTURE)
        .required("accelerator", HardwareCodecs.namedOrInline(catalog))
        .optional("tensorParallel", integer(1))
        .optional("weightFormat", PrecisionCodecs.WEIGHT_FORMAT)
        .optional("cacheFormat", PrecisionCodecs.NUMERIC_FORMAT)
        .optional("computeFormat", PrecisionCodecs.NUMERIC_FORMAT)
        .optional("computeEfficiency", FRACTION)
        .optional("bandwidthEfficiency", FRACTION)
        .optional("allowance", PrecisionCodecs.MEMORY_ALLOWANCE)
        .required("usdPerAcceleratorHour", NON_NEGATIVE_NUMBER)
        .build();
  }

  /**
   * Compute thresholds: {@code id name trainingFlops whatCounts source date} (ISO {@code 2024-06-13}), {@code
   * status} ({@code in-force} or {@code historical}) and {@code note}.
   */
  public static final Codec<ComputeThreshold> COMPUTE_THRESHOLD =
      ObjectCodec.components(
              ComputeThreshold.class,
              "computeThreshold",
              v ->
                  new ComputeThreshold(
                      v.get("id"),
                      v.get("name"),
                      v.<Double>get("trainingFlops"),
                      v.get("whatCounts"),
                      v.get("source"),
                      v.get("date"),
                      v.get("status"),
                      v.get("note", "")))
          .required("id", NAME)
          .required("name", NAME)
          .required("trainingFlops", POSITIVE_NUMBER)
          .required("whatCounts", NAME)
          .required("source", NAME)
          .required("date", ValueCodecs.DATE)
          .required("status", enumeration(ThresholdStatus.class))
          .optional("note", TEXT)
          .build();

  /**
   * Step-time calibrations, in {@link Calibration}'s own file format: {@code name}, optional {@code description}
   * and {@code parameters}, an object from each parameter's key ({@code gemmPeakEfficiency}, ...) to {@code
   * {value, source}}; every parameter is required and every value names its source.
   */
  public static final Codec<Calibration> CALIBRATION =
      new Codec<>() {
        @Override
        public Calibration read(DocumentNode node) {
          ObjectFields fields = node.fields();
          String name = fields.requiredText("name");
          String description = fields.optionalText("description").orElse("");
          DocumentNode parametersNode = fields.required("parameters");
          ObjectFields parameters = parametersNode.fields();
          Map<CalibrationParameter, Double> values = new EnumMap<>(CalibrationParameter.class);
          Map<CalibrationParameter, String> sources = new EnumMap<>(CalibrationParameter.class);
          // Unknown keys first, so that a misspelt key is named with its suggestion rather than reported missing.
          for (CalibrationParameter parameter : CalibrationParameter.values()) {
            parameters.allow(parameter.key());
          }
          parameters.finish();
          for (CalibrationParameter parameter : CalibrationParameter.values()) {
            ObjectFields body = parameters.required(parameter.key()).fields();
            values.put(parameter, body.requiredDouble("value"));
            DocumentNode sourceNode = body.required("source");
            String source = sourceNode.asText();
            if (source.isBlank()) {
              throw sourceNode.error("must not be blank: every number names its source");
            }
            sources.put(parameter, source);
            body.finish();
          }
          fields.finish();
          return node.build(() -> Calibration.of(name, description, values, sources));
        }

        @Override
        public JsonNode write(Calibration calibration) {
          ObjectNode out = NODES.objectNode();
          out.put("name", calibration.name());
          out.put("description", calibration.description());
          ObjectNode parameters = out.putObject("parameters");
          for (CalibrationParameter parameter : CalibrationParameter.values()) {
            parameters
                .putObject(parameter.key())
                .put("value", calibration.value(parameter))
                .put("source", calibration.source(parameter));
          }
          return out;
        }

        @Override
        public ObjectNode schema(SchemaDefinitions definitions) {
          return definitions.ref(
              "calibration",
              () -> {
                ObjectNode parameter = NODES.objectNode().put("type", "object");
                parameter.putObject("properties").set("value", NODES.objectNode().put("type", "number"));
                ((ObjectNode) parameter.get("properties"))
                    .set("source", NODES.objectNode().put("type", "string").put("minLength", 1));
                parameter.putArray("required").add("value").add("source");
                parameter.put("additionalProperties", false);
                ObjectNode parameters = NODES.objectNode().put("type", "object");
                ObjectNode each = parameters.putObject("properties");
                var required = parameters.putArray("required");
                for (CalibrationParameter key : CalibrationParameter.values()) {
                  each.set(key.key(), parameter.deepCopy());
                  required.add(key.key());
                }
                parameters.put("additionalProperties", false);
                ObjectNode out = NODES.objectNode().put("type", "object");
                ObjectNode properties = out.putObject("properties");
                properties.set("name", NODES.objectNode().put("type", "string").put("minLength", 1));
                properties.set("description", NODES.objectNode().put("type", "string"));
                properties.set("parameters", parameters);
                out.putArray("required").add("name").add("parameters");
                out.put("additionalProperties", false);
                return out;
              });
        }
      };
}
