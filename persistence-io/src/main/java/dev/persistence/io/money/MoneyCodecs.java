package dev.persistence.io.money;

import dev.persistence.io.energy.EnergyCodecs;
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
 * Codecs of money inputs ({@code dev.persistence.costing.money}): owned clusters. Field names carry the unit
 * ({@code capitalUsdPerAccelerator}).
 */
public final class MoneyCodecs {
  private MoneyCodecs() {}

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
          .required("power", EnergyCodecs.POWER_MODEL)
          .required("operationsStaffUsdPerYear", NON_NEGATIVE_NUMBER)
          .build();
}
