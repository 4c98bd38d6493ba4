package dev.persistence.io.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.InvalidDocumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Typed access to the keys of a HuggingFace config, with errors that name the key. */
final class ConfigNode {
  private final JsonNode root;
  private final String documentName;

  ConfigNode(JsonNode root, String documentName) {
    this.root = root;
    this.documentName = documentName;
  }

  String documentName() {
    return documentName;
  }

  /**
   * A nested object (a wrapper's {@code text_config}, DBRX's {@code attn_config}), whose errors name the path.
   *
   * @param key the nested object's key
   */
  Optional<ConfigNode> child(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode value = root.get(key);
    if (!value.isObject()) {
      throw error(key, String.format(Locale.ROOT, "expected an object, got %s", describe(value)));
    }
    return Optional.of(new ConfigNode(value, documentName + ": " + key));
  }

  /** The nested object {@code key}, required. */
  ConfigNode requireChild(String key) {
    return child(key).orElseThrow(() -> error(key, "missing required key"));
  }

  /** A copy of this config in which {@code key} is {@code value} (for a default the Python class fills in). */
  ConfigNode withDefault(String key, int value) {
    if (has(key)) {
      return this;
    }
    ObjectNode copy = ((ObjectNode) root).deepCopy();
    copy.put(key, value);
    return new ConfigNode(copy, documentName);
  }

  boolean has(String key) {
    JsonNode value = root.get(key);
    return value != null && !value.isNull();
  }

  private InvalidDocumentException error(String key, String problem) {
    return new InvalidDocumentException(documentName + ": " + key, problem);
  }

  int requireInt(String key) {
    if (!has(key)) {
      throw error(key, "missing required key");
    }
    return toInt(key, root.get(key));
  }

  /** The first of {@code keys} present (HF configs rename keys across versions), as an int. */
  int requireIntAny(String... keys) {
    for (String key : keys) {
      if (has(key)) {
        return toInt(key, root.get(key));
      }
    }
    throw error(keys[0], "missing required key" + (keys.length > 1 ? " (also looked for " + String.join(", ", List.of(keys).subList(1, keys.length)) + ")" : ""));
  }

  /**
   * An integer that the configuration class also accepts as the string {@code "auto"} (Mamba's
   * {@code time_step_rank}, Jamba's {@code mamba_dt_rank}), with {@code auto} when the key is absent or "auto".
   */
  int intOrAuto(String key, int auto) {
    if (!has(key)) {
      return auto;
    }
    JsonNode value = root.get(key);
    if (value.isTextual() && "auto".equals(value.textValue())) {
      return auto;
    }
    return toInt(key, value);
  }

  OptionalInt optionalInt(String key) {
    return has(key) ? OptionalInt.of(toInt(key, root.get(key))) : OptionalInt.empty();
  }

  int intOr(String key, int defaultValue) {
    return optionalInt(key).orElse(defaultValue);
  }

  boolean booleanOr(String key, boolean defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    JsonNode value = root.get(key);
    if (!value.isBoolean()) {
      throw error(key, String.format(Locale.ROOT, "expected true or false, got %s", describe(value)));
    }
    return value.booleanValue();
  }

  Optional<String> optionalString(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode value = root.get(key);
    if (!value.isTextual()) {
      throw error(key, String.format(Locale.ROOT, "expected a string, got %s", describe(value)));
    }
    return Optional.of(value.textValue());
  }

  List<Integer> intListOr(String key, List<Integer> defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    JsonNode value = root.get(key);
    if (!value.isArray()) {
      throw error(key, String.format(Locale.ROOT, "expected a list of integers, got %s", describe(value)));
    }
    List<Integer> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      result.add(toInt(key + "[" + i + "]", value.get(i)));
    }
    return result;
  }

  /**
   * An integer that a config may also give as one value per layer (Hunyuan's {@code moe_topk},
   * {@code moe_intermediate_size}, {@code num_shared_expert}); a list must hold one value throughout.
   */
  OptionalInt optionalUniformInt(String key) {
    if (!has(key)) {
      return OptionalInt.empty();
    }
    JsonNode value = root.get(key);
    if (!value.isArray()) {
      return OptionalInt.of(toInt(key, value));
    }
    List<Integer> values = intListOr(key, List.of());
    if (values.isEmpty() || values.stream().distinct().count() != 1) {
      throw error(key, String.format(Locale.ROOT, "%s (%s) must list one value for every layer", key, values));
    }
    return OptionalInt.of(values.get(0));
  }

  Optional<List<String>> optionalStringList(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonNode value = root.get(key);
    if (!value.isArray()) {
      throw error(key, String.format(Locale.ROOT, "expected a list of strings, got %s", describe(value)));
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        throw error(key + "[" + i + "]", String.format(Locale.ROOT, "expected a string, got %s", describe(item)));
      }
      result.add(item.textValue());
    }
    return Optional.of(result);
  }

  private int toInt(String key, JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    if (value.isFloatingPointNumber()) {
      double d = value.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
        return (int) d;
      }
    }
    throw error(key, String.format(Locale.ROOT, "expected an integer, got %s", describe(value)));
  }

  static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "the string \"" + value.textValue() + "\"";
    }
    if (value.isNumber()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return String.valueOf(value.booleanValue());
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "an object";
    }
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
