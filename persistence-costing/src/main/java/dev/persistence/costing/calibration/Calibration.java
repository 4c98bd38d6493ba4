package dev.persistence.costing.calibration;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The efficiencies and overlaps of one accelerator (and its usual fabric) that the step-time model takes as
 * data: one value per {@link CalibrationParameter}, each with the source or derivation of its number.
 *
 * <p>The bundled calibrations ({@link #bundled(String)}) are sourced constants in this package; files are read and
 * written by {@code CalibrationCodecs.CALIBRATION} in persistence-io (its format and its errors are the only ones). A
 * calibration is immutable; {@link #withValue} returns a modified copy, which is what {@link CalibrationFitter}
 * uses. Two calibrations are equal when their names, descriptions, values and sources are, so that a round trip
 * that loses a source is caught.
 */
public final class Calibration {

  /** Names of the bundled calibrations. */
  public static final List<String> BUNDLED = List.of("a100-sxm-80gb", "generic", "production-2025");

  private final String name;
  private final String description;
  private final EnumMap<CalibrationParameter, Double> values;
  private final EnumMap<CalibrationParameter, String> sources;

  private Calibration(
      String name,
      String description,
      EnumMap<CalibrationParameter, Double> values,
      EnumMap<CalibrationParameter, String> sources) {
    this.name = name;
    this.description = description;
    this.values = values;
    this.sources = sources;
  }

  /**
   * Creates a calibration.
   *
   * @param name short name ({@code a100-sxm-80gb})
   * @param description what it is calibrated for and how
   * @param values a value for every {@link CalibrationParameter}
   * @param sources where each value comes from (a parameter without an entry gets an empty source)
   * @throws IllegalArgumentException if a parameter is missing, or a value is not finite or outside the
   *     parameter's bounds
   */
  public static Calibration of(
      String name,
      String description,
      Map<CalibrationParameter, Double> values,
      Map<CalibrationParameter, String> sources) {
    checkArgument(name != null && !name.isBlank(), "calibration name must not be blank");
    EnumMap<CalibrationParameter, Double> copy = new EnumMap<>(CalibrationParameter.class);
    EnumMap<CalibrationParameter, String> sourceCopy = new EnumMap<>(CalibrationParameter.class);
    for (CalibrationParameter parameter : CalibrationParameter.values()) {
      Double value = values.get(parameter);
      checkArgument(value != null, "calibration %s: %s is missing", name, parameter.key());
      check(name, parameter, value);
      copy.put(parameter, value);
      sourceCopy.put(parameter, Objects.requireNonNullElse(sources.get(parameter), ""));
    }
    return new Calibration(name, Objects.requireNonNullElse(description, ""), copy, sourceCopy);
  }

  private static void check(String name, CalibrationParameter parameter, double value) {
    checkArgument(
        value >= parameter.lowerBound() && value <= parameter.upperBound(),
        "calibration %s: %s (%s) must be in [%s, %s]",
        name,
        parameter.key(),
        value,
        parameter.lowerBound(),
        parameter.upperBound());
  }

  /**
   * A bundled calibration.
   *
   * @param name one of {@link #BUNDLED}
   * @throws IllegalArgumentException if there is no bundled calibration of that name
   */
  public static Calibration bundled(String name) {
    checkArgument(
        BUNDLED.contains(name), "calibration (%s) must be one of the bundled %s", name, BUNDLED);
    return BundledCalibrations.BY_NAME.get(name);
  }

  /**
   * The bundled calibration for an accelerator: the A100 SXM's own file (fitted to the 2022 Megatron-LM
   * measurements of Korthikanti et al.), {@code production-2025} for Hopper and Blackwell GPUs (H100, H800, H200,
   * B200, GB200, GB300: fitted to the production runs of 2024-26), otherwise the generic one, whose numbers are
   * assumptions (see that file).
   *
   * @param acceleratorName a catalog name ({@code A100-SXM4-80GB})
   */
  public static Calibration forAccelerator(String acceleratorName) {
    String wanted = acceleratorName.toUpperCase(Locale.ROOT);
    if (wanted.startsWith("A100") && wanted.contains("SXM")) {
      return bundled("a100-sxm-80gb");
    }
    if (wanted.startsWith("H100") || wanted.startsWith("H800") || wanted.startsWith("H200")
        || wanted.startsWith("B200") || wanted.startsWith("GB200") || wanted.startsWith("GB300")
        || wanted.startsWith("B300")) {
      return bundled("production-2025");
    }
    return bundled("generic");
  }

  /** Short name. */
  public String name() {
    return name;
  }

  /** What this calibration is for. */
  public String description() {
    return description;
  }

  /**
   * The value of a parameter.
   *
   * @param parameter the parameter
   */
  public double value(CalibrationParameter parameter) {
    return values.get(parameter);
  }

  /**
   * Where a parameter's value comes from.
   *
   * @param parameter the parameter
   */
  public String source(CalibrationParameter parameter) {
    return sources.get(parameter);
  }

  /** Every value, in parameter order. */
  public Map<CalibrationParameter, Double> values() {
    return Collections.unmodifiableMap(values);
  }

  /** Every value's source, in parameter order. */
  public Map<CalibrationParameter, String> sources() {
    return Collections.unmodifiableMap(sources);
  }

  /**
   * A copy with one value replaced.
   *
   * @param parameter the parameter
   * @param value the new value
   * @param source where the new value comes from
   * @throws IllegalArgumentException if the value is outside the parameter's bounds
   */
  public Calibration withValue(CalibrationParameter parameter, double value, String source) {
    check(name, parameter, value);
    EnumMap<CalibrationParameter, Double> copy = new EnumMap<>(values);
    EnumMap<CalibrationParameter, String> sourceCopy = new EnumMap<>(sources);
    copy.put(parameter, value);
    sourceCopy.put(parameter, Objects.requireNonNull(source, "source"));
    return new Calibration(name, description, copy, sourceCopy);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Calibration that
        && that.name.equals(name)
        && that.description.equals(description)
        && that.values.equals(values)
        && that.sources.equals(sources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, values, sources);
  }

  @Override
  public String toString() {
    return "Calibration{" + name + ", " + values + "}";
  }
}
