package dev.persistence.cli;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The cluster options of {@code train} and {@code search}: how many accelerators and how they are connected. */
final class ClusterOptions {

  @Option(names = "--gpus", required = true, paramLabel = "N", description = "Accelerators to use.")
  int gpus;

  @Option(
      names = "--gpus-per-node",
      defaultValue = "8",
      paramLabel = "N",
      description = "Accelerators per node, which is also the scale-up (NVLink) domain (default 8).")
  int perNode;

  @Option(
      names = "--scale-out-gbps",
      paramLabel = "GBIT",
      description =
          "Scale-out bandwidth per accelerator, Gb/s one direction; default 200 (HDR InfiniBand) for A100, 400"
              + " (NDR) otherwise.")
  Double scaleOutGigabits;

  @Option(
      names = "--scale-out-latency-us",
      defaultValue = "5",
      paramLabel = "US",
      description = "Scale-out latency per message in microseconds (default 5).")
  double scaleOutLatencyMicroseconds;

  @Option(
      names = "--power-limit-w",
      paramLabel = "W",
      description =
          "Board power limit of every accelerator in watts (nvidia-smi --power-limit); below the TDP it slows"
              + " compute-bound kernels and lowers the energy. Default: the accelerator's.")
  Double powerLimitWatts;

  Cluster cluster(Accelerator accelerator) {
    checkArgument(gpus > 0, "--gpus (%s) must be > 0", gpus);
    checkArgument(perNode > 0, "--gpus-per-node (%s) must be > 0", perNode);
    double gigabits =
        scaleOutGigabits != null
            ? scaleOutGigabits
            : accelerator.name().toUpperCase(Locale.ROOT).startsWith("A100") ? 200 : 400;
    // The cluster's own limits, stated in the flags' units so that the message names what the user wrote.
    double minGigabits = Cluster.MIN_SCALE_OUT_BYTES_PER_SECOND * 8 / 1e9;
    double maxGigabits = Cluster.MAX_BYTES_PER_SECOND * 8 / 1e9;
    checkArgument(
        gigabits >= minGigabits && gigabits <= maxGigabits,
        "--scale-out-gbps (%s) must be in [%s, %s]",
        gigabits,
        minGigabits,
        maxGigabits);
    double maxMicroseconds = Cluster.MAX_SCALE_OUT_LATENCY_SECONDS * 1e6;
    checkArgument(
        scaleOutLatencyMicroseconds >= 0 && scaleOutLatencyMicroseconds <= maxMicroseconds,
        "--scale-out-latency-us (%s) must be in [0, %s]",
        scaleOutLatencyMicroseconds,
        maxMicroseconds);
    // Whole nodes only: rounding the node count up would plan on more accelerators than --gpus asks for.
    checkArgument(
        gpus <= perNode || gpus % perNode == 0,
        "--gpus (%s) must be at most --gpus-per-node (%s) or a multiple of it",
        gpus,
        perNode);
    checkArgument(
        powerLimitWatts == null || powerLimitWatts > 0 && powerLimitWatts <= Accelerator.MAX_POWER_WATTS,
        "--power-limit-w (%s) must be in (0, %s]",
        powerLimitWatts,
        Accelerator.MAX_POWER_WATTS);
    var cluster = Cluster.builder();
    if (powerLimitWatts != null) {
      cluster.powerLimitWatts(powerLimitWatts);
    }
    return cluster
        .accelerator(accelerator)
        .acceleratorsPerNode(Math.min(perNode, gpus))
        .nodeCount(gpus <= perNode ? 1 : gpus / perNode)
        .scaleUpDomainSize(Math.min(perNode, gpus))
        .scaleOutBandwidthBytesPerSecondPerAccelerator(gigabits * 1e9 / 8)
        .scaleOutLatencySeconds(scaleOutLatencyMicroseconds * 1e-6)
        .build();
  }
}
