package dev.persistence.io.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.CalibrationParameter;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.document.SchemaDefinitions;
import java.util.EnumMap;
import java.util.Map;

/**
 * Codecs of step-time calibrations ({@code dev.persistence.costing.calibration}).
 */
public final class CalibrationCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CalibrationCodecs() {}

  /**
   * Step-time calibrations, in {@link Calibration}'s own file format: {@code name}, optional {@code description}
   * and {@code parameters}, an object from each parameter's key ({@code gemmPeakEfficiency}, ...) to {@code
   * {value, source}}; every parameter is required and every value names its source.
   */
  public static final Codec<Calibration> CALIBRATION =
      new Codec<>() {
        @Override
        public Calibration read(DocumentNode node) {
          ObjectFields fields = node.fields();
          String name = fields.requiredText("name");
          String description = fields.optionalText("description").orElse("");
          DocumentNode parametersNode = fields.required("parameters");
          ObjectFields parameters = parametersNode.fields();
          Map<CalibrationParameter, Double> values = new EnumMap<>(CalibrationParameter.class);
          Map<CalibrationParameter, String> sources = new EnumMap<>(CalibrationParameter.class);
          // Unknown keys first, so that a misspelt key is named with its suggestion rather than reported missing.
          for (CalibrationParameter parameter : CalibrationParameter.values()) {
            parameters.allow(parameter.key());
          }
          parameters.finish();
          for (CalibrationParameter parameter : CalibrationParameter.values()) {
            ObjectFields body = parameters.required(parameter.key()).fields();
            values.put(parameter, body.requiredDouble("value"));
            DocumentNode sourceNode = body.required("source");
            String source = sourceNode.asText();
            if (source.isBlank()) {
              throw sourceNode.error("must not be blank: every number names its source");
            }
            sources.put(parameter, source);
            body.finish();
          }
          fields.finish();
          return node.build(() -> Calibration.of(name, description, values, sources));
        }

        @Override
        public JsonNode write(Calibration calibration) {
          ObjectNode out = NODES.objectNode();
          out.put("name", calibration.name());
          out.put("description", calibration.description());
          ObjectNode parameters = out.putObject("parameters");
          for (CalibrationParameter parameter : CalibrationParameter.values()) {
            parameters
                .putObject(parameter.key())
                .put("value", calibration.value(parameter))
                .put("source", calibration.source(parameter));
          }
          return out;
        }

        @Override
        public ObjectNode schema(SchemaDefinitions definitions) {
          return definitions.ref(
              "calibration",
              () -> {
                ObjectNode parameter = NODES.objectNode().put("type", "object");
                parameter.putObject("properties").set("value", NODES.objectNode().put("type", "number"));
                ((ObjectNode) parameter.get("properties"))
                    .set("source", NODES.objectNode().put("type", "string").put("minLength", 1));
                parameter.putArray("required").add("value").add("source");
                parameter.put("additionalProperties", false);
                ObjectNode parameters = NODES.objectNode().put("type", "object");
                ObjectNode each = parameters.putObject("properties");
                var required = parameters.putArray("required");
                for (CalibrationParameter key : CalibrationParameter.values()) {
                  each.set(key.key(), parameter.deepCopy());
                  required.add(key.key());
                }
                parameters.put("additionalProperties", false);
                ObjectNode out = NODES.objectNode().put("type", "object");
                ObjectNode properties = out.putObject("properties");
                properties.set("name", NODES.objectNode().put("type", "string").put("minLength", 1));
                properties.set("description", NODES.objectNode().put("type", "string"));
                properties.set("parameters", parameters);
                out.putArray("required").add("name").add("parameters");
                out.put("additionalProperties", false);
                return out;
              });
        }
      };
}
