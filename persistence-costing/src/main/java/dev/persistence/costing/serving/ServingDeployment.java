package dev.persistence.costing.serving;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.check.Checks;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.WeightFormat;
import org.immutables.value.Value;

/**
 * One model replica served on {@link #tensorParallel()} accelerators: the model, the chip, the weight and cache
 * formats, the format its matrix multiplications run in, the fraction of peak compute and bandwidth the engine
 * reaches, and the price of an accelerator-hour.
 */
@Value.Immutable
public abstract class ServingDeployment {

  /** Returns a new builder. */
  public static ImmutableServingDeployment.Builder builder() {
    return ImmutableServingDeployment.builder();
  }

  /** The model. */
  public abstract Architecture architecture();

  /** The chip. */
  public abstract Accelerator accelerator();

  /** Accelerators of one replica (tensor-parallel ranks); 1 by default. */
  @Value.Default
  public int tensorParallel() {
    return 1;
  }

  /** How weights are stored; bf16 by default. */
  @Value.Default
  public WeightFormat weightFormat() {
    return WeightFormat.BF16;
  }

  /** The key/value cache's element format; bf16 by default. */
  @Value.Default
  public NumericFormat cacheFormat() {
    return NumericFormat.BF16;
  }

  /** The format whose dense peak bounds compute; bf16 by default. */
  @Value.Default
  public NumericFormat computeFormat() {
    return NumericFormat.BF16;
  }

  /**
   * Fraction of the dense peak the engine's kernels reach, in (0, 1]; 1 by default (the pure roofline bound).
   */
  @Value.Default
  public double computeEfficiency() {
    return 1.0;
  }

  /** Fraction of the memory bandwidth the engine reaches, in (0, 1]; 1 by default (the pure roofline bound). */
  @Value.Default
  public double bandwidthEfficiency() {
    return 1.0;
  }

  /** Memory lost to workspaces and fragmentation; the project's assumed default. */
  @Value.Default
  public MemoryAllowance allowance() {
    return MemoryAllowance.ASSUMED_DEFAULT;
  }

  /** Price of one accelerator-hour, US dollars. */
  public abstract double usdPerAcceleratorHour();

  /**
   * Checks the rules of a valid {@code ServingDeployment} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("tensorParallel", tensorParallel());
    Checks.positiveFraction("computeEfficiency", computeEfficiency());
    Checks.positiveFraction("bandwidthEfficiency", bandwidthEfficiency());
    // At least 1 MB/s of memory bandwidth and 1 MFLOP/s a rank (Cluster.MIN_SCALE_OUT_BYTES_PER_SECOND's
    // floor): below them a step takes longer than any plan and its time stops being finite.
    dev.persistence.core.check.Checks.check(
        rankBandwidthBytesPerSecond() >= 1e6,
        "bandwidthEfficiency",
        bandwidthEfficiency(),
        "x memoryBandwidthBytesPerSecond (" + accelerator().memoryBandwidthBytesPerSecond()
            + ") must give at least 1e6 B/s");
    dev.persistence.core.check.Checks.check(
        accelerator().densePeakFlopsPerSecond(computeFormat()) * computeEfficiency() >= 1e6,
        "computeEfficiency",
        computeEfficiency(),
        "x the dense " + computeFormat().key() + " peak (" + accelerator().densePeakFlopsPerSecond(computeFormat())
            + " FLOP/s) must give at least 1e6 FLOP/s");
    Checks.nonNegative("usdPerAcceleratorHour", usdPerAcceleratorHour());
    dev.persistence.core.check.Checks.inRange(
        "usdPerAcceleratorHour", usdPerAcceleratorHour(), 0, dev.persistence.core.exact.Amounts.MAX_USD);
    // Fails early, naming the chip and format, when the chip has no peak in the compute format.
    accelerator().densePeakFlopsPerSecond(computeFormat());
  }

  /** Achievable compute of the whole replica, FLOP/s. */
  public double replicaFlopsPerSecond() {
    return tensorParallel() * accelerator().densePeakFlopsPerSecond(computeFormat()) * computeEfficiency();
  }

  /** Achievable bandwidth of one rank, bytes per second. */
  public double rankBandwidthBytesPerSecond() {
    return accelerator().memoryBandwidthBytesPerSecond() * bandwidthEfficiency();
  }

  /** Price of the replica per hour, US dollars. */
  public double replicaUsdPerHour() {
    return tensorParallel() * usdPerAcceleratorHour();
  }
}
