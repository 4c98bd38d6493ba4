package dev.persistence.io.uncertainty;

import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.list;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.persistence.costing.uncertainty.Constant;
import dev.persistence.costing.uncertainty.Distribution;
import dev.persistence.costing.uncertainty.LogNormal;
import dev.persistence.costing.uncertainty.LogUniform;
import dev.persistence.costing.uncertainty.Normal;
import dev.persistence.costing.uncertainty.Scenarios;
import dev.persistence.costing.uncertainty.Triangular;
import dev.persistence.costing.uncertainty.Uniform;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ObjectCodec.Values;
import dev.persistence.io.document.TypedUnion;
import dev.persistence.io.document.ValueCodecs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;

/**
 * Codecs of the uncertainty model's distributions ({@code dev.persistence.costing.uncertainty}): a number (a
 * constant) or an object whose {@code distribution} field selects its table.
 */
public final class UncertaintyCodecs {
  private static final com.fasterxml.jackson.databind.node.JsonNodeFactory NODES =
      com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

  private UncertaintyCodecs() {}

  private static final String KIND = "distribution";

  private static final ObjectCodec<Constant, Values> CONSTANT =
      ObjectCodec.record(Constant.class, "constant")
          .allow(KIND)
          .required("value", NUMBER)
          .build();

  private static final ObjectCodec<Uniform, Values> UNIFORM =
      ObjectCodec.record(Uniform.class, "uniform")
          .allow(KIND)
          .required("min", NUMBER)
          .required("max", NUMBER)
          .build();

  private static final ObjectCodec<LogUniform, Values> LOG_UNIFORM =
      ObjectCodec.record(LogUniform.class, "logUniform")
          .allow(KIND)
          .required("min", POSITIVE_NUMBER)
          .required("max", POSITIVE_NUMBER)
          .build();

  private static final ObjectCodec<Triangular, Values> TRIANGULAR =
      ObjectCodec.record(Triangular.class, "triangular")
          .allow(KIND)
          .required("min", NUMBER)
          .required("mode", NUMBER)
          .required("max", NUMBER)
          .build();

  private static final ObjectCodec<Normal, Map<String, Object>> NORMAL =
      ObjectCodec.fromMap(
              Normal.class,
              "normal",
              v ->
                  new Normal(
                      (Double) v.get("mean"),
                      (Double) v.get("standardDeviation"),
                      (Double) v.getOrDefault("lower", Double.NEGATIVE_INFINITY),
                      (Double) v.getOrDefault("upper", Double.POSITIVE_INFINITY)))
          .allow(KIND)
          .required("mean", NUMBER, Normal::mean, ObjectCodec.into("mean"))
          .required("standardDeviation", POSITIVE_NUMBER, Normal::standardDeviation, ObjectCodec.into("standardDeviation"))
          .optionalIfSet("lower", NUMBER, n -> finite(n.lower()), ObjectCodec.into("lower"))
          .optionalIfSet("upper", NUMBER, n -> finite(n.upper()), ObjectCodec.into("upper"))
          .build();

  private static Optional<Double> finite(double value) {
    return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
  }

  private static final ObjectCodec<LogNormal, Values> LOG_NORMAL =
      ObjectCodec.components(
              LogNormal.class,
              "logNormal",
              (Values v) -> LogNormal.withMedian(v.<Double>get("median"), v.<Double>get("sigma")))
          .allow(KIND)
          .required("median", POSITIVE_NUMBER, l -> Math.exp(l.mu()))
          .required("sigma", POSITIVE_NUMBER, LogNormal::sigma)
          .build();

  private static final ObjectCodec<Scenarios, Values> SCENARIOS =
      ObjectCodec.components(
              Scenarios.class,
              "scenarios",
              (Values v) -> {
                double[] values = doubles(v.get("values"));
                double[] weights = new double[values.length];
                Arrays.fill(weights, 1);
                return Scenarios.weighted(values, v.<List<Double>>optional("weights").map(UncertaintyCodecs::doubles).orElse(weights));
              })
          .allow(KIND)
          .required("values", list(NUMBER), s -> boxedList(s.values()))
          .optional("weights", list(NON_NEGATIVE_NUMBER), s -> boxedList(s.weights()))
          .build();

  private static double[] doubles(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<Double> boxedList(double[] values) {
    return Arrays.stream(values).boxed().collect(Collectors.toList());
  }

  /** The distributions' tables, told apart by their {@code distribution} field, in the order errors list them. */
  private static final TypedUnion<Distribution> KINDS =
      TypedUnion.<Distribution>builder("distribution", "distribution")
          .discriminator(KIND)
          .kind("constant", Constant.class, CONSTANT)
          .kind("uniform", Uniform.class, UNIFORM)
          .kind("log-uniform", LogUniform.class, LOG_UNIFORM)
          .kind("triangular", Triangular.class, TRIANGULAR)
          .kind("normal", Normal.class, NORMAL)
          .kind("log-normal", LogNormal.class, LOG_NORMAL)
          .kind("scenarios", Scenarios.class, SCENARIOS)
          .build();

  /**
   * A distribution: a number (a constant) or an object whose {@code distribution} field selects its table:
   * {@code constant {value}}, {@code uniform {min, max}}, {@code log-uniform {min, max}}, {@code triangular {min,
   * mode, max}}, {@code normal {mean, standardDeviation, lower?, upper?}}, {@code log-normal {median, sigma}},
   * {@code scenarios {values, weights?}}.
   */
  public static final Codec<Distribution> DISTRIBUTION =
      KINDS.orScalar(
          "distribution",
          Distribution.class,
          ValueCodecs.composed(
              node -> {
                double value = node.asDouble();
                return node.build(() -> new Constant(value));
              },
              constant -> KINDS.write(constant),
              definitions -> NODES.objectNode().put("type", "number").put("description", "a constant")),
          distribution -> false);
}
