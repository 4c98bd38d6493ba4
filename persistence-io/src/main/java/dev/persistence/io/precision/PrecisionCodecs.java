package dev.persistence.io.precision;

import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.integer;
import dev.persistence.core.parallelism.ImmutableParallelismPlan.Builder;
import dev.persistence.core.precision.ImmutableTrainingPrecision;
import dev.persistence.core.precision.OptimizerState;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.io.precision.PrecisionCodecs;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import java.util.Optional;
import java.util.stream.Collectors;

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
      ValueCodecs.composed(
          node -> {
            String key = node.asText();
            return node.build(() -> NumericFormat.parse(key));
          },
          format -> NODES.textNode(format.key()),
          definitions -> {
            ObjectNode out = NODES.objectNode().put("type", "string");
            var keys = out.putArray("enum");
            for (NumericFormat format : NumericFormat.values()) {
              keys.add(format.key());
            }
            return out;
          });

  private static final Codec<WeightFormat> WEIGHT_FORMAT_OBJECT =
      ObjectCodec.record(WeightFormat.class, "weightFormatObject")
          .required("name", ValueCodecs.NAME)
          .required("bitsPerWeight", ValueCodecs.POSITIVE_NUMBER)
          .optional("blockSize", ValueCodecs.integer(0))
          .byDefault(0)
          .optional("scaleBitsPerBlock", ValueCodecs.NON_NEGATIVE_NUMBER)
          .byDefault(0.0)
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

  private static final Codec<OptimizerState> OPTIMIZER_STATE =
      ObjectCodec.record(OptimizerState.class, "optimizerState")
          .required("name", NAME)
          .required("bytesPerParameter", NUMBER)
          .build();

  private static final Codec<TrainingPrecision> TRAINING_PRECISION_OBJECT =
      ObjectCodec.builder(
              TrainingPrecision.class,
              "trainingPrecisionObject", TrainingPrecision::builder, ImmutableTrainingPrecision.Builder::build)
          .required("name", NAME)
          .required("computeFormat", PrecisionCodecs.NUMERIC_FORMAT)
          .required("weightBytes", NUMBER)
          .required("gradientBytes", NUMBER)
          .required("masterWeightBytes", NUMBER)
          .optional("linearInputActivationBytes", NUMBER)
          .describedAs("bytes per element of stored linear-layer inputs; default 2 (bf16), 1 for FP8 caching")
          .required("optimizerStates", ValueCodecs.list(OPTIMIZER_STATE))
          .required("source", NAME)
          .build();

  /** Training precisions: a preset's name ({@code bf16-adam}) or a full object. */
  public static final Codec<TrainingPrecision> TRAINING_PRECISION =
      ValueCodecs.namedOrObject(
          "trainingPrecision",
          () -> TrainingPrecision.presets().stream().map(TrainingPrecision::name).collect(Collectors.toList()),
          "a preset's name",
          TrainingPrecision::preset,
          precision -> TrainingPrecision.presets().contains(precision) ? Optional.of(precision.name()) : Optional.empty(),
          TRAINING_PRECISION_OBJECT);
}
