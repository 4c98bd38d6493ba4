package dev.persistence.io.scenario;

import static dev.persistence.io.document.ValueCodecs.INTEGER;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.integer;
import static dev.persistence.io.document.ValueCodecs.longInteger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.plan.ImmutablePlannedPhase;
import dev.persistence.costing.plan.ImmutableOwnedEconomics;
import dev.persistence.costing.plan.ImmutableServingPlan;
import dev.persistence.costing.plan.OwnedEconomics;
import dev.persistence.costing.plan.PlannedPhase;
import dev.persistence.costing.plan.ServingPlan;
import dev.persistence.costing.plan.Target;
import dev.persistence.costing.plan.TargetMetric;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.posttraining.PostTrainingCodecs;
import dev.persistence.io.precision.PrecisionCodecs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

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

  /** {@code schema}'s codec read by {@code reader} (a check with its own message on a declared value type). */
  static <T> Codec<T> reading(Codec<T> schema, Function<DocumentNode, T> reader) {
    return ValueCodecs.composed(reader, schema::write, schema::schema);
  }

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
            .required("name", NAME)
            .required("kind", enumeration(PhaseKind.class))
            .required("startMonth", INTEGER)
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
            .optional("licensedTokens", NUMBER)
            .optional("licensedTokenPriceUsdPerMillion", NUMBER)
            .optional("annotatedItems", NUMBER)
            .optional("annotationPriceUsdPerItem", NUMBER)
            .optional("otherCostUsd", NUMBER)
            .optionalIfSet(
                "postTraining",
                PostTrainingCodecs.plannedStage(folder, 0),
                PlannedPhase::postTraining,
                ImmutablePlannedPhase.Builder::postTraining)
            // A phase costs compute one way at most; every phase but pre-training says how long it runs.
            .rules(fragment -> {
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
            })
            .build();
    return table;
  }

  // ---- Targets ----

  private static Codec<Target> range(TargetMetric metric) {
    ObjectCodec<Target, Map<String, Object>> table =
        ObjectCodec.fromMap(
                Target.class,
                "range",
                v -> new Target(metric, optionalDouble(v, "min"), optionalDouble(v, "max")))
            .optionalIfSet("min", NUMBER, target -> boxed(target.min()), ObjectCodec.into("min"))
            .optionalIfSet("max", NUMBER, target -> boxed(target.max()), ObjectCodec.into("max"))
            .rules(fragment -> {
              var either = fragment.putArray("anyOf");
              either.addObject().putArray("required").add("min");
              either.addObject().putArray("required").add("max");
            })
            .build();
    return table;
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
      ObjectCodec.builder(
              OwnedEconomics.class, "owned", OwnedEconomics::builder, ImmutableOwnedEconomics.Builder::build)
          .description("the economics of owning the cluster")
          .required("capitalUsdPerAccelerator", NUMBER)
          .required("capitalUsdPerNode", NUMBER)
          .required("networkingAndStorageFraction", NUMBER)
          .required("amortisationYears", NUMBER)
          .required("utilisation", NUMBER)
          .required("powerPriceUsdPerKilowattHour", NUMBER)
          .required("operationsStaffUsdPerYear", NUMBER)
          .build();

  /** Production serving priced by the serving roofline, added to the program as a serving phase. */
  public static final Codec<ServingPlan> SERVING =
      ObjectCodec.builder(ServingPlan.class, "serving", ServingPlan::builder, ImmutableServingPlan.Builder::build)
          .description(
              "Production serving priced by the serving roofline (dev.persistence.costing.plan.ServingPlan); added to"
                  + " the program as a serving phase.")
          .required("startMonth", integer(0))
          .describedAs("Month serving starts, from 0.")
          .required("durationMonths", integer(1))
          .describedAs("Months of serving.")
          .required("inputTokensPerDay", NON_NEGATIVE_NUMBER)
          .describedAs("Prompt tokens per day.")
          .required(
              "outputTokensPerDay", NON_NEGATIVE_NUMBER)
          .describedAs("Generated tokens per day.")
          .required("promptTokens", longInteger(1))
          .describedAs("Prompt length of a typical request.")
          .required("outputTokens", longInteger(1))
          .describedAs("Generated length of a typical request.")
          .optional("tensorParallel", integer(1))
          .describedAs("Accelerators per replica (default 1).")
          .optional(
              "weightFormat",
              PrecisionCodecs.WEIGHT_FORMAT)
          .optionalIfSet(
              "batch", longInteger(1), serving -> boxed(serving.batch()), ImmutableServingPlan.Builder::batch)
          .describedAs("Requests decoded together; absent for the largest batch that fits.")
          .optional("targetUtilisation", ValueCodecs.POSITIVE_FRACTION)
          .describedAs("Busy fraction the fleet is sized for, in (0, 1] (default 1).")
          .optional("computeEfficiency", ValueCodecs.POSITIVE_FRACTION)
          .describedAs("Achieved over peak FLOP/s, in (0, 1] (default 1).")
          .optional("bandwidthEfficiency", ValueCodecs.POSITIVE_FRACTION)
          .describedAs("Achieved over peak memory bandwidth, in (0, 1] (default 1).")
          .build();
}
