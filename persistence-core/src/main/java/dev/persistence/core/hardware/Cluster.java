package dev.persistence.core.hardware;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * A training or serving cluster: {@code nodeCount} nodes of {@code acceleratorsPerNode} accelerators, grouped
 * into scale-up domains (NVLink within an HGX node, an NVL72 rack, a TPU ICI slice) joined by a scale-out network
 * (InfiniBand, RoCE, DCN), with the power overheads costing needs.
 */
@Value.Immutable
public abstract class Cluster {

  /** Returns a new builder. */
  public static ImmutableCluster.Builder builder() {
    return ImmutableCluster.builder();
  }

  /** The accelerator every node carries. */
  public abstract Accelerator accelerator();

  /** Accelerators per node (host): 8 on an HGX H100, 4 on a GB200 compute tray. */
  public abstract int acceleratorsPerNode();

  /** Nodes in the cluster. */
  public abstract int nodeCount();

  /**
   * Accelerators that share the scale-up fabric at the accelerator's scale-up bandwidth: 8 for HGX H100, 72 for
   * GB200 NVL72; defaults to {@link #acceleratorsPerNode()}.
   */
  @Value.Default
  public int scaleUpDomainSize() {
    return acceleratorsPerNode();
  }

  /** Scale-out network bandwidth per accelerator, one direction, in bytes per second (400 Gb/s NIC = 50e9). */
  public abstract double scaleOutBandwidthBytesPerSecondPerAccelerator();

  /** Scale-out network latency per message, in seconds. */
  public abstract double scaleOutLatencySeconds();

  /**
   * Power usage effectiveness: facility power over IT power (The Green Grid, PUE: A Comprehensive Examination of
   * the Metric, White Paper 49, 2012); {@code >= 1}, 1.0 by default (no facility overhead).
   */
  @Value.Default
  public double powerUsageEffectiveness() {
    return 1.0;
  }

  /**
   * IT power of each node beyond its accelerators (CPUs, memory, NICs, fans, switches' share), in watts; 0 by
   * default.
   */
  @Value.Default
  public double nodeOverheadPowerWatts() {
    return 0.0;
  }

  /**
   * A board power limit every accelerator of the cluster runs under ({@code nvidia-smi --power-limit}), in
   * watts, overriding the accelerator's own {@link Accelerator#powerLimitWatts()}: the same chip is run at 500 W
   * in one fleet and at its 700 W TDP in another (TorchTitan's benchmark tables on Meta's Grand Teton H100s,
   * pytorch/torchtitan benchmarks/llama3_h100_202412_torchtitan.md: "We used the default 500W power limit,
   * although tuning it up to 700W TDP can potentially provide further speedups"). Empty: the accelerator's.
   */
  public abstract OptionalDouble powerLimitWatts();

  /**
   * The fraction of the TDP each board may draw: the cluster's {@link #powerLimitWatts()} (else the
   * accelerator's) over the accelerator's TDP, capped at 1; 1 without a limit or without a TDP.
   */
  public double powerLimitFraction() {
    if (powerLimitWatts().isEmpty()) {
      return accelerator().powerLimitFraction();
    }
    if (accelerator().thermalDesignPowerWatts().isEmpty()) {
      return 1;
    }
    return Math.min(1, powerLimitWatts().getAsDouble() / accelerator().thermalDesignPowerWatts().getAsDouble());
  }

  /**
   * The slowest scale-out bandwidth accepted, 10^6 B/s (8 Mbit/s, a thousandth of the slowest data-centre NIC):
   * below it a step takes years, and a subnormal bandwidth would make it infinite. A range limit, no source.
   */
  public static final double MIN_SCALE_OUT_BYTES_PER_SECOND = 1e6;

  /** The fastest bandwidth accepted, 10^15 B/s (8 Pbit/s, a thousand times NVLink 5). A range limit. */
  public static final double MAX_BYTES_PER_SECOND = 1e15;

  /** The longest scale-out latency accepted, 1 s (RDMA latencies are microseconds). A range limit. */
  public static final double MAX_SCALE_OUT_LATENCY_SECONDS = 1;

  /** The largest PUE accepted (real facilities are 1.05 to 2). A range limit. */
  public static final double MAX_POWER_USAGE_EFFECTIVENESS = 10;

  /**
   * Checks the rules of a valid {@code Cluster} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("acceleratorsPerNode", acceleratorsPerNode());
    Checks.positive("nodeCount", nodeCount());
    Checks.positive("scaleUpDomainSize", scaleUpDomainSize());
    checkArgument(
        scaleUpDomainSize() % acceleratorsPerNode() == 0 || acceleratorsPerNode() % scaleUpDomainSize() == 0,
        "scaleUpDomainSize (%s) must be a multiple or a divisor of acceleratorsPerNode (%s)",
        scaleUpDomainSize(),
        acceleratorsPerNode());
    Checks.positive("scaleOutBandwidthBytesPerSecondPerAccelerator", scaleOutBandwidthBytesPerSecondPerAccelerator());
    Checks.nonNegative("scaleOutLatencySeconds", scaleOutLatencySeconds());
    Checks.count("powerUsageEffectiveness", powerUsageEffectiveness());
    Checks.nonNegative("nodeOverheadPowerWatts", nodeOverheadPowerWatts());
    checkArgument(
        scaleOutBandwidthBytesPerSecondPerAccelerator() >= MIN_SCALE_OUT_BYTES_PER_SECOND
            && scaleOutBandwidthBytesPerSecondPerAccelerator() <= MAX_BYTES_PER_SECOND,
        "scaleOutBandwidthBytesPerSecondPerAccelerator (%s) must be in [%s, %s]",
        scaleOutBandwidthBytesPerSecondPerAccelerator(),
        MIN_SCALE_OUT_BYTES_PER_SECOND,
        MAX_BYTES_PER_SECOND);
    checkArgument(
        scaleOutLatencySeconds() <= MAX_SCALE_OUT_LATENCY_SECONDS,
        "scaleOutLatencySeconds (%s) must be <= %s",
        scaleOutLatencySeconds(),
        MAX_SCALE_OUT_LATENCY_SECONDS);
    checkArgument(
        powerUsageEffectiveness() <= MAX_POWER_USAGE_EFFECTIVENESS,
        "powerUsageEffectiveness (%s) must be <= %s",
        powerUsageEffectiveness(),
        MAX_POWER_USAGE_EFFECTIVENESS);
    powerLimitWatts()
        .ifPresent(
            watts ->
                checkArgument(
                    watts > 0 && watts <= Accelerator.MAX_POWER_WATTS,
                    "powerLimitWatts (%s) must be > 0 and <= %s",
                    watts,
                    Accelerator.MAX_POWER_WATTS));
    checkArgument(
        nodeOverheadPowerWatts() <= Accelerator.MAX_POWER_WATTS,
        "nodeOverheadPowerWatts (%s) must be <= %s",
        nodeOverheadPowerWatts(),
        Accelerator.MAX_POWER_WATTS);
  }

  /**
   * Accelerators in the cluster, {@code nodeCount x acceleratorsPerNode}. A {@code long}, as every count of
   * accelerators in core is ({@link dev.persistence.core.parallelism.ParallelismPlan#acceleratorCount()}): the
   * product of two {@code int}s can exceed one. Calculators whose degrees are {@code int}s take an {@code int}
   * count; pass {@code Math.toIntExact(cluster.acceleratorCount())}, which throws rather than wraps.
   */
  public long acceleratorCount() {
    return (long) nodeCount() * acceleratorsPerNode();
  }

  /**
   * IT power of the whole cluster at the accelerators' TDP (or the board power limit below it,
   * {@link #powerLimitFraction()}) plus node overheads, in watts, before PUE.
   *
   * @throws IllegalArgumentException if the accelerator has no TDP
   */
  public double itPowerWatts() {
    checkArgument(
        accelerator().thermalDesignPowerWatts().isPresent(),
        "accelerator %s has no thermalDesignPowerWatts",
        accelerator().name());
    return acceleratorCount() * accelerator().thermalDesignPowerWatts().getAsDouble() * powerLimitFraction()
        + (double) nodeCount() * nodeOverheadPowerWatts();
  }

  /** Facility power, {@link #itPowerWatts()} times PUE, in watts. */
  public double facilityPowerWatts() {
    return itPowerWatts() * powerUsageEffectiveness();
  }
}
