package dev.persistence.io.energy;

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
 * Codecs of energy inputs ({@code dev.persistence.costing.energy}): power models.
 *
 * <pre>{@code
 * power: {acceleratorTdpWatts: 700, tdpFraction: 1.0, serverToChipPowerRatio: 1.82,
 *         powerUsageEffectiveness: 1.14, source: Epoch AI power formula}
 * }</pre>
 */
public final class EnergyCodecs {
  private EnergyCodecs() {}

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
}
