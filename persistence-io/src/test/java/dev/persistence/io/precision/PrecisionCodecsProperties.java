package dev.persistence.io.precision;

import dev.persistence.io.memory.MemoryCodecs;
import static dev.persistence.io.RoundTrips.roundTrip;

import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

class PrecisionCodecsProperties {
  private static final Gen<DocumentFormat> FORMATS = Gen.enumValues(DocumentFormat.class);

  @Test
  void numericFormatsRoundTrip() {
    Property.forAll(Gen.enumValues(NumericFormat.class), FORMATS)
        .verify((value, format) -> roundTrip(PrecisionCodecs.NUMERIC_FORMAT, value, format));
  }

  @Test
  void weightFormatsRoundTrip() {
    Gen<WeightFormat> custom =
        Gen.zip(
            Gen.doubles(1, 16),
            Gen.oneOf(Gen.constant(0), Gen.powersOfTwo(8, 256)),
            Gen.doubles(0, 32),
            (bits, block, scale) -> new WeightFormat("custom", bits, block, block == 0 ? 0 : scale, "assumed"));
    Property.forAll(Gen.oneOf(custom, Gen.elements(WeightFormat.presets())), FORMATS)
        .verify((value, format) -> roundTrip(PrecisionCodecs.WEIGHT_FORMAT, value, format));
  }

  @Test
  void allowancesRoundTrip() {
    Gen<MemoryAllowance> custom =
        Gen.zip(Gen.longs(0, 1L << 36), Gen.doubles(0, 0.5), Gen.elements("", "measured"), MemoryAllowance::new);
    Property.forAll(Gen.oneOf(custom, Gen.elements(MemoryAllowance.NONE, MemoryAllowance.ASSUMED_DEFAULT)), FORMATS)
        .verify((value, format) -> roundTrip(MemoryCodecs.MEMORY_ALLOWANCE, value, format));
  }
}
