package dev.persistence.io.money;

import static dev.persistence.io.document.ValueCodecs.INTEGER;
import static dev.persistence.io.document.ValueCodecs.list;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.costing.energy.CarbonAccounting;
import dev.persistence.costing.energy.GridIntensity;
import dev.persistence.costing.money.CloudPrice;
import dev.persistence.costing.money.PricingTerm;
import dev.persistence.costing.plan.ImmutablePlannedPhase;
import dev.persistence.costing.plan.OwnedEconomics;
import dev.persistence.costing.plan.PlannedPhase;
import dev.persistence.costing.plan.ServingPlan;
import dev.persistence.costing.plan.Target;
import dev.persistence.costing.plan.TargetMetric;
import dev.persistence.costing.program.Milestone;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.costing.program.Role;
import dev.persistence.costing.training.Goodput;
import dev.persistence.costing.uncertainty.Constant;
import dev.persistence.costing.uncertainty.Distribution;
import dev.persistence.costing.uncertainty.LogNormal;
import dev.persistence.costing.uncertainty.LogUniform;
import dev.persistence.costing.uncertainty.Normal;
import dev.persistence.costing.uncertainty.Scenarios;
import dev.persistence.costing.uncertainty.Triangular;
import dev.persistence.costing.uncertainty.Uniform;
import dev.persistence.io.document.ObjectCodec.Values;
import dev.persistence.io.document.Suggestions;
import dev.persistence.io.posttraining.PostTrainingCodecs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
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

  private static final Codec<CloudPrice> CLOUD_PRICE_OBJECT =
      ObjectCodec.components(
              CloudPrice.class,
              "cloudPriceObject",
              (Values v) ->
                  new CloudPrice(
                      v.get("name", "user"),
                      v.get("accelerator"),
                      v.<Double>get("usdPerAcceleratorHour"),
                      v.get("term", PricingTerm.ON_DEMAND),
                      v.get("asOf"),
                      v.get("source"),
                      true))
          .optional("name", TEXT, CloudPrice::name)
          .describedAs("the price's name; default user")
          .required("usdPerAcceleratorHour", POSITIVE_NUMBER, CloudPrice::usdPerAcceleratorHour)
          .required("accelerator", NAME, CloudPrice::accelerator)
          .optional("term", enumeration(PricingTerm.class), CloudPrice::term)
          .required(
              "asOf",
              ValueCodecs.date(node -> "expected a date as YYYY-MM-DD, got " + node.describe(), "a date, YYYY-MM-DD"),
              CloudPrice::asOf)
          .required("source", NAME, CloudPrice::source)
          .build();

  /** A cloud price: a preset's name, or {@code {usdPerAcceleratorHour, accelerator, term, asOf, source}}. */
  public static final Codec<CloudPrice> CLOUD_PRICE =
      ValueCodecs.namedOrObject(
          "cloudPrice",
          () -> CloudPrice.presets().stream().map(CloudPrice::name).collect(Collectors.toList()),
          "a cloud price preset's name",
          CloudPrice::preset,
          price -> CloudPrice.presets().contains(price) ? Optional.of(price.name()) : Optional.empty(),
          CLOUD_PRICE_OBJECT);
}
