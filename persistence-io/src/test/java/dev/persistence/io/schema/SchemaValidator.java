package dev.persistence.io.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.stream.Collectors;

/** Validates documents against one of our schemas with networknt's draft 2020-12 validator. */
final class SchemaValidator {
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  // Compiling a schema costs far more than validating against it; the tests ask for the same few schemas often.
  private static final java.util.Map<JsonNode, JsonSchema> COMPILED =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  private final JsonSchema schema;

  SchemaValidator(JsonNode root) {
    this.schema = COMPILED.computeIfAbsent(root, FACTORY::getSchema);
  }

  /** The validation errors, empty if the document is valid. */
  List<String> validate(JsonNode value) {
    return schema.validate(value).stream()
        .map(ValidationMessage::getMessage)
        .sorted()
        .collect(Collectors.toList());
  }
}
