package dev.persistence.costing.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void bundledFilesNameASourceForEveryNumber() {
    for (String name : Calibration.BUNDLED) {
      Calibration calibration = Calibration.bundled(name);
      for (CalibrationParameter parameter : CalibrationParameter.values()) {
        assertFalse(calibration.source(parameter).isBlank(), name + " " + parameter.key());
      }
    }
    assertEquals("a100-sxm-80gb", Calibration.forAccelerator("A100-SXM4-80GB").name());
    assertEquals("production-2025", Calibration.forAccelerator("H100-SXM5-80GB").name());
    assertEquals("production-2025", Calibration.forAccelerator("GB200-NVL72").name());
    assertEquals("generic", Calibration.forAccelerator("MI300X").name());
  }

  /** Equality covers the sources, so that a round trip that loses one (io's CostingCodecsProperties) fails. */
  @Test
  void equalityCoversSourcesAndDescription() {
    Calibration a100 = Calibration.bundled("a100-sxm-80gb");
    double peak = a100.value(CalibrationParameter.GEMM_PEAK_EFFICIENCY);
    assertEquals(a100, a100.withValue(CalibrationParameter.GEMM_PEAK_EFFICIENCY, peak,
        a100.source(CalibrationParameter.GEMM_PEAK_EFFICIENCY)));
    Calibration resourced = a100.withValue(CalibrationParameter.GEMM_PEAK_EFFICIENCY, peak, "another source");
    assertNotEquals(a100, resourced);
    assertEquals(a100.values(), resourced.values());
    assertNotEquals(
        a100, Calibration.of(a100.name(), "another description", a100.values(), a100.sources()));
    assertEquals(a100.hashCode(), Calibration.of(a100.name(), a100.description(), a100.values(), a100.sources()).hashCode());
    assertThrows(UnsupportedOperationException.class, () -> a100.sources().clear());
  }

  @Test
  void rejectsOutOfBoundValuesAndUnknownNames() {
    IllegalArgumentException bounds =
        assertThrows(
            IllegalArgumentException.class,
            () -> Calibration.bundled("a100-sxm-80gb").withValue(CalibrationParameter.GEMM_PEAK_EFFICIENCY, 1.5, "x"));
    assertEquals(
        "calibration a100-sxm-80gb: gemmPeakEfficiency (1.5) must be in [0.05, 1.0]", bounds.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Calibration.bundled("tpu"));
  }

  /** A fit copies its relative errors: the caller's later changes do not reach it; its own list is read-only. */
  @Test
  void fitCopiesItsRelativeErrors() {
    List<Double> errors = new ArrayList<>(List.of(0.1, -0.2));
    CalibrationFit fit = new CalibrationFit(Calibration.bundled("generic"), errors, 0.158, 3);
    errors.set(0, 9.0);
    errors.add(1.0);
    assertEquals(List.of(0.1, -0.2), fit.relativeErrors());
    assertEquals(0.15, fit.meanAbsoluteRelativeError(), 1e-15);
    assertThrows(UnsupportedOperationException.class, () -> fit.relativeErrors().add(0.0));
  }
}
