package dev.persistence.io.money;

import dev.persistence.costing.money.CloudPrice;
import dev.persistence.costing.money.ImmutableCloudPrice;
import dev.persistence.costing.money.PricingTerm;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.persistence.io.energy.EnergyCodecs;
import static dev.persistence.io.document.ValueCodecs.FRACTION;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.TEXT;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.integer;
import static dev.persistence.io.document.ValueCodecs.longInteger;
import dev.persistence.costing.money.ImmutableOwnedCluster;
import dev.persistence.costing.money.OwnedCluster;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;

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
      ObjectCodec.builder(
              CloudPrice.class, "cloudPriceObject", CloudPrice::builder, ImmutableCloudPrice.Builder::build)
          .optional("name", TEXT)
          .describedAs("the price's name; default user")
          .required("usdPerAcceleratorHour", POSITIVE_NUMBER)
          .required("accelerator", NAME)
          .optional("term", enumeration(PricingTerm.class))
          .required(
              "asOf",
              ValueCodecs.date(node -> "expected a date as YYYY-MM-DD, got " + node.describe(), "a date, YYYY-MM-DD"))
          .required("source", NAME)
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
