package dev.persistence.costing.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void roundTripsThroughJson() {
    Calibration a100 = Calibration.bundled("a100-sxm-80gb");
    assertEquals(a100, Calibration.parse(a100.toJson(), "round trip"));
  }

  @Test
  void rejectsMissingSourcesUnknownKeysAndOutOfBoundValues() {
    String json = Calibration.bundled("a100-sxm-80gb").toJson();
    IllegalArgumentException noSource =
        assertThrows(
            IllegalArgumentException.class,
            () -> Calibration.parse(json.replaceFirst("\"source\": \"[^\"]*\"", "\"source\": \"\""), "x.json"));
    assertTrue(noSource.getMessage().contains("source must be a non-blank string"), noSource.getMessage());
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> Calibration.parse(json.replace("gemmPeakEfficiency", "gemmPeak"), "x.json"));
    assertTrue(unknown.getMessage().startsWith("x.json: parameters.calibration parameter (gemmPeak)"),
        unknown.getMessage());
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
