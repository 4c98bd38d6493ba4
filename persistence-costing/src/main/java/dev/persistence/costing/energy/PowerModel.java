package dev.persistence.costing.energy;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import java.util.Locale;

/**
 * Facility power drawn per accelerator while a job runs.
 *
 * <p>IT power per accelerator is the chip's draw, {@code TDP x tdpFraction}, plus the rest of its server (CPUs,
 * memory, NICs, fans, switches), {@code TDP x (serverToChipPowerRatio - 1)}; facility power multiplies by PUE:
 *
 * <pre>{@code watts = TDP x (tdpFraction + serverToChipPowerRatio - 1) x PUE}</pre>
 *
 * <p>With {@code tdpFraction = 1} this is Epoch AI's cluster power formula, {@code chip TDP x chips x system
 * overhead x PUE} (Epoch AI, GPU clusters documentation, "Estimating power requirements"; AI supercomputers
 * power trend data insight), whose system overhead of 1.82 comes from the NVIDIA DGX H100 (10.2 kW for 8 GPUs of
 * 700 W). The server overhead is held fixed when the chip draws less than TDP: CPUs, memory and network do not
 * idle because the GPUs are memory-bound.
 *
 * @param acceleratorTdpWatts the chip's thermal design power, W, {@code > 0}
 * @param tdpFraction average chip draw over TDP while the job runs, in (0, 1.5] (above 1 for boards that
 *     exceed TDP)
 * @param serverToChipPowerRatio server IT power over chip TDP, {@code >= 1}
 * @param powerUsageEffectiveness facility power over IT power (The Green Grid White Paper 49), {@code >= 1}
 * @param source where the figures come from
 */
public record PowerModel(
    double acceleratorTdpWatts,
    double tdpFraction,
    double serverToChipPowerRatio,
    double powerUsageEffectiveness,
    String source) {

  /** The largest server-to-chip ratio or PUE accepted (real ones are below 3). A range limit, no source. */
  public static final double MAX_RATIO = 10;

  /**
   * Epoch AI's system overhead, 1.82: NVIDIA DGX H100 system power 10.2 kW over 8 x 700 W GPUs (Epoch AI, GPU
   * clusters documentation, estimation of power requirements, and "AI supercomputers power trend", 2025).
   */
  public static final double EPOCH_SERVER_TO_CHIP_POWER_RATIO = 1.82;

  /**
   * 1.14: average PUE of specialised AI data centres in 2023, 0.29 below the 1.43 of all US data centres
   * (Shehabi et al. 2024, 2024 United States Data Center Energy Usage Report, LBNL, as used by Epoch AI).
   */
  public static final double EPOCH_AI_DATACENTER_PUE_2023 = 1.14;

  /**
   * Validates the model.
   *
   * @throws IllegalArgumentException if a value is outside its range or the source is blank
   */
  public PowerModel {
    Checks.positive("acceleratorTdpWatts", acceleratorTdpWatts);
    checkArgument(tdpFraction > 0 && tdpFraction <= 1.5, "tdpFraction (%s) must be in (0, 1.5]", tdpFraction);
    Checks.count("serverToChipPowerRatio", serverToChipPowerRatio);
    Checks.count("powerUsageEffectiveness", powerUsageEffectiveness);
    checkArgument(
        acceleratorTdpWatts <= Accelerator.MAX_POWER_WATTS,
        "acceleratorTdpWatts (%s) must be <= %s",
        acceleratorTdpWatts,
        Accelerator.MAX_POWER_WATTS);
    checkArgument(
        serverToChipPowerRatio <= MAX_RATIO && powerUsageEffectiveness <= MAX_RATIO,
        "serverToChipPowerRatio (%s) and powerUsageEffectiveness (%s) must be <= %s",
        serverToChipPowerRatio,
        powerUsageEffectiveness,
        MAX_RATIO);
    checkArgument(source != null && !source.isBlank(), "power model source must not be blank");
  }

  /**
   * Epoch AI's peak-power assumptions for {@code accelerator}: full TDP, system overhead 1.82, PUE 1.14.
   *
   * @param accelerator the chip
   * @throws IllegalArgumentException if the chip has no TDP
   */
  public static PowerModel epoch(Accelerator accelerator) {
    checkArgument(
        accelerator.thermalDesignPowerWatts().isPresent(),
        "accelerator %s has no thermalDesignPowerWatts",
        accelerator.name());
    return new PowerModel(
        accelerator.thermalDesignPowerWatts().getAsDouble(),
        1.0,
        EPOCH_SERVER_TO_CHIP_POWER_RATIO,
        EPOCH_AI_DATACENTER_PUE_2023,
        "Epoch AI power formula: TDP x 1.82 system overhead (DGX H100) x PUE 1.14 (Shehabi et al. 2024)");
  }

  /**
   * The power of a {@link Cluster}: its accelerator's TDP, its node overhead spread over the node's
   * accelerators, and its PUE. Under a board power limit ({@link Cluster#powerLimitFraction()}) the chip draws at
   * most the limit: the TDP fraction is capped there, since the driver holds the board's draw to it.
   *
   * @param cluster the cluster
   * @param tdpFraction average chip draw over TDP, in (0, 1.5]
   * @throws IllegalArgumentException if the accelerator has no TDP or {@code tdpFraction} is out of range
   */
  public static PowerModel of(Cluster cluster, double tdpFraction) {
    Accelerator accelerator = cluster.accelerator();
    checkArgument(
        accelerator.thermalDesignPowerWatts().isPresent(),
        "accelerator %s has no thermalDesignPowerWatts",
        accelerator.name());
    double tdp = accelerator.thermalDesignPowerWatts().getAsDouble();
    double ratio = 1 + cluster.nodeOverheadPowerWatts() / (cluster.acceleratorsPerNode() * tdp);
    double limit = cluster.powerLimitFraction();
    return new PowerModel(
        tdp,
        limit < 1 ? Math.min(tdpFraction, limit) : tdpFraction,
        ratio,
        cluster.powerUsageEffectiveness(),
        "cluster " + accelerator.name()
            + (limit < 1 ? String.format(Locale.ROOT, " at a %.0f W power limit", limit * tdp) : ""));
  }

  /** IT power per accelerator (chip and its share of the server), W. */
  public double itWattsPerAccelerator() {
    return acceleratorTdpWatts * (tdpFraction + serverToChipPowerRatio - 1);
  }

  /** Facility power per accelerator, IT power times PUE, W. */
  public double facilityWattsPerAccelerator() {
    return itWattsPerAccelerator() * powerUsageEffectiveness;
  }

  /** A copy with another PUE. */
  public PowerModel withPowerUsageEffectiveness(double pue) {
    return new PowerModel(acceleratorTdpWatts, tdpFraction, serverToChipPowerRatio, pue, source);
  }

  /** A copy with another TDP fraction. */
  public PowerModel withTdpFraction(double fraction) {
    return new PowerModel(acceleratorTdpWatts, fraction, serverToChipPowerRatio, powerUsageEffectiveness, source);
  }
}
