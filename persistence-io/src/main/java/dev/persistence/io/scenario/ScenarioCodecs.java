package dev.persistence.io.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.costing.energy.CarbonAccounting;
import dev.persistence.costing.energy.GridIntensity;
import dev.persistence.costing.money.CloudPrice;
import dev.persistence.costing.money.PricingTerm;
import dev.persistence.costing.plan.PlannedPhase;
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
import dev.persistence.io.posttraining.PostTrainingCodecs;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.io.document.Suggestions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Codecs of the parts of a scenario: prices, grids, goodput, distributions, program phases, roles, milestones and
 * targets. Presets are written by name; everything else as objects with camelCase fields.
 */
public final class ScenarioCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ScenarioCodecs() {}

  /** Grid presets by name. */
  static final Map<String, GridIntensity> GRID_PRESETS = new LinkedHashMap<>();

  static {
    GRID_PRESETS.put("france-bloom", GridIntensity.FRANCE_BLOOM);
    GRID_PRESETS.put("gpt3-patterson", GridIntensity.GPT3_PATTERSON);
    GRID_PRESETS.put("fully-matched-renewable", GridIntensity.FULLY_MATCHED_RENEWABLE);
  }

  /** A cloud price: a preset's name, or {@code {usdPerAcceleratorHour, accelerator, term, asOf, source}}. */
  public static final Codec<CloudPrice> CLOUD_PRICE =
      new Codec<>() {
        @Override
        public CloudPrice read(DocumentNode node) {
          if (node.json().isTextual()) {
            String name = node.asText();
            return node.build(() -> CloudPrice.preset(name));
          }
          ObjectFields fields = node.fields();
          double price = fields.requiredDouble("usdPerAcceleratorHour");
          String accelerator = fields.requiredText("accelerator");
          PricingTerm term = fields.optionalEnum("term", PricingTerm.class).orElse(PricingTerm.ON_DEMAND);
          LocalDate asOf = date(fields.required("asOf"));
          String source = fields.requiredText("source");
          String name = fields.optionalText("name").orElse("user");
          fields.finish();
          return node.build(() -> new CloudPrice(name, accelerator, price, term, asOf, source, true));
        }

        @Override
        public JsonNode write(CloudPrice price) {
          if (CloudPrice.presets().contains(price)) {
            return NODES.textNode(price.name());
          }
          ObjectNode out = NODES.objectNode();
          out.put("name", price.name());
          out.put("usdPerAcceleratorHour", price.usdPerAcceleratorHour());
          out.put("accelerator", price.accelerator());
          out.put("term", EnumNames.kebabCase(price.term()));
          out.put("asOf", price.asOf().toString());
          out.put("source", price.source());
          return out;
        }
      };

  static LocalDate date(DocumentNode node) {
    String text = node.asText();
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw node.error("expected a date as YYYY-MM-DD, got " + node.describe());
    }
  }

  /**
   * A grid intensity: a preset's name ({@code france-bloom}, {@code gpt3-patterson},
   * {@code fully-matched-renewable}) or {@code {name, kilogramsCo2ePerKilowattHour, accounting, source}}.
   */
  public static final Codec<GridIntensity> GRID =
      new Codec<>() {
        @Override
        public GridIntensity read(DocumentNode node) {
          if (node.json().isTextual()) {
            String name = node.asText();
            GridIntensity preset = GRID_PRESETS.get(name);
            if (preset == null) {
              throw node.error(
                  "unknown grid \"" + name + "\"" + Suggestions.didYouMean(name, GRID_PRESETS.keySet())
                      + "; presets: " + String.join(", ", GRID_PRESETS.keySet()));
            }
            return preset;
          }
          ObjectFields fields = node.fields();
          String name = fields.requiredText("name");
          double intensity = fields.requiredDouble("kilogramsCo2ePerKilowattHour");
          CarbonAccounting accounting =
              fields.optionalEnum("accounting", CarbonAccounting.class).orElse(CarbonAccounting.LOCATION_BASED);
          String source = fields.requiredText("source");
          fields.finish();
          return node.build(() -> new GridIntensity(name, intensity, accounting, source));
        }

        @Override
        public JsonNode write(GridIntensity grid) {
          for (Map.Entry<String, GridIntensity> preset : GRID_PRESETS.entrySet()) {
            if (preset.getValue().equals(grid)) {
              return NODES.textNode(preset.getKey());
            }
          }
          ObjectNode out = NODES.objectNode();
          out.put("name", grid.name());
          out.put("kilogramsCo2ePerKilowattHour", grid.kilogramsCo2ePerKilowattHour());
          out.put("accounting", EnumNames.kebabCase(grid.accounting()));
          out.put("source", grid.source());
          return out;
        }
      };

  /** Goodput: {@code llama-3-405b} (the default's source), {@code none}, or {@code {fraction, source}}. */
  public static final Codec<Goodput> GOODPUT =
      new Codec<>() {
        @Override
        public Goodput read(DocumentNode node) {
          if (node.json().isTextual()) {
            String name = node.asText();
            switch (name) {
              case "llama-3-405b":
                return Goodput.LLAMA_3_405B;
              case "none":
                return Goodput.NONE;
              default:
                throw node.error("unknown goodput \"" + name + "\"; expected llama-3-405b, none or {fraction, source}");
            }
          }
          ObjectFields fields = node.fields();
          double fraction = fields.requiredDouble("fraction");
          String source = fields.requiredText("source");
          fields.finish();
          return node.build(() -> Goodput.of(fraction, source));
        }

        @Override
        public JsonNode write(Goodput goodput) {
          if (goodput.equals(Goodput.LLAMA_3_405B)) {
            return NODES.textNode("llama-3-405b");
          }
          if (goodput.equals(Goodput.NONE)) {
            return NODES.textNode("none");
          }
          return NODES.objectNode().put("fraction", goodput.fraction()).put("source", goodput.source());
        }
      };

  /**
   * A distribution, by its {@code distribution} discriminator: {@code constant {value}}, {@code uniform {min, max}},
   * {@code log-uniform {min, max}}, {@code triangular {min, mode, max}}, {@code normal {mean, standardDeviation,
   * lower?, upper?}}, {@code log-normal {median, sigma}}, {@code scenarios {values, weights?}}.
   */
  public static final Codec<Distribution> DISTRIBUTION =
      new Codec<>() {
        @Override
        public Distribution read(DocumentNode node) {
          if (node.json().isNumber()) {
            double value = node.asDouble();
            return node.build(() -> new Constant(value));
          }
          ObjectFields fields = node.fields();
          String kind = fields.requiredText("distribution");
          Distribution result;
          switch (kind) {
            case "constant":
              double value = fields.requiredDouble("value");
              result = node.build(() -> new Constant(value));
              break;
            case "uniform": {
              double min = fields.requiredDouble("min");
              double max = fields.requiredDouble("max");
              result = node.build(() -> new Uniform(min, max));
              break;
            }
            case "log-uniform": {
              double min = fields.requiredDouble("min");
              double max = fields.requiredDouble("max");
              result = node.build(() -> new LogUniform(min, max));
              break;
            }
            case "triangular": {
              double min = fields.requiredDouble("min");
              double mode = fields.requiredDouble("mode");
              double max = fields.requiredDouble("max");
              result = node.build(() -> new Triangular(min, mode, max));
              break;
            }
            case "normal": {
              double mean = fields.requiredDouble("mean");
              double sd = fields.requiredDouble("standardDeviation");
              double lower = fields.optionalDouble("lower").orElse(Double.NEGATIVE_INFINITY);
              double upper = fields.optionalDouble("upper").orElse(Double.POSITIVE_INFINITY);
              result = node.build(() -> new Normal(mean, sd, lower, upper));
              break;
            }
            case "log-normal": {
              double median = fields.requiredDouble("median");
              double sigma = fields.requiredDouble("sigma");
              result = node.build(() -> LogNormal.withMedian(median, sigma));
              break;
            }
            case "scenarios": {
              List<DocumentNode> values = fields.required("values").elements();
              double[] numbers = new double[values.size()];
              for (int i = 0; i < numbers.length; i++) {
                numbers[i] = values.get(i).asDouble();
              }
              double[] weights = new double[numbers.length];
              java.util.Arrays.fill(weights, 1);
              if (fields.has("weights")) {
                List<DocumentNode> given = fields.required("weights").elements();
                weights = new double[given.size()];
                for (int i = 0; i < weights.length; i++) {
                  weights[i] = given.get(i).asDouble();
                }
              }
              double[] finalWeights = weights;
              result = node.build(() -> Scenarios.weighted(numbers, finalWeights));
              break;
            }
            default:
              throw fields
                  .required("distribution")
                  .error(
                      "unknown distribution \"" + kind + "\"; expected constant, uniform, log-uniform, triangular,"
                          + " normal, log-normal or scenarios");
          }
          fields.finish();
          return result;
        }

        @Override
        public JsonNode write(Distribution value) {
          ObjectNode out = NODES.objectNode();
          if (value instanceof Constant c) {
            out.put("distribution", "constant").put("value", c.value());
          } else if (value instanceof Uniform u) {
            out.put("distribution", "uniform").put("min", u.min()).put("max", u.max());
          } else if (value instanceof LogUniform u) {
            out.put("distribution", "log-uniform").put("min", u.min()).put("max", u.max());
          } else if (value instanceof Triangular t) {
            out.put("distribution", "triangular").put("min", t.min()).put("mode", t.mode()).put("max", t.max());
          } else if (value instanceof Normal n) {
            out.put("distribution", "normal").put("mean", n.mean()).put("standardDeviation", n.standardDeviation());
            if (Double.isFinite(n.lower())) {
              out.put("lower", n.lower());
            }
            if (Double.isFinite(n.upper())) {
              out.put("upper", n.upper());
            }
          } else if (value instanceof LogNormal l) {
            out.put("distribution", "log-normal").put("median", Math.exp(l.mu())).put("sigma", l.sigma());
          } else {
            Scenarios s = (Scenarios) value;
            out.put("distribution", "scenarios");
            var values = out.putArray("values");
            for (double v : s.values()) {
              values.add(v);
            }
            var weights = out.putArray("weights");
            for (double w : s.weights()) {
              weights.add(w);
            }
          }
          return out;
        }
      };

  /** A role on the team. */
  public static final Codec<Role> ROLE =
      new Codec<>() {
        @Override
        public Role read(DocumentNode node) {
          ObjectFields fields = node.fields();
          String name = fields.requiredText("name");
          double headcount = fields.requiredDouble("headcount");
          double cost = fields.requiredDouble("loadedAnnualCostUsd");
          int start = fields.optionalInt("hiringStartMonth").orElse(0);
          int ramp = fields.optionalInt("hiringRampMonths").orElse(0);
          fields.finish();
          return node.build(() -> new Role(name, headcount, cost, start, ramp));
        }

        @Override
        public JsonNode write(Role role) {
          return NODES.objectNode()
              .put("name", role.name())
              .put("headcount", role.headcount())
              .put("loadedAnnualCostUsd", role.loadedAnnualCostUsd())
              .put("hiringStartMonth", role.hiringStartMonth())
              .put("hiringRampMonths", role.hiringRampMonths());
        }
      };

  /** A milestone. */
  public static final Codec<Milestone> MILESTONE =
      new Codec<>() {
        @Override
        public Milestone read(DocumentNode node) {
          ObjectFields fields = node.fields();
          String name = fields.requiredText("name");
          int month = fields.requiredInt("month");
          fields.finish();
          return node.build(() -> new Milestone(name, month));
        }

        @Override
        public JsonNode write(Milestone milestone) {
          return NODES.objectNode().put("name", milestone.name()).put("month", milestone.month());
        }
      };

  /** A phase of a scenario's program ({@code file:} models of a {@code postTraining} stage from the working folder). */
  public static final Codec<PlannedPhase> PHASE = phase(java.nio.file.Path.of(""));

  /**
   * A phase of a scenario's program, whose {@code postTraining} stage
   * ({@link dev.persistence.io.posttraining.PostTrainingCodecs#plannedStage}) resolves {@code file:} models against
   * {@code folder}.
   *
   * @param folder the scenario's folder
   */
  public static Codec<PlannedPhase> phase(java.nio.file.Path folder) {
    return
      new Codec<>() {
        @Override
        public PlannedPhase read(DocumentNode node) {
          ObjectFields fields = node.fields();
          var builder =
              PlannedPhase.builder()
                  .name(fields.requiredText("name"))
                  .kind(fields.requiredEnum("kind", PhaseKind.class))
                  .startMonth(fields.requiredInt("startMonth"));
          fields.optionalInt("durationMonths").ifPresent(builder::durationMonths);
          fields.optionalDouble("computeCostUsd").ifPresent(builder::computeCostUsd);
          fields.optionalDouble("computeFractionOfPretraining").ifPresent(builder::computeFractionOfPretraining);
          fields.optionalDouble("licensedTokens").ifPresent(builder::licensedTokens);
          fields.optionalDouble("licensedTokenPriceUsdPerMillion").ifPresent(builder::licensedTokenPriceUsdPerMillion);
          fields.optionalDouble("annotatedItems").ifPresent(builder::annotatedItems);
          fields.optionalDouble("annotationPriceUsdPerItem").ifPresent(builder::annotationPriceUsdPerItem);
          fields.optionalDouble("otherCostUsd").ifPresent(builder::otherCostUsd);
          fields
              .optional("postTraining", PostTrainingCodecs.plannedStage(folder, 0))
              .ifPresent(builder::postTraining);
          fields.finish();
          return node.build(builder::build);
        }

        @Override
        public JsonNode write(PlannedPhase phase) {
          ObjectNode out = NODES.objectNode();
          out.put("name", phase.name());
          out.put("kind", EnumNames.kebabCase(phase.kind()));
          out.put("startMonth", phase.startMonth());
          phase.durationMonths().ifPresent(months -> out.put("durationMonths", months));
          phase.computeCostUsd().ifPresent(usd -> out.put("computeCostUsd", usd));
          phase.computeFractionOfPretraining().ifPresent(f -> out.put("computeFractionOfPretraining", f));
          out.put("licensedTokens", phase.licensedTokens());
          out.put("licensedTokenPriceUsdPerMillion", phase.licensedTokenPriceUsdPerMillion());
          out.put("annotatedItems", phase.annotatedItems());
          out.put("annotationPriceUsdPerItem", phase.annotationPriceUsdPerItem());
          out.put("otherCostUsd", phase.otherCostUsd());
          phase
              .postTraining()
              .ifPresent(stage -> out.set("postTraining", PostTrainingCodecs.plannedStage(folder, 0).write(stage)));
          return out;
        }
      };
  }

  /** The {@code targets} object: metric (camelCase) to {@code {min?, max?}}. */
  public static final Codec<List<Target>> TARGETS =
      new Codec<>() {
        @Override
        public List<Target> read(DocumentNode node) {
          ObjectFields fields = node.fields();
          java.util.List<Target> targets = new java.util.ArrayList<>();
          for (TargetMetric metric : TargetMetric.values()) {
            fields
                .optional(EnumNames.camelCase(metric))
                .ifPresent(
                    range -> {
                      ObjectFields ends = range.fields();
                      OptionalDouble min = ends.optionalDouble("min");
                      OptionalDouble max = ends.optionalDouble("max");
                      ends.finish();
                      targets.add(range.build(() -> new Target(metric, min, max)));
                    });
          }
          fields.finish();
          return targets;
        }

        @Override
        public JsonNode write(List<Target> targets) {
          ObjectNode out = NODES.objectNode();
          for (Target target : targets) {
            ObjectNode range = out.putObject(EnumNames.camelCase(target.metric()));
            target.min().ifPresent(min -> range.put("min", min));
            target.max().ifPresent(max -> range.put("max", max));
          }
          return out;
        }
      };
}
