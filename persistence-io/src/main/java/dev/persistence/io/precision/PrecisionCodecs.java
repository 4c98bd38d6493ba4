package dev.persistence.io.precision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.document.SchemaDefinitions;

/**
 * Codecs of number formats and memory allowances.
 *
 * <pre>{@code
 * weightFormat: int4-g128          # a preset, or {name, bitsPerWeight, blockSize, scaleBitsPerBlock, source}
 * cacheFormat: fp8                 # a numeric format key
 * allowance: {fixedBytes: 2147483648, fragmentationFraction: 0.05, description: measured on vLLM 0.6}
 * }</pre>
 */
public final class PrecisionCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PrecisionCodecs() {}

  /** Numeric formats by key ({@code fp64 fp32 tf32 bf16 fp16 fp8 fp6 fp4 int8 int4}). */
  public static final Codec<NumericFormat> NUMERIC_FORMAT =
      new Codec<>() {
        @Override
        public NumericFormat read(DocumentNode node) {
          String key = node.asText();
          return node.build(() -> NumericFormat.parse(key));
        }

        @Override
        public JsonNode write(NumericFormat format) {
          return NODES.textNode(format.key());
        }

        @Override
        public ObjectNode schema(SchemaDefinitions definitions) {
          ObjectNode out = NODES.objectNode().put("type", "string");
          var keys = out.putArray("enum");
          for (NumericFormat format : NumericFormat.values()) {
            keys.add(format.key());
          }
          return out;
        }
      };

  /** Weight formats: a preset's name ({@code bf16}, {@code mxfp4}, {@code int4-g128}, ...) or a full object. */
  public static final Codec<WeightFormat> WEIGHT_FORMAT =
      new Codec<>() {
        @Override
        public WeightFormat read(DocumentNode node) {
          if (node.json().isTextual()) {
            String name = node.asText();
            return node.build(() -> WeightFormat.preset(name));
          }
          ObjectFields fields = node.fields();
          String name = fields.requiredText("name");
          double bits = fields.requiredDouble("bitsPerWeight");
          int blockSize = fields.optionalInt("blockSize").orElse(0);
          double scaleBits = fields.optionalDouble("scaleBitsPerBlock").orElse(0);
          String source = fields.requiredText("source");
          fields.finish();
          return node.build(() -> new WeightFormat(name, bits, blockSize, scaleBits, source));
        }

        @Override
        public JsonNode write(WeightFormat format) {
          if (WeightFormat.presets().contains(format)) {
            return NODES.textNode(format.name());
          }
          ObjectNode out = NODES.objectNode();
          out.put("name", format.name());
          out.put("bitsPerWeight", format.bitsPerWeight());
          out.put("blockSize", format.blockSize());
          out.put("scaleBitsPerBlock", format.scaleBitsPerBlock());
          out.put("source", format.source());
          return out;
        }
      };

  /**
   * Memory allowances: {@code fixedBytes}, {@code fragmentationFraction} in [0, 1) and a {@code description};
   * or the name {@code none} or {@code assumed-default}.
   */
  public static final Codec<MemoryAllowance> MEMORY_ALLOWANCE =
      new Codec<>() {
        @Override
        public MemoryAllowance read(DocumentNode node) {
          if (node.json().isTextual()) {
            switch (node.asText()) {
              case "none":
                return MemoryAllowance.NONE;
              case "assumed-default":
                return MemoryAllowance.ASSUMED_DEFAULT;
              default:
                throw node.error(
                    "unknown allowance " + node.describe() + "; expected none, assumed-default or an object");
            }
          }
          ObjectFields fields = node.fields();
          long fixedBytes = fields.requiredLong("fixedBytes");
          double fragmentation = fields.requiredDouble("fragmentationFraction");
          String description = fields.optionalText("description").orElse("");
          fields.finish();
          return node.build(() -> new MemoryAllowance(fixedBytes, fragmentation, description));
        }

        @Override
        public JsonNode write(MemoryAllowance allowance) {
          if (allowance.equals(MemoryAllowance.NONE)) {
            return NODES.textNode("none");
          }
          if (allowance.equals(MemoryAllowance.ASSUMED_DEFAULT)) {
            return NODES.textNode("assumed-default");
          }
          ObjectNode out = NODES.objectNode();
          out.put("fixedBytes", allowance.fixedBytes());
          out.put("fragmentationFraction", allowance.fragmentationFraction());
          out.put("description", allowance.description());
          return out;
        }
      };
}
