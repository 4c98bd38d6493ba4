package dev.persistence.testkit.hardware;

import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.testkit.Gen;
import java.util.List;
import java.util.Optional;

/**
 * Generators of accelerators, valid by construction: positive finite peaks for a non-empty set of formats,
 * memory from 1 GB to 1 TB, bandwidth from 100 GB/s to 20 TB/s, optional power and scale-up bandwidth.
 */
public final class HardwareGen {

  private HardwareGen() {}

  /** Accelerators with every field varied. */
  @SuppressWarnings("unchecked")
  public static Gen<Accelerator> accelerators() {
    Gen<List<NumericFormat>> formats =
        Gen.lists(Gen.enumValues(NumericFormat.class), 1, NumericFormat.values().length)
            .map(list -> list.stream().distinct().toList());
    Gen<List<Double>> peaks = Gen.lists(Gen.logUniform(1e12, 1e16), NumericFormat.values().length, NumericFormat.values().length);
    Gen<Optional<Double>> watts = Gen.oneOf(Gen.constant(Optional.<Double>empty()), Gen.doubles(50, 2000).map(Optional::of));
    Gen<Optional<Double>> scaleUp =
        Gen.oneOf(Gen.constant(Optional.<Double>empty()), Gen.logUniform(1e9, 2e12).map(Optional::of));
    return Gen.combine(
            List.<Gen<?>>of(
                Gen.elements("X1", "chip-a", "TPU v9", "H900-SXM"),
                Gen.lists(Gen.elements("x1", "alias one", "A"), 0, 2).map(list -> list.stream().distinct().toList()),
                Gen.elements("", "NVIDIA", "AMD", "Google"),
                formats,
                peaks,
                Gen.logUniformLongs(1_000_000_000L, 1_000_000_000_000L),
                Gen.logUniform(1e11, 2e13),
                watts,
                scaleUp,
                Gen.elements("datasheet (2025)", "vendor blog"),
                Gen.elements("", "estimated")))
        .map(
            v -> {
              var builder =
                  Accelerator.builder()
                      .name((String) v.get(0))
                      .aliases((List<String>) v.get(1))
                      .vendor((String) v.get(2))
                      .memoryBytes((Long) v.get(5))
                      .memoryBandwidthBytesPerSecond((Double) v.get(6))
                      .source((String) v.get(9))
                      .notes((String) v.get(10));
              List<NumericFormat> chosen = (List<NumericFormat>) v.get(3);
              List<Double> values = (List<Double>) v.get(4);
              for (int i = 0; i < chosen.size(); i++) {
                builder.putDensePeakFlopsPerSecond(chosen.get(i), values.get(i));
              }
              ((Optional<Double>) v.get(7)).ifPresent(builder::thermalDesignPowerWatts);
              ((Optional<Double>) v.get(8)).ifPresent(builder::scaleUpBandwidthBytesPerSecondPerDirection);
              return builder.build();
            });
  }
}
