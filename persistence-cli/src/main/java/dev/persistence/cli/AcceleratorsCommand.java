package dev.persistence.cli;

import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.io.catalog.AcceleratorCatalog;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code persistence accelerators}: the accelerator catalog. */
@Command(
    name = "accelerators",
    mixinStandardHelpOptions = true,
    description = "Lists the accelerator catalog: dense peaks, memory, bandwidth, power, sources.")
final class AcceleratorsCommand implements Callable<Integer> {

  @Mixin AcceleratorSource source;

  @Option(names = "--json", description = "Print the catalog as JSON (exact units: bytes, FLOP/s).")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    AcceleratorCatalog catalog = source.catalog();
    if (json) {
      spec.commandLine().getOut().println(catalog.toJsonText());
      spec.commandLine().getOut().flush();
      return 0;
    }
    TextTable table = new TextTable();
    table.row("catalog version", catalog.version());
    for (Accelerator accelerator : catalog.accelerators()) {
      String bf16 =
          accelerator.supports(NumericFormat.BF16)
              ? String.format(
                  Locale.ROOT, "%.1f TFLOP/s bf16", accelerator.densePeakFlopsPerSecond(NumericFormat.BF16) / 1e12)
              : "no bf16";
      table.row(
          accelerator.name(),
          String.format(
              Locale.ROOT,
              "%s, %.1f GB (%.1f GiB), %.2f TB/s, %s",
              bf16,
              accelerator.memoryGigabytes(),
              accelerator.memoryGibibytes(),
              accelerator.memoryBandwidthBytesPerSecond() / 1e12,
              accelerator.thermalDesignPowerWatts().isPresent()
                  ? String.format(Locale.ROOT, "%.0f W", accelerator.thermalDesignPowerWatts().getAsDouble())
                  : "no TDP"));
    }
    table.print(spec.commandLine().getOut());
    return 0;
  }
}
