package dev.persistence.io.hardware;

import static dev.persistence.io.RoundTrips.roundTrip;

import dev.persistence.core.hardware.Accelerator;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import dev.persistence.testkit.hardware.HardwareGen;
import org.junit.jupiter.api.Test;

class HardwareCodecsProperties {
  private static final Gen<DocumentFormat> FORMATS = Gen.enumValues(DocumentFormat.class);

  @Test
  void acceleratorsRoundTrip() {
    Property.forAll(HardwareGen.accelerators(), FORMATS)
        .verify((value, format) -> roundTrip(HardwareCodecs.ACCELERATOR, value, format));
  }

  @Test
  void namedOrInlineAcceleratorsRoundTrip() {
    var codec = HardwareCodecs.namedOrInline(AcceleratorCatalog.bundled());
    Gen<Accelerator> accelerators =
        Gen.oneOf(HardwareGen.accelerators(), Gen.elements(AcceleratorCatalog.bundled().accelerators()));
    Property.forAll(accelerators, FORMATS).verify((value, format) -> roundTrip(codec, value, format));
  }
}
