package dev.persistence.io.scenario;

import static dev.persistence.io.document.ValueCodecs.FRACTION;
import static dev.persistence.io.document.ValueCodecs.INTEGER;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.TEXT;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.integer;
import static dev.persistence.io.document.ValueCodecs.list;
import static dev.persistence.io.document.ValueCodecs.longInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.costing.energy.CarbonAccounting;
import dev.persistence.costing.energy.GridIntensity;
import dev.persistence.costing.money.CloudPrice;
import dev.persistence.costing.money.PricingTerm;
import dev.persistence.costing.plan.ImmutablePlannedPhase;
import dev.persistence.costing.plan.OwnedEconomics;
import dev.persistence.costing.plan.PlannedPhase;
import dev.persistence.costing.plan.ServingPlan;
import dev.persistence.costing.plan.Target;
import dev.persistence.costing.plan.TargetMetric;
import dev.persistence.costing.program.Milestone;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.costing.program.Role;
import dev.persistence.costing.training.Goodput;
import dev.persistence.costing.uncertainty.Constant;
import dev.persistence.costing.uncertainty.Distribution;
import dev.persistence.costing.uncertainty.LogNormal;
import dev.persistence.costing.uncertainty.LogUniform;
import dev.persistence.costing.uncertainty.Normal;
import dev.persistence.costing.uncertainty.Scenarios;
import dev.persistence.costing.uncertainty.Triangular;
import dev.persistence.costing.uncertainty.Uniform;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ObjectCodec.Values;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.document.Suggestions;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.posttraining.PostTrainingCodecs;
import dev.persistence.io.precision.PrecisionCodecs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Codecs of the parts of a scenario: prices, grids, goodput, distributions, program phases, roles, milestones,
 * targets, owned economics and serving, each declared as a table of fields ({@link ObjectCodec}). Presets are
 * written by name; everything else as objects with camelCase fields. A distribution is a union selected by its
 * {@code distribution} field, whose alternatives are declared tables; only the union's {@code oneOf} is written
 * here by hand.
 */
public final class ScenarioCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ScenarioCodecs() {}


  // ---- Pieces shared by the scenario's and the post-training's tables ----

  /**
   * A discriminator's value ({@code distribution: uniform}, {@code kind: rl}): read by the union that selects the
   * table, re-read by the table, written as {@code value}, described as the one-value enum.
   *
   * @param value the alternative's name
   */
  public static <T> Codec<T> tag(String value) {
    return ValueCodecs.composed(
        node -> {
          node.asText();
          return null;
        },
        ignored -> NODES.textNode(value),
        definitions -> {
          ObjectNode out = NODES.objectNode().put("type", "string");
          out.putArray("enum").add(value);
          return out;
        });
  }

  /**
   * A table's codec whose schema definition carries rules across fields that a table cannot state (exactly one
   * of two fields, a field required for one kind).
   *
   * @param table the declared table
   * @param definition its name in {@code $defs}
   * @param rules adds the rules to the table's fragment
   */
  public static <T> Codec<T> withRules(ObjectCodec<T, ?> table, String definition, Consumer<ObjectNode> rules) {
    return ValueCodecs.composed(
        table::read,
        table::write,
        definitions ->
            definitions.ref(
                definition,
                () -> {
                  ObjectNode fragment = table.fragment(definitions);
                  rules.accept(fragment);
                  return fragment;
                }));
  }

  /** {@code schema}'s codec read by {@code reader} (a check with its own message on a declared value type). */
  static <T> Codec<T> reading(Codec<T> schema, Function<DocumentNode, T> reader) {
    return ValueCodecs.composed(reader, schema::write, schema::schema);
  }

  /** A fraction in (0, 1]: an efficiency, a utilisation, a goodput (the receiving type checks it). */
  public static final Codec<Double> POSITIVE_FRACTION =
      ValueCodecs.composed(
          FRACTION::read,
          FRACTION::write,
          definitions -> NODES.objectNode().put("type", "number").put("exclusiveMinimum", 0).put("maximum", 1));

  /** A finite number {@code > 0}, checked where it is read ({@code expected a number > 0, got -4.0E12}). */
  public static final Codec<Double> POSITIVE = reading(POSITIVE_NUMBER, DocumentNode::asPositiveDouble);

  /** An {@code int > 0}, checked where it is read ({@code expected an integer > 0, got 0}). */
  public static final Codec<Integer> POSITIVE_INT = reading(integer(1), DocumentNode::asPositiveInt);

  /**
   * A finite number {@code >= 0} whose error names the field ({@code contingencyFraction (-1.0) must be finite and
   * >= 0}).
   *
   * @param name the field
   */
  public static Codec<Double> nonNegative(String name) {
    return reading(
        NON_NEGATIVE_NUMBER,
        node -> {
          double value = node.asDouble();
          if (!(value >= 0)) {
            throw node.error(name + " (" + value + ") must be finite and >= 0");
          }
          return value;
        });
  }

  /** A date as {@code YYYY-MM-DD}. */
  static final Codec<LocalDate> DATE =
      ValueCodecs.date(node -> "expected a date as YYYY-MM-DD, got " + node.describe(), "a date, YYYY-MM-DD");

  /** Sets a field of a record read into a map ({@link #fromMap}), for tables whose fields are written when set. */
  static <V> BiConsumer<Map<String, Object>, V> into(String name) {
    return (fields, value) -> fields.put(name, value);
  }

  /** Starts the table of a record read into a map by field name, built by {@code construct}. */
  static <T> ObjectCodec.Builder<T, Map<String, Object>> fromMap(
      Class<T> type, String definition, Function<Map<String, Object>, T> construct) {
    return ObjectCodec.<T, Map<String, Object>>builder(type, definition, HashMap::new, construct);
  }

  static Optional<Integer> boxed(OptionalInt value) {
    return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
  }

  static Optional<Long> boxed(OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }

  static Optional<Double> boxed(OptionalDouble value) {
    return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
  }

  static OptionalDouble optionalDouble(Map<String, Object> fields, String name) {
    Object value = fields.get(name);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of((Double) value);
  }

  // ---- Prices, grids, goodput ----

  private static final Map<String, Goodput> GOODPUT_PRESETS =
      Map.of("llama-3-405b", Goodput.LLAMA_3_405B, "none", Goodput.NONE);

  /** Goodput: {@code llama-3-405b} (the default's source), {@code none}, or {@code {fraction, source}}. */
  public static final Codec<Goodput> GOODPUT =
      ValueCodecs.namedOrObject(
          "goodput",
          () -> List.of("llama-3-405b", "none"),
          "a goodput preset's name",
          name -> {
            Goodput preset = GOODPUT_PRESETS.get(name);
            if (preset == null) {
              throw new IllegalArgumentException(
                  "unknown goodput \"" + name + "\"; expected llama-3-405b, none or {fraction, source}");
            }
            return preset;
          },
          goodput ->
              goodput.equals(Goodput.LLAMA_3_405B)
                  ? Optional.of("llama-3-405b")
                  : goodput.equals(Goodput.NONE) ? Optional.of("none") : Optional.empty(),
          ObjectCodec.components(
                  Goodput.class,
                  "goodputObject",
                  (Values v) -> Goodput.of(v.<Double>get("fraction"), v.get("source")))
              .required("fraction", POSITIVE_FRACTION, Goodput::fraction)
              .required("source", NAME, Goodput::source)
              .build());

  // ---- Distributions ----

  private static final String KIND = "distribution";

  private static final ObjectCodec<Constant, Values> CONSTANT =
      ObjectCodec.components(Constant.class, "constant", (Values v) -> new Constant(v.<Double>get("value")))
          .required(KIND, tag("constant"), d -> d)
          .required("value", NUMBER, Constant::value)
          .build();

  private static final ObjectCodec<Uniform, Values> UNIFORM =
      ObjectCodec.components(
              Uniform.class, "uniform", (Values v) -> new Uniform(v.<Double>get("min"), v.<Double>get("max")))
          .required(KIND, tag("uniform"), d -> d)
          .required("min", NUMBER, Uniform::min)
          .required("max", NUMBER, Uniform::max)
          .build();

  private static final ObjectCodec<LogUniform, Values> LOG_UNIFORM =
      ObjectCodec.components(
              LogUniform.class,
              "logUniform",
              (Values v) -> new LogUniform(v.<Double>get("min"), v.<Double>get("max")))
          .required(KIND, tag("log-uniform"), d -> d)
          .required("min", POSITIVE_NUMBER, LogUniform::min)
          .required("max", POSITIVE_NUMBER, LogUniform::max)
          .build();

  private static final ObjectCodec<Triangular, Values> TRIANGULAR =
      ObjectCodec.components(
              Triangular.class,
              "triangular",
              (Values v) -> new Triangular(v.<Double>get("min"), v.<Double>get("mode"), v.<Double>get("max")))
          .required(KIND, tag("triangular"), d -> d)
          .required("min", NUMBER, Triangular::min)
          .required("mode", NUMBER, Triangular::mode)
          .required("max", NUMBER, Triangular::max)
          .build();

  private static final ObjectCodec<Normal, Map<String, Object>> NORMAL =
      fromMap(
              Normal.class,
              "normal",
              v ->
                  new Normal(
                      (Double) v.get("mean"),
                      (Double) v.get("standardDeviation"),
                      (Double) v.getOrDefault("lower", Double.NEGATIVE_INFINITY),
                      (Double) v.getOrDefault("upper", Double.POSITIVE_INFINITY)))
          .required(KIND, tag("normal"), d -> d, into(KIND))
          .required("mean", NUMBER, Normal::mean, into("mean"))
          .required("standardDeviation", NON_NEGATIVE_NUMBER, Normal::standardDeviation, into("standardDeviation"))
          .optionalIfSet("lower", NUMBER, n -> finite(n.lower()), into("lower"))
          .optionalIfSet("upper", NUMBER, n -> finite(n.upper()), into("upper"))
          .build();

  private static Optional<Double> finite(double value) {
    return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
  }

  private static final ObjectCodec<LogNormal, Values> LOG_NORMAL =
      ObjectCodec.components(
              LogNormal.class,
              "logNormal",
              (Values v) -> LogNormal.withMedian(v.<Double>get("median"), v.<Double>get("sigma")))
          .required(KIND, tag("log-normal"), d -> d)
          .required("median", POSITIVE_NUMBER, l -> Math.exp(l.mu()))
          .required("sigma", NON_NEGATIVE_NUMBER, LogNormal::sigma)
          .build();

  private static final ObjectCodec<Scenarios, Values> SCENARIOS =
      ObjectCodec.components(
              Scenarios.class,
              "scenarios",
              (Values v) -> {
                double[] values = doubles(v.get("values"));
                double[] weights = new double[values.length];
                Arrays.fill(weights, 1);
                return Scenarios.weighted(values, v.<List<Double>>optional("weights").map(ScenarioCodecs::doubles).orElse(weights));
              })
          .required(KIND, tag("scenarios"), d -> d)
          .required("values", list(NUMBER), s -> boxedList(s.values()))
          .optional("weights", list(NON_NEGATIVE_NUMBER), s -> boxedList(s.weights()))
          .build();

  private static double[] doubles(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<Double> boxedList(double[] values) {
    return Arrays.stream(values).boxed().collect(Collectors.toList());
  }

  /** One table of a union, selected by its discriminator's value and by the written value's class. */
  private record Alternative<T>(String name, Class<? extends T> type, ObjectCodec<? extends T, ?> table) {
    @SuppressWarnings("unchecked")
    JsonNode write(T value) {
      return ((ObjectCodec<T, ?>) table).write(value);
    }
  }

  /** The distributions, in the order errors list them. */
  private static final List<Alternative<Distribution>> DISTRIBUTIONS =
      List.of(
          new Alternative<>("constant", Constant.class, CONSTANT),
          new Alternative<>("uniform", Uniform.class, UNIFORM),
          new Alternative<>("log-uniform", LogUniform.class, LOG_UNIFORM),
          new Alternative<>("triangular", Triangular.class, TRIANGULAR),
          new Alternative<>("normal", Normal.class, NORMAL),
          new Alternative<>("log-normal", LogNormal.class, LOG_NORMAL),
          new Alternative<>("scenarios", Scenarios.class, SCENARIOS));

  /**
   * A distribution: a number (a constant) or an object whose {@code distribution} field selects its table:
   * {@code constant {value}}, {@code uniform {min, max}}, {@code log-uniform {min, max}}, {@code triangular {min,
   * mode, max}}, {@code normal {mean, standardDeviation, lower?, upper?}}, {@code log-normal {median, sigma}},
   * {@code scenarios {values, weights?}}.
   */
  public static final Codec<Distribution> DISTRIBUTION =
      new Codec<>() {
        @Override
        public Distribution read(DocumentNode node) {
          if (node.json().isNumber()) {
            double value = node.asDouble();
            return node.build(() -> new Constant(value));
          }
          DocumentNode kind = node.fields().required(KIND);
          String name = kind.asText();
          for (Alternative<Distribution> alternative : DISTRIBUTIONS) {
            if (alternative.name().equals(name)) {
              return alternative.table().read(node);
            }
          }
          List<String> names = DISTRIBUTIONS.stream().map(Alternative::name).collect(Collectors.toList());
          throw kind.error(
              "unknown distribution \"" + name + "\"; expected "
                  + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
        }

        @Override
        public JsonNode write(Distribution value) {
          for (Alternative<Distribution> alternative : DISTRIBUTIONS) {
            if (alternative.type().isInstance(value)) {
              return alternative.write(value);
            }
          }
          throw new IllegalArgumentException("no table for the distribution " + value);
        }

        @Override
        public ObjectNode schema(SchemaDefinitions definitions) {
          return definitions.ref(
              "distribution",
              () -> {
                ObjectNode out = NODES.objectNode();
                var alternatives = out.putArray("oneOf");
                alternatives.addObject().put("type", "number").put("description", "a constant");
                DISTRIBUTIONS.forEach(alternative -> alternatives.add(alternative.table().schema(definitions)));
                return out;
              });
        }
      };

  // ---- The program: roles, milestones, phases ----

  /** A phase of a scenario's program ({@code file:} models of a {@code postTraining} stage from the working folder). */
  public static final Codec<PlannedPhase> PHASE = ValueCodecs.lazy(() -> phase(Path.of("")));

  /**
   * A phase of a scenario's program, whose {@code postTraining} stage
   * ({@link dev.persistence.io.posttraining.PostTrainingCodecs#plannedStage}) resolves {@code file:} models against
   * {@code folder}.
   *
   * @param folder the scenario's folder
   */
  public static Codec<PlannedPhase> phase(Path folder) {
    ObjectCodec<PlannedPhase, ImmutablePlannedPhase.Builder> table =
        ObjectCodec.builder(PlannedPhase.class, "phase", PlannedPhase::builder, ImmutablePlannedPhase.Builder::build)
            .required("name", NAME, PlannedPhase::name, ImmutablePlannedPhase.Builder::name)
            .required("kind", enumeration(PhaseKind.class), PlannedPhase::kind, ImmutablePlannedPhase.Builder::kind)
            .required("startMonth", INTEGER, PlannedPhase::startMonth, ImmutablePlannedPhase.Builder::startMonth)
            .optionalIfSet(
                "durationMonths",
                INTEGER,
                phase -> boxed(phase.durationMonths()),
                ImmutablePlannedPhase.Builder::durationMonths)
            .optionalIfSet(
                "computeCostUsd",
                NUMBER,
                phase -> boxed(phase.computeCostUsd()),
                ImmutablePlannedPhase.Builder::computeCostUsd)
            .optionalIfSet(
                "computeFractionOfPretraining",
                NUMBER,
                phase -> boxed(phase.computeFractionOfPretraining()),
                ImmutablePlannedPhase.Builder::computeFractionOfPretraining)
            .optional(
                "licensedTokens", NUMBER, PlannedPhase::licensedTokens, ImmutablePlannedPhase.Builder::licensedTokens)
            .optional(
                "licensedTokenPriceUsdPerMillion",
                NUMBER,
                PlannedPhase::licensedTokenPriceUsdPerMillion,
                ImmutablePlannedPhase.Builder::licensedTokenPriceUsdPerMillion)
            .optional(
                "annotatedItems", NUMBER, PlannedPhase::annotatedItems, ImmutablePlannedPhase.Builder::annotatedItems)
            .optional(
                "annotationPriceUsdPerItem",
                NUMBER,
                PlannedPhase::annotationPriceUsdPerItem,
                ImmutablePlannedPhase.Builder::annotationPriceUsdPerItem)
            .optional("otherCostUsd", NUMBER, PlannedPhase::otherCostUsd, ImmutablePlannedPhase.Builder::otherCostUsd)
            .optionalIfSet(
                "postTraining",
                PostTrainingCodecs.plannedStage(folder, 0),
                PlannedPhase::postTraining,
                ImmutablePlannedPhase.Builder::postTraining)
            .build();
    // A phase costs compute one way at most; every phase but pre-training says how long it runs.
    return withRules(
        table,
        "phase",
        fragment -> {
          var rules = fragment.putArray("allOf");
          rules.addObject().putObject("not").putArray("required").add("computeCostUsd").add("computeFractionOfPretraining");
          var lasts = rules.addObject().putArray("anyOf");
          ObjectNode pretraining = lasts.addObject();
          pretraining.putObject("properties").putObject("kind").putArray("enum").add("pretraining");
          pretraining.putArray("required").add("kind");
          lasts.addObject().putArray("required").add("durationMonths");
          lasts.addObject().putArray("required").add("postTraining");
          rules.addObject().putObject("not").putArray("required").add("postTraining").add("computeCostUsd");
          rules.addObject().putObject("not").putArray("required").add("postTraining").add("computeFractionOfPretraining");
        });
  }

  // ---- Targets ----

  private static Codec<Target> range(TargetMetric metric) {
    ObjectCodec<Target, Map<String, Object>> table =
        fromMap(
                Target.class,
                "range",
                v -> new Target(metric, optionalDouble(v, "min"), optionalDouble(v, "max")))
            .optionalIfSet("min", NUMBER, target -> boxed(target.min()), into("min"))
            .optionalIfSet("max", NUMBER, target -> boxed(target.max()), into("max"))
            .build();
    return withRules(
        table,
        "range",
        fragment -> {
          var either = fragment.putArray("anyOf");
          either.addObject().putArray("required").add("min");
          either.addObject().putArray("required").add("max");
        });
  }

  /** The {@code targets} object: metric (camelCase) to {@code {min?, max?}}. */
  public static final Codec<List<Target>> TARGETS = targets();

  @SuppressWarnings("unchecked")
  private static Codec<List<Target>> targets() {
    Class<List<Target>> type = (Class<List<Target>>) (Class<?>) List.class;
    ObjectCodec.Builder<List<Target>, List<Target>> table =
        ObjectCodec.<List<Target>, List<Target>>builder(type, "targets", ArrayList::new, List::copyOf)
            .description("a metric's camelCase name to the range the plan must meet");
    for (TargetMetric metric : TargetMetric.values()) {
      table.optionalIfSet(
          EnumNames.camelCase(metric),
          range(metric),
          targets -> targets.stream().filter(target -> target.metric() == metric).reduce((first, last) -> last),
          List::add);
    }
    return table.build();
  }

  // ---- Owning and serving ----

  /** The economics of owning the cluster: capital, amortisation, utilisation, power and staff, all required. */
  public static final Codec<OwnedEconomics> OWNED =
      ObjectCodec.components(
              OwnedEconomics.class,
              "owned",
              (Values v) ->
                  new OwnedEconomics(
                      v.<Double>get("capitalUsdPerAccelerator"),
                      v.<Double>get("capitalUsdPerNode"),
                      v.<Double>get("networkingAndStorageFraction"),
                      v.<Double>get("amortisationYears"),
                      v.<Double>get("utilisation"),
                      v.<Double>get("powerPriceUsdPerKilowattHour"),
                      v.<Double>get("operationsStaffUsdPerYear")))
          .description("the economics of owning the cluster")
          .required("capitalUsdPerAccelerator", NUMBER, OwnedEconomics::capitalUsdPerAccelerator)
          .required("capitalUsdPerNode", NUMBER, OwnedEconomics::capitalUsdPerNode)
          .required("networkingAndStorageFraction", NUMBER, OwnedEconomics::networkingAndStorageFraction)
          .required("amortisationYears", NUMBER, OwnedEconomics::amortisationYears)
          .required("utilisation", NUMBER, OwnedEconomics::utilisation)
          .required("powerPriceUsdPerKilowattHour", NUMBER, OwnedEconomics::powerPriceUsdPerKilowattHour)
          .required("operationsStaffUsdPerYear", NUMBER, OwnedEconomics::operationsStaffUsdPerYear)
          .build();

  /** Production serving priced by the serving roofline, added to the program as a serving phase. */
  public static final Codec<ServingPlan> SERVING =
      fromMap(
              ServingPlan.class,
              "serving",
              v ->
                  new ServingPlan(
                      (Integer) v.get("startMonth"),
                      (Integer) v.get("durationMonths"),
                      (Double) v.get("inputTokensPerDay"),
                      (Double) v.get("outputTokensPerDay"),
                      (Long) v.get("promptTokens"),
                      (Long) v.get("outputTokens"),
                      (Integer) v.getOrDefault("tensorParallel", 1),
                      (WeightFormat) v.getOrDefault("weightFormat", WeightFormat.BF16),
                      v.containsKey("batch") ? OptionalLong.of((Long) v.get("batch")) : OptionalLong.empty(),
                      (Double) v.getOrDefault("targetUtilisation", 1.0),
                      (Double) v.getOrDefault("computeEfficiency", 1.0),
                      (Double) v.getOrDefault("bandwidthEfficiency", 1.0)))
          .description(
              "Production serving priced by the serving roofline (dev.persistence.costing.plan.ServingPlan); added to"
                  + " the program as a serving phase.")
          .required("startMonth", integer(0), ServingPlan::startMonth, into("startMonth"))
          .describedAs("Month serving starts, from 0.")
          .required("durationMonths", integer(1), ServingPlan::durationMonths, into("durationMonths"))
          .describedAs("Months of serving.")
          .required("inputTokensPerDay", NON_NEGATIVE_NUMBER, ServingPlan::inputTokensPerDay, into("inputTokensPerDay"))
          .describedAs("Prompt tokens per day.")
          .required(
              "outputTokensPerDay", NON_NEGATIVE_NUMBER, ServingPlan::outputTokensPerDay, into("outputTokensPerDay"))
          .describedAs("Generated tokens per day.")
          .required("promptTokens", longInteger(1), ServingPlan::promptTokens, into("promptTokens"))
          .describedAs("Prompt length of a typical request.")
          .required("outputTokens", longInteger(1), ServingPlan::outputTokens, into("outputTokens"))
          .describedAs("Generated length of a typical request.")
          .optional("tensorParallel", integer(1), ServingPlan::tensorParallel, into("tensorParallel"))
          .describedAs("Accelerators per replica (default 1).")
          .optional(
              "weightFormat",
              PrecisionCodecs.WEIGHT_FORMAT,
              ServingPlan::weightFormat,
              into("weightFormat"))
          .optionalIfSet("batch", longInteger(1), serving -> boxed(serving.batch()), into("batch"))
          .describedAs("Requests decoded together; absent for the largest batch that fits.")
          .optional("targetUtilisation", POSITIVE_FRACTION, ServingPlan::targetUtilisation, into("targetUtilisation"))
          .describedAs("Busy fraction the fleet is sized for, in (0, 1] (default 1).")
          .optional("computeEfficiency", POSITIVE_FRACTION, ServingPlan::computeEfficiency, into("computeEfficiency"))
          .describedAs("Achieved over peak FLOP/s, in (0, 1] (default 1).")
          .optional("bandwidthEfficiency", POSITIVE_FRACTION, ServingPlan::bandwidthEfficiency, into("bandwidthEfficiency"))
          .describedAs("Achieved over peak memory bandwidth, in (0, 1] (default 1).")
          .build();
}
