package dev.persistence.core.hardware;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.memory.Bytes;
import dev.persistence.core.precision.NumericFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One accelerator chip (a GPU, a TPU chip, a Gaudi card): dense peak throughput per number format, memory
 * capacity and bandwidth, power and scale-up link bandwidth, with the source of the figures.
 *
 * <p>Peaks are dense: never the 2:4 structured-sparsity figure NVIDIA prints beside them (which is twice the
 * dense one). Integer formats ({@link NumericFormat#INT8}) count integer operations per second. Memory is in
 * bytes; {@link #memoryGigabytes()} and {@link #memoryGibibytes()} show it in either unit. The bundled catalog
 * lives in {@code persistence-io} ({@code dev.persistence.io.catalog.AcceleratorCatalog}).
 */
@Value.Immutable
public abstract class Accelerator {

  /** Returns a new builder. */
  public static ImmutableAccelerator.Builder builder() {
    return ImmutableAccelerator.builder();
  }

  /** Catalog name ({@code H100-SXM5-80GB}). */
  public abstract String name();

  /** Other names this accelerator is found by ({@code H100}, {@code H100 SXM}). */
  public abstract List<String> aliases();

  /** Vendor ({@code NVIDIA}); empty when unknown. */
  @Value.Default
  public String vendor() {
    return "";
  }

  /** Dense peak throughput, FLOP/s (operations per second for integer formats), for each format it has. */
  public abstract Map<NumericFormat, Double> densePeakFlopsPerSecond();

  /** Memory (HBM) capacity, in bytes. */
  public abstract long memoryBytes();

  /** Memory bandwidth, in bytes per second. */
  public abstract double memoryBandwidthBytesPerSecond();

  /** Thermal design power (board or module power), in watts; empty when the vendor publishes none. */
  public abstract OptionalDouble thermalDesignPowerWatts();

  /**
   * The board power limit the accelerator runs under ({@code nvidia-smi --power-limit}), in watts, where it is
   * set below the {@link #thermalDesignPowerWatts() TDP}: Meta's Grand Teton H100s run at 500 W against the SXM
   * module's 700 W (TorchTitan benchmark tables, Liang et al. 2024, arXiv:2410.06511). Empty when the board runs
   * at its TDP. Under a limit the tensor cores cannot hold their boost clock through a long GEMM, so compute-bound
   * kernels slow while memory-bound ones barely do (the step-time model's {@code powerLimitClockExponent}).
   */
  public abstract OptionalDouble powerLimitWatts();

  /**
   * Scale-up (NVLink, Infinity Fabric, ICI) bandwidth per accelerator, one direction, in bytes per second;
   * empty when unknown. NVIDIA's "900 GB/s" NVLink 4 figure is both directions: 450 GB/s here.
   */
  public abstract OptionalDouble scaleUpBandwidthBytesPerSecondPerDirection();

  /** Where the figures come from. */
  public abstract String source();

  /** Choices made where sources conflict, and other caveats; empty when none. */
  @Value.Default
  public String notes() {
    return "";
  }

  /**
   * The most power accepted for one accelerator or one node's overhead, 10^7 W (ten megawatts, some ten
   * thousand times a B200's TDP): past it, facility power and energy stop being finite numbers. A range limit.
   */
  public static final double MAX_POWER_WATTS = 1e7;

  /**
   * Checks the rules of a valid {@code Accelerator} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    checkArgument(!name().isBlank(), "name must not be blank");
    checkArgument(memoryBytes() > 0, "memoryBytes (%s) must be > 0 for %s", memoryBytes(), name());
    checkArgument(
        memoryBandwidthBytesPerSecond() > 0 && Double.isFinite(memoryBandwidthBytesPerSecond()),
        "memoryBandwidthBytesPerSecond (%s) must be finite and > 0 for %s",
        memoryBandwidthBytesPerSecond(),
        name());
    checkArgument(!densePeakFlopsPerSecond().isEmpty(), "densePeakFlopsPerSecond must not be empty for %s", name());
    densePeakFlopsPerSecond()
        .forEach(
            (format, peak) ->
                checkArgument(
                    peak > 0 && Double.isFinite(peak),
                    "densePeakFlopsPerSecond %s (%s) must be finite and > 0 for %s",
                    format.key(),
                    peak,
                    name()));
    thermalDesignPowerWatts()
        .ifPresent(
            watts -> Checks.positive("thermalDesignPowerWatts", watts));
    thermalDesignPowerWatts()
        .ifPresent(
            watts ->
                checkArgument(
                    watts <= MAX_POWER_WATTS,
                    "thermalDesignPowerWatts (%s) must be <= %s",
                    watts,
                    MAX_POWER_WATTS));
    powerLimitWatts()
        .ifPresent(
            watts ->
                checkArgument(
                    watts > 0 && watts <= MAX_POWER_WATTS,
                    "powerLimitWatts (%s) must be > 0 and <= %s for %s",
                    watts,
                    MAX_POWER_WATTS,
                    name()));
    scaleUpBandwidthBytesPerSecondPerDirection()
        .ifPresent(
            bandwidth -> Checks.positive("scaleUpBandwidthBytesPerSecondPerDirection", bandwidth));
  }

  /**
   * The fraction of the TDP the board may draw: {@code powerLimitWatts / thermalDesignPowerWatts}, capped at 1;
   * 1 without a limit or without a TDP to compare it with.
   */
  public double powerLimitFraction() {
    if (powerLimitWatts().isEmpty() || thermalDesignPowerWatts().isEmpty()) {
      return 1;
    }
    return Math.min(1, powerLimitWatts().getAsDouble() / thermalDesignPowerWatts().getAsDouble());
  }

  /**
   * Whether the chip has a dense peak for {@code format}.
   *
   * @param format the number format
   */
  public boolean supports(NumericFormat format) {
    return densePeakFlopsPerSecond().containsKey(format);
  }

  /**
   * Dense peak throughput in {@code computeFormat}, FLOP/s.
   *
   * @param computeFormat the number format
   * @throws IllegalArgumentException if the chip has no peak for that format
   */
  public double densePeakFlopsPerSecond(NumericFormat computeFormat) {
    Double peak = densePeakFlopsPerSecond().get(computeFormat);
    if (peak == null) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "computeFormat (%s) must be one that accelerator %s has a dense peak for: %s",
              computeFormat.key(),
              name(),
              densePeakFlopsPerSecond().keySet().stream()
                  .map(NumericFormat::key)
                  .collect(java.util.stream.Collectors.toList())));
    }
    return peak;
  }

  /** Memory capacity in gigabytes (10^9 bytes). */
  public double memoryGigabytes() {
    return Bytes.toGigabytes(memoryBytes());
  }

  /** Memory capacity in gibibytes (2^30 bytes). */
  public double memoryGibibytes() {
    return Bytes.toGibibytes(memoryBytes());
  }

  /**
   * Whether {@code query} names this accelerator or one of its aliases, ignoring case and surrounding blanks.
   *
   * @param query a name
   */
  public boolean isNamed(String query) {
    String wanted = query.trim();
    if (name().equalsIgnoreCase(wanted)) {
      return true;
    }
    for (String alias : aliases()) {
      if (alias.equalsIgnoreCase(wanted)) {
        return true;
      }
    }
    return false;
  }
}
