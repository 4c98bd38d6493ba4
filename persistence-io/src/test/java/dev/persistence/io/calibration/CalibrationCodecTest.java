package dev.persistence.io.calibration;

import dev.persistence.io.calibration.CalibrationCodecs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.CalibrationParameter;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.RoundTrips;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import org.junit.jupiter.api.Test;

/** Calibration files: the one door they go through, {@link CalibrationCodecs#CALIBRATION}. */
class CalibrationCodecTest {

  private static Calibration read(String text) {
    return CalibrationCodecs.CALIBRATION.read(
        DocumentNode.root(Documents.parse(text, DocumentFormat.JSON, "x.json"), "x.json"));
  }

  private static String written(Calibration calibration) {
    return Documents.print(CalibrationCodecs.CALIBRATION.write(calibration), DocumentFormat.JSON);
  }

  /** Every bundled calibration survives a write and a read, sources and description included. */
  @Test
  void bundledCalibrationsRoundTripWithTheirSources() {
    for (String name : Calibration.BUNDLED) {
      Calibration bundled = Calibration.bundled(name);
      for (DocumentFormat format : DocumentFormat.values()) {
        RoundTrips.roundTrip(CalibrationCodecs.CALIBRATION, bundled, format);
      }
      Calibration back = read(written(bundled));
      assertEquals(bundled.sources(), back.sources(), name);
      assertEquals(bundled.description(), back.description(), name);
    }
  }

  /** A document that lost a source reads back as a different calibration: equality covers the sources. */
  @Test
  void aChangedSourceIsADifferentCalibration() {
    Calibration a100 = Calibration.bundled("a100-sxm-80gb");
    ObjectNode document = (ObjectNode) CalibrationCodecs.CALIBRATION.write(a100);
    ((ObjectNode) document.get("parameters").get("gemmPeakEfficiency")).put("source", "lost");
    Calibration back = read(Documents.print(document, DocumentFormat.JSON));
    assertEquals(a100.values(), back.values());
    assertNotEquals(a100, back);
    assertEquals("lost", back.source(CalibrationParameter.GEMM_PEAK_EFFICIENCY));
  }

  /** The same typo gets the same error as every other document: the path and the closest key. */
  @Test
  void errorsNameThePathAndSuggestTheKey() {
    String json = written(Calibration.bundled("a100-sxm-80gb"));
    assertEquals(
        "x.json: parameters.gemmPeak: unknown field; did you mean gemmPeakEfficiency?",
        assertThrows(InvalidDocumentException.class, () -> read(json.replace("\"gemmPeakEfficiency\"", "\"gemmPeak\"")))
            .getMessage());
    assertEquals(
        "x.json: parameters.gemmPeakEfficiency.source: must not be blank: every number names its source",
        assertThrows(
                InvalidDocumentException.class,
                () -> read(json.replaceFirst("\"source\" : \"[^\"]*\"", "\"source\" : \"\"")))
            .getMessage());
  }
}
