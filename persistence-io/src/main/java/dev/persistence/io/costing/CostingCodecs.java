package dev.persistence.io.costing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.CalibrationParameter;
import dev.persistence.costing.energy.PowerModel;
import dev.persistence.costing.money.OwnedCluster;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.regulation.ThresholdStatus;
import dev.persistence.costing.serving.ServingDeployment;
import dev.persistence.costing.serving.ServingWorkload;
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.hardware.HardwareCodecs;
import dev.persistence.io.precision.PrecisionCodecs;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
      new Codec<>() {
        @Override
        public PowerModel read(DocumentNode node) {
          ObjectFields fields = node.fields();
          double tdp = fields.requiredDouble("acceleratorTdpWatts");
          double fraction = fields.requiredDouble("tdpFraction");
          double ratio = fields.requiredDouble("serverToChipPowerRatio");
          double pue = fields.requiredDouble("powerUsageEffectiveness");
          String source = fields.requiredText("source");
          fields.finish();
          return node.build(() -> new PowerModel(tdp, fraction, ratio, pue, source));
        }

        @Override
        public JsonNode write(PowerModel power) {
          ObjectNode out = NODES.objectNode();
          out.put("acceleratorTdpWatts", power.acceleratorTdpWatts());
          out.put("tdpFraction", power.tdpFraction());
          out.put("serverToChipPowerRatio", power.serverToChipPowerRatio());
          out.put("powerUsageEffectiveness", power.powerUsageEffectiveness());
          out.put("source", power.source());
          return out;
        }
      };

  /** Owned clusters: capital, amortisation, utilisation, power and staff; every field required. */
  public static final Codec<OwnedCluster> OWNED_CLUSTER =
      new Codec<>() {
        @Override
        public OwnedCluster read(DocumentNode node) {
          ObjectFields fields = node.fields();
          var builder =
              OwnedCluster.builder()
                  .acceleratorCount(fields.requiredLong("acceleratorCount"))
                  .acceleratorsPerNode(fields.requiredInt("acceleratorsPerNode"))
                  .capitalUsdPerAccelerator(fields.requiredDouble("capitalUsdPerAccelerator"))
                  .capitalUsdPerNode(fields.requiredDouble("capitalUsdPerNode"))
                  .networkingAndStorageFraction(fields.requiredDouble("networkingAndStorageFraction"))
                  .amortisationYears(fields.requiredDouble("amortisationYears"))
                  .utilisation(fields.requiredDouble("utilisation"))
                  .powerPriceUsdPerKilowattHour(fields.requiredDouble("powerPriceUsdPerKilowattHour"))
                  .power(fields.required("power", POWER_MODEL))
                  .operationsStaffUsdPerYear(fields.requiredDouble("operationsStaffUsdPerYear"));
          fields.finish();
          return node.build(builder::build);
        }

        @Override
        public JsonNode write(OwnedCluster cluster) {
          ObjectNode out = NODES.objectNode();
          out.put("acceleratorCount", cluster.acceleratorCount());
          out.put("acceleratorsPerNode", cluster.acceleratorsPerNode());
          out.put("capitalUsdPerAccelerator", cluster.capitalUsdPerAccelerator());
          out.put("capitalUsdPerNode", cluster.capitalUsdPerNode());
          out.put("networkingAndStorageFraction", cluster.networkingAndStorageFraction());
          out.put("amortisationYears", cluster.amortisationYears());
          out.put("utilisation", cluster.utilisation());
          out.put("powerPriceUsdPerKilowattHour", cluster.powerPriceUsdPerKilowattHour());
          out.set("power", POWER_MODEL.write(cluster.power()));
          out.put("operationsStaffUsdPerYear", cluster.operationsStaffUsdPerYear());
          return out;
        }
      };

  /** Serving workloads: {@code promptTokens} and {@code outputTokens} per request. */
  public static final Codec<ServingWorkload> SERVING_WORKLOAD =
      new Codec<>() {
        @Override
        public ServingWorkload read(DocumentNode node) {
          ObjectFields fields = node.fields();
          long prompt = fields.requiredLong("promptTokens");
          long output = fields.requiredLong("outputTokens");
          fields.finish();
          return node.build(() -> new ServingWorkload(prompt, output));
        }

        @Override
        public JsonNode write(ServingWorkload workload) {
          ObjectNode out = NODES.objectNode();
          out.put("promptTokens", workload.promptTokens());
          out.put("outputTokens", workload.outputTokens());
          return out;
        }
      };

  /**
   * Serving deployments: an {@code architecture}, an {@code accelerator} (a name in {@code catalog} or a full
   * entry), {@code usdPerAcceleratorHour}, and optional {@code tensorParallel} (1), {@code weightFormat} (bf16),
   * {@code cacheFormat} (bf16), {@code computeFormat} (bf16), {@code computeEfficiency} (1), {@code
   * bandwidthEfficiency} (1) and {@code allowance} (assumed-default).
   *
   * @param catalog where accelerator names are looked up
   */
  public static Codec<ServingDeployment> servingDeployment(AcceleratorCatalog catalog) {
    Codec<dev.persistence.core.hardware.Accelerator> accelerators = HardwareCodecs.namedOrInline(catalog);
    return new Codec<>() {
      @Override
      public ServingDeployment read(DocumentNode node) {
        ObjectFields fields = node.fields();
        var builder =
            ServingDeployment.builder()
                .architecture(fields.required("architecture", ArchitectureCodecs.ARCHITECTURE))
                .accelerator(fields.required("accelerator", accelerators))
                .usdPerAcceleratorHour(fields.requiredDouble("usdPerAcceleratorHour"));
        fields.optionalInt("tensorParallel").ifPresent(builder::tensorParallel);
        fields.optional("weightFormat", PrecisionCodecs.WEIGHT_FORMAT).ifPresent(builder::weightFormat);
        fields.optional("cacheFormat", PrecisionCodecs.NUMERIC_FORMAT).ifPresent(builder::cacheFormat);
        fields.optional("computeFormat", PrecisionCodecs.NUMERIC_FORMAT).ifPresent(builder::computeFormat);
        fields.optionalDouble("computeEfficiency").ifPresent(builder::computeEfficiency);
        fields.optionalDouble("bandwidthEfficiency").ifPresent(builder::bandwidthEfficiency);
        fields.optional("allowance", PrecisionCodecs.MEMORY_ALLOWANCE).ifPresent(builder::allowance);
        fields.finish();
        return node.build(builder::build);
      }

      @Override
      public JsonNode write(ServingDeployment deployment) {
        ObjectNode out = NODES.objectNode();
        out.set("architecture", ArchitectureCodecs.ARCHITECTURE.write(deployment.architecture()));
        out.set("accelerator", accelerators.write(deployment.accelerator()));
        out.put("tensorParallel", deployment.tensorParallel());
        out.set("weightFormat", PrecisionCodecs.WEIGHT_FORMAT.write(deployment.weightFormat()));
        out.set("cacheFormat", PrecisionCodecs.NUMERIC_FORMAT.write(deployment.cacheFormat()));
        out.set("computeFormat", PrecisionCodecs.NUMERIC_FORMAT.write(deployment.computeFormat()));
        out.put("computeEfficiency", deployment.computeEfficiency());
        out.put("bandwidthEfficiency", deployment.bandwidthEfficiency());
        out.set("allowance", PrecisionCodecs.MEMORY_ALLOWANCE.write(deployment.allowance()));
        out.put("usdPerAcceleratorHour", deployment.usdPerAcceleratorHour());
        return out;
      }
    };
  }

  /**
   * Compute thresholds: {@code id name trainingFlops whatCounts source date} (ISO {@code 2024-06-13}), {@code
   * status} ({@code in-force} or {@code historical}) and {@code note}.
   */
  public static final Codec<ComputeThreshold> COMPUTE_THRESHOLD =
      new Codec<>() {
        @Override
        public ComputeThreshold read(DocumentNode node) {
          ObjectFields fields = node.fields();
          String id = fields.requiredText("id");
          String name = fields.requiredText("name");
          double flops = fields.requiredDouble("trainingFlops");
          String whatCounts = fields.requiredText("whatCounts");
          String source = fields.requiredText("source");
          DocumentNode dateNode = fields.required("date");
          String dateText = dateNode.asText();
          LocalDate date;
          try {
            date = LocalDate.parse(dateText);
          } catch (DateTimeParseException e) {
            throw dateNode.error(dateNode.describe() + " is not a date; expected YYYY-MM-DD");
          }
          ThresholdStatus status = fields.requiredEnum("status", ThresholdStatus.class);
          String note = fields.optionalText("note").orElse("");
          fields.finish();
          return node.build(() -> new ComputeThreshold(id, name, flops, whatCounts, source, date, status, note));
        }

        @Override
        public JsonNode write(ComputeThreshold threshold) {
          ObjectNode out = NODES.objectNode();
          out.put("id", threshold.id());
          out.put("name", threshold.name());
          out.put("trainingFlops", threshold.trainingFlops());
          out.put("whatCounts", threshold.whatCounts());
          out.put("source", threshold.source());
          out.put("date", threshold.date().toString());
          out.put("status", EnumNames.kebabCase(threshold.status()));
          out.put("note", threshold.note());
          return out;
        }
      };

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
      };
}
