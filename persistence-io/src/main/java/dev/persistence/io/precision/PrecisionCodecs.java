package dev.persistence.io.precision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
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

  private static final Codec<WeightFormat> WEIGHT_FORMAT_OBJECT =
      ObjectCodec.components(
              WeightFormat.class,
              "weightFormatObject",
              v ->
                  new WeightFormat(
                      v.get("name"),
                      v.<Double>get("bitsPerWeight"),
                      v.get("blockSize", 0),
                      v.get("scaleBitsPerBlock", 0.0),
                      v.get("source")))
          .required("name", ValueCodecs.NAME)
          .required("bitsPerWeight", ValueCodecs.POSITIVE_NUMBER)
          .optional("blockSize", ValueCodecs.integer(0))
          .optional("scaleBitsPerBlock", ValueCodecs.NON_NEGATIVE_NUMBER)
          .required("source", ValueCodecs.NAME)
          .build();

  /** Weight formats: a preset's name ({@code bf16}, {@code mxfp4}, {@code int4-g128}, ...) or a full object. */
  public static final Codec<WeightFormat> WEIGHT_FORMAT =
      ValueCodecs.namedOrObject(
          "weightFormat",
          () -> WeightFormat.presets().stream().map(WeightFormat::name).collect(Collectors.toList()),
          "a preset's name",
          WeightFormat::preset,
          format -> WeightFormat.presets().contains(format) ? Optional.of(format.name()) : Optional.empty(),
          WEIGHT_FORMAT_OBJECT);

  /**
   * Memory allowances: {@code fixedBytes}, {@code fragmentationFraction} in [0, 1) and a {@code description};
   * or the name {@code none} or {@code assumed-default}.
   */
  public static final Codec<MemoryAllowance> MEMORY_ALLOWANCE =
      ValueCodecs.namedOrObject(
          "memoryAllowance",
          () -> List.of("none", "assumed-default"),
          "none, or assumed-default (MemoryAllowance.ASSUMED_DEFAULT)",
          PrecisionCodecs::namedAllowance,
          allowance ->
              allowance.equals(MemoryAllowance.NONE)
                  ? Optional.of("none")
                  : allowance.equals(MemoryAllowance.ASSUMED_DEFAULT) ? Optional.of("assumed-default") : Optional.empty(),
          ObjectCodec.components(
                  MemoryAllowance.class,
                  "memoryAllowanceObject",
                  v -> new MemoryAllowance(v.<Long>get("fixedBytes"), v.<Double>get("fragmentationFraction"), v.get("description", "")))
              .required("fixedBytes", ValueCodecs.longInteger(0))
              .required("fragmentationFraction", ValueCodecs.NON_NEGATIVE_NUMBER)
              .describedAs("in [0, 1)")
              .optional("description", ValueCodecs.TEXT)
              .build());

  private static MemoryAllowance namedAllowance(String name) {
    switch (name) {
      case "none":
        return MemoryAllowance.NONE;
      case "assumed-default":
        return MemoryAllowance.ASSUMED_DEFAULT;
      default:
        throw new IllegalArgumentException(
            "unknown allowance \"" + name + "\"; expected none, assumed-default or an object");
    }
  }
}
