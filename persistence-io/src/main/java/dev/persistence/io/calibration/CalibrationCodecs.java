package dev.persistence.io.calibration;

import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.TEXT;

import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.CalibrationParameter;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ObjectCodec.Values;
import dev.persistence.io.document.ValueCodecs;
import java.util.EnumMap;
import java.util.Map;

/**
 * Codecs of step-time calibrations ({@code dev.persistence.costing.calibration}).
 */
public final class CalibrationCodecs {
  private CalibrationCodecs() {}

  /** A parameter's value and the source that states it. */
  private record Sourced(double value, String source) {}

  /** A parameter's source: every number names one, so a blank source is an error. */
  private static final Codec<String> SOURCE =
      ValueCodecs.composed(
          node -> {
            String source = node.asText();
            if (source.isBlank()) {
              throw node.error("must not be blank: every number names its source");
            }
            return source;
          },
          NAME::write,
          NAME::schema);

  private static final Codec<Sourced> SOURCED =
      ObjectCodec.components(
              Sourced.class, "calibrationParameter", (Values v) -> new Sourced(v.<Double>get("value"), v.get("source")))
          .required("value", NUMBER, Sourced::value)
          .required("source", SOURCE, Sourced::source)
          .build();

  /**
   * Step-time calibrations, in {@link Calibration}'s own file format: {@code name}, optional {@code description}
   * and {@code parameters}, an object from each parameter's key ({@code gemmPeakEfficiency}, ...) to {@code
   * {value, source}}; every parameter is required and every value names its source.
   */
  public static final Codec<Calibration> CALIBRATION =
      ObjectCodec.fromMap(Calibration.class, "calibration", CalibrationCodecs::calibration)
          .required("name", NAME, Calibration::name, ObjectCodec.into("name"))
          .optional("description", TEXT, Calibration::description, ObjectCodec.into("description"))
          .requiredSection(
              "parameters",
              "each parameter's value and the source that states it",
              section -> {
                for (CalibrationParameter parameter : CalibrationParameter.values()) {
                  section.required(
                      parameter.key(),
                      SOURCED,
                      calibration -> new Sourced(calibration.value(parameter), calibration.source(parameter)),
                      ObjectCodec.into(parameter.key()));
                }
                return section;
              })
          .build();

  private static Calibration calibration(Map<String, Object> fields) {
    Map<CalibrationParameter, Double> values = new EnumMap<>(CalibrationParameter.class);
    Map<CalibrationParameter, String> sources = new EnumMap<>(CalibrationParameter.class);
    for (CalibrationParameter parameter : CalibrationParameter.values()) {
      Sourced sourced = (Sourced) fields.get(parameter.key());
      values.put(parameter, sourced.value());
      sources.put(parameter, sourced.source());
    }
    return Calibration.of(
        (String) fields.get("name"), (String) fields.getOrDefault("description", ""), values, sources);
  }
}
