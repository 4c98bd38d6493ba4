package dev.persistence.costing.calibration;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The efficiencies and overlaps of one accelerator (and its usual fabric) that the step-time model takes as
 * data: one value per {@link CalibrationParameter}, each with the source or derivation of its number.
 *
 * <p>Bundled calibrations live in {@code dev/persistence/costing/calibration/*.json} (see
 * {@link #bundled(String)}); the file format is documented in {@code docs/performance.md}. A calibration is
 * immutable; {@link #withValue} returns a modified copy, which is what {@link CalibrationFitter} uses.
 */
public final class Calibration {

  /** Names of the bundled calibration files (without {@code .json}). */
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
    try (InputStream in = Calibration.class.getResourceAsStream(name + ".json")) {
      checkArgument(in != null, "bundled calibration %s.json is missing from the class path", name);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /**
   * Reads a calibration from its JSON text: {@code {"name": ..., "description": ..., "parameters": {"key":
   * {"value": number, "source": text}, ...}}}.
   *
   * @param json the document
   * @param origin where it came from, for error messages
   * @throws IllegalArgumentException if the document is malformed, a key is unknown or missing, or a value is
   *     out of bounds
   */
  public static Calibration parse(String json, String origin) {
    Object root = new MinimalJson(json, origin).parse();
    checkArgument(root instanceof Map, "%s: the document must be a JSON object", origin);
    Map<?, ?> document = (Map<?, ?>) root;
    for (Object key : document.keySet()) {
      checkArgument(
          List.of("name", "description", "parameters").contains(key),
          "%s: unknown field %s (expected name, description, parameters)",
          origin,
          key);
    }
    Object name = document.get("name");
    checkArgument(name instanceof String, "%s: name must be a string", origin);
    Object description = document.get("description");
    Object parameters = document.get("parameters");
    checkArgument(parameters instanceof Map, "%s: parameters must be an object", origin);
    Map<CalibrationParameter, Double> values = new EnumMap<>(CalibrationParameter.class);
    Map<CalibrationParameter, String> sources = new EnumMap<>(CalibrationParameter.class);
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) parameters).entrySet()) {
      CalibrationParameter parameter;
      try {
        parameter = CalibrationParameter.ofKey((String) entry.getKey());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(origin + ": parameters." + e.getMessage(), e);
      }
      checkArgument(
          entry.getValue() instanceof Map, "%s: parameters.%s must be an object", origin, parameter.key());
      Map<?, ?> body = (Map<?, ?>) entry.getValue();
      checkArgument(
          body.get("value") instanceof Double,
          "%s: parameters.%s.value must be a number",
          origin,
          parameter.key());
      checkArgument(
          body.get("source") instanceof String && !((String) body.get("source")).isBlank(),
          "%s: parameters.%s.source must be a non-blank string: every number names its source",
          origin,
          parameter.key());
      values.put(parameter, (Double) body.get("value"));
      sources.put(parameter, (String) body.get("source"));
    }
    return of((String) name, description instanceof String ? (String) description : "", values, sources);
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
    sourceCopy.put(parameter, source);
    return new Calibration(name, description, copy, sourceCopy);
  }

  /** The calibration as a JSON document in the bundled files' format. */
  public String toJson() {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"name\": ").append(MinimalJson.quote(name)).append(",\n");
    out.append("  \"description\": ").append(MinimalJson.quote(description)).append(",\n");
    out.append("  \"parameters\": {\n");
    Map<CalibrationParameter, Double> ordered = new LinkedHashMap<>(values);
    int i = 0;
    for (Map.Entry<CalibrationParameter, Double> entry : ordered.entrySet()) {
      out.append("    ").append(MinimalJson.quote(entry.getKey().key())).append(": {\"value\": ")
          .append(entry.getValue()).append(", \"source\": ")
          .append(MinimalJson.quote(sources.get(entry.getKey()))).append("}")
          .append(++i < ordered.size() ? ",\n" : "\n");
    }
    return out.append("  }\n}\n").toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Calibration
        && ((Calibration) other).name.equals(name)
        && ((Calibration) other).values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, values);
  }

  @Override
  public String toString() {
    return "Calibration{" + name + ", " + values + "}";
  }
}
