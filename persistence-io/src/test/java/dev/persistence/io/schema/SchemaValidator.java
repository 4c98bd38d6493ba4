package dev.persistence.io.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The part of JSON Schema draft 2020-12 our schemas use ({@code $ref} within the document, {@code type}, {@code
 * enum}, {@code properties}, {@code required}, {@code additionalProperties: false}, {@code items}, {@code
 * minItems}, {@code minProperties}, {@code minLength}, {@code minimum}, {@code exclusiveMinimum}, {@code
 * maximum}, {@code allOf}, {@code anyOf}, {@code oneOf}, {@code not}); no schema-validation library is on the
 * build. A keyword it does not know fails the test rather than passing silently.
 */
final class SchemaValidator {
  private static final List<String> KNOWN =
      List.of(
          "$schema", "$id", "$ref", "$defs", "title", "description", "type", "enum", "properties", "required",
          "additionalProperties", "items", "minItems", "minProperties", "minLength", "minimum", "exclusiveMinimum",
          "maximum", "allOf", "anyOf", "oneOf", "not");

  private final JsonNode root;

  SchemaValidator(JsonNode root) {
    this.root = root;
  }

  List<String> validate(JsonNode value) {
    List<String> errors = new ArrayList<>();
    validate(root, value, "", errors);
    return errors;
  }

  JsonNode resolve(JsonNode schema) {
    while (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("only local references are supported: " + ref);
      }
      schema = root.at(ref.substring(1));
      if (schema.isMissingNode()) {
        throw new IllegalArgumentException("dangling reference " + ref);
      }
    }
    return schema;
  }

  private void validate(JsonNode schema, JsonNode value, String path, List<String> errors) {
    schema = resolve(schema);
    Iterator<String> keywords = schema.fieldNames();
    while (keywords.hasNext()) {
      String keyword = keywords.next();
      if (!KNOWN.contains(keyword)) {
        throw new IllegalArgumentException("unsupported keyword " + keyword + " at " + path);
      }
    }
    if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
      errors.add(path + ": expected " + schema.get("type") + ", got " + value.getNodeType());
      return;
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode option : schema.get("enum")) {
        found |= option.equals(value);
      }
      if (!found) {
        errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (value.isNumber()) {
      double number = value.doubleValue();
      if (schema.has("minimum") && !(number >= schema.get("minimum").doubleValue())) {
        errors.add(path + ": below minimum");
      }
      if (schema.has("exclusiveMinimum") && !(number > schema.get("exclusiveMinimum").doubleValue())) {
        errors.add(path + ": not above exclusiveMinimum");
      }
      if (schema.has("maximum") && !(number <= schema.get("maximum").doubleValue())) {
        errors.add(path + ": above maximum");
      }
    }
    if (value.isTextual() && schema.has("minLength") && value.textValue().length() < schema.get("minLength").asInt()) {
      errors.add(path + ": too short");
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          errors.add(path + ": missing " + required.asText());
        }
      }
      if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
        errors.add(path + ": too few properties");
      }
      Iterator<String> names = value.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (properties.has(name)) {
          validate(properties.get(name), value.get(name), path + "/" + name, errors);
        } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true)) {
          errors.add(path + "/" + name + ": unknown property");
        }
      }
    }
    if (value.isArray()) {
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
        errors.add(path + ": too few items");
      }
      if (schema.has("items")) {
        for (int i = 0; i < value.size(); i++) {
          validate(schema.get("items"), value.get(i), path + "/" + i, errors);
        }
      }
    }
    for (JsonNode part : schema.path("allOf")) {
      validate(part, value, path, errors);
    }
    if (schema.has("anyOf")) {
      int valid = countValid(schema.get("anyOf"), value, path);
      if (valid == 0) {
        errors.add(path + ": matches none of anyOf");
      }
    }
    if (schema.has("oneOf")) {
      int valid = countValid(schema.get("oneOf"), value, path);
      if (valid != 1) {
        errors.add(path + ": matches " + valid + " of oneOf, not exactly one");
      }
    }
    if (schema.has("not")) {
      List<String> inner = new ArrayList<>();
      validate(schema.get("not"), value, path, inner);
      if (inner.isEmpty()) {
        errors.add(path + ": matches a forbidden combination");
      }
    }
  }

  private int countValid(JsonNode alternatives, JsonNode value, String path) {
    int valid = 0;
    for (JsonNode alternative : alternatives) {
      List<String> inner = new ArrayList<>();
      validate(alternative, value, path, inner);
      valid += inner.isEmpty() ? 1 : 0;
    }
    return valid;
  }

  private static boolean typeMatches(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode one : type) {
        if (typeMatches(one, value)) {
          return true;
        }
      }
      return false;
    }
    switch (type.asText()) {
      case "object":
        return value.isObject();
      case "array":
        return value.isArray();
      case "string":
        return value.isTextual();
      case "number":
        return value.isNumber();
      case "integer":
        return value.isIntegralNumber() || (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()));
      case "boolean":
        return value.isBoolean();
      case "null":
        return value.isNull();
      default:
        throw new IllegalArgumentException("unknown type " + type);
    }
  }
}
