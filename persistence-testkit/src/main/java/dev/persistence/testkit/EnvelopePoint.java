package dev.persistence.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One point of an {@link Envelope}: a value for every named input. */
public final class EnvelopePoint {

  private final List<EnvelopeInput> inputs;
  private final Map<String, Object> values;

  EnvelopePoint(List<EnvelopeInput> inputs, List<Object> values) {
    this.inputs = inputs;
    Map<String, Object> byName = new LinkedHashMap<>();
    for (int index = 0; index < inputs.size(); index++) {
      byName.put(inputs.get(index).name(), values.get(index));
    }
    this.values = Collections.unmodifiableMap(byName);
  }

  private Object raw(String name) {
    Object value = values.get(name);
    Ranges.checkArgument(value != null, "no input named '%s' (inputs: %s)", name, values.keySet());
    return value;
  }

  /**
   * The value of a numeric input (a real or integer range).
   *
   * @param name the input's name
   * @return the value
   * @throws IllegalArgumentException if there is no such input or it is a choice
   */
  public double value(String name) {
    Object value = raw(name);
    Ranges.checkArgument(value instanceof Number, "input '%s' is a choice, not a number", name);
    return ((Number) value).doubleValue();
  }

  /**
   * The value of an integer input.
   *
   * @param name the input's name
   * @return the value
   * @throws IllegalArgumentException if there is no such input or it is not an integer range
   */
  public long longValue(String name) {
    Object value = raw(name);
    Ranges.checkArgument(value instanceof Long, "input '%s' (%s) is not an integer range", name, value);
    return (Long) value;
  }

  /**
   * The value of a choice input.
   *
   * @param name the input's name
   * @param type the type of the choices
   * @param <T> the type of the choices
   * @return the chosen value
   * @throws IllegalArgumentException if there is no such input
   * @throws ClassCastException if the value is not a {@code type}
   */
  public <T> T choice(String name, Class<T> type) {
    return type.cast(raw(name));
  }

  /** Every input's value by name, in declaration order. */
  public Map<String, Object> values() {
    return values;
  }

  /** Prints one line per input: name, value and how it relates to the nominal value. */
  String describe() {
    int width = inputs.stream().mapToInt(input -> input.name().length()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (EnvelopeInput input : inputs) {
      Object value = values.get(input.name());
      String relation =
          value.equals(input.nominal())
              ? "(nominal, " + input.domain() + ")"
              : "(nominal " + EnvelopeInput.format(input.nominal()) + ", " + input.domain() + ")";
      lines.add(String.format(java.util.Locale.ROOT, "  %-" + width + "s = %s  %s", input.name(),
          EnvelopeInput.format(value), relation));
    }
    return String.join(System.lineSeparator(), lines);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EnvelopePoint && values.equals(((EnvelopePoint) other).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      text.append(text.length() == 1 ? "" : ", ")
          .append(entry.getKey())
          .append(" = ")
          .append(EnvelopeInput.format(entry.getValue()));
    }
    return text.append('}').toString();
  }
}
