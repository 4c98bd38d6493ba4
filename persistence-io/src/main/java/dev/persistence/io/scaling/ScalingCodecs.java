package dev.persistence.io.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectFields;
import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.allocation.AllocationProblem;
import dev.persistence.scaling.allocation.BindingConstraint;
import dev.persistence.scaling.fit.Observation;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.DeepSeekLaw;
import dev.persistence.scaling.law.FineGrainedMoeLaw;
import dev.persistence.scaling.law.KaplanLaw;
import dev.persistence.scaling.law.LossLaw;
import dev.persistence.scaling.law.PowerLawAllocation;
import dev.persistence.scaling.law.PrecisionScalingLaw;
import dev.persistence.scaling.law.RoutedMoeLaw;
import dev.persistence.scaling.law.ScalingLaw;
import dev.persistence.scaling.law.ScalingLaws;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Codecs of scaling laws, allocation problems, allocations and fit observations.
 *
 * <p>A law is a bundled law's name ({@code chinchilla}, {@code epoch}, {@code kaplan}, ...; see
 * {@link ScalingLaws#all()}) or an object with a {@code type} discriminator, its {@code name}, an optional
 * {@code description}, a required {@code source} and its constants under the law's accessor names:
 *
 * <ul>
 *   <li>{@code chinchilla-form}: {@code irreducibleLoss parameterCoefficient tokenCoefficient parameterExponent
 *       tokenExponent} (E, A, B, alpha, beta of Hoffmann et al. 2022 eq. 2);
 *   <li>{@code data-constrained}: {@code base} (a chinchilla-form law or its name), {@code tokenRepetitionDecay
 *       parameterRepetitionDecay} (R_D*, R_N* of Muennighoff et al. 2023);
 *   <li>{@code kaplan}: {@code alphaN criticalParameters alphaD criticalTokens};
 *   <li>{@code deepseek}: {@code learningRateCoefficient learningRateExponent batchTokensCoefficient
 *       batchTokensExponent modelScaleCoefficient modelScaleExponent tokensCoefficient tokensExponent};
 *   <li>{@code power-law-allocation}: {@code coefficient exponent quantity};
 *   <li>{@code fine-grained-moe}: {@code a alpha b beta g gamma c};
 *   <li>{@code routed-moe}: {@code a b c d expertsStart expertsMax};
 *   <li>{@code precision-aware}: {@code a alpha b beta e gammaWeights gammaActivations gammaKeyValue}.
 * </ul>
 *
 * <p>A law equal to a bundled one is written as its name.
 *
 * <pre>{@code
 * law: {type: chinchilla-form, name: my-fit, source: "our 2025 sweep, 40 runs",
 *       irreducibleLoss: 1.82, parameterCoefficient: 482.0, tokenCoefficient: 2085.4,
 *       parameterExponent: 0.348, tokenExponent: 0.366}
 * uniqueTokens: 4.0e12
 * inferenceTokens: 0
 * }</pre>
 */
public final class ScalingCodecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The discriminator of each law kind, in the order errors list them. */
  private static final Map<Class<?>, String> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put(ChinchillaLaw.class, "chinchilla-form");
    TYPES.put(DataConstrainedLaw.class, "data-constrained");
    TYPES.put(KaplanLaw.class, "kaplan");
    TYPES.put(DeepSeekLaw.class, "deepseek");
    TYPES.put(PowerLawAllocation.class, "power-law-allocation");
    TYPES.put(FineGrainedMoeLaw.class, "fine-grained-moe");
    TYPES.put(RoutedMoeLaw.class, "routed-moe");
    TYPES.put(PrecisionScalingLaw.class, "precision-aware");
  }

  private ScalingCodecs() {}

  /** Every law kind: a bundled law's name or an object with a {@code type}. */
  public static final Codec<ScalingLaw> LAW =
      new Codec<>() {
        @Override
        public ScalingLaw read(DocumentNode node) {
          return readLaw(node);
        }

        @Override
        public JsonNode write(ScalingLaw law) {
          return writeLaw(law);
        }
      };

  /** Laws that predict loss from parameters and tokens (chinchilla-form, data-constrained, kaplan). */
  public static final Codec<LossLaw> LOSS_LAW = narrowed(LossLaw.class, "a loss law");

  /** Chinchilla-form laws (E + A/N^alpha + B/D^beta). */
  public static final Codec<ChinchillaLaw> CHINCHILLA_LAW = narrowed(ChinchillaLaw.class, "a chinchilla-form law");

  /** Data-constrained laws. */
  public static final Codec<DataConstrainedLaw> DATA_CONSTRAINED_LAW =
      narrowed(DataConstrainedLaw.class, "a data-constrained law");

  /** Kaplan laws. */
  public static final Codec<KaplanLaw> KAPLAN_LAW = narrowed(KaplanLaw.class, "a kaplan law");

  private static <L extends ScalingLaw> Codec<L> narrowed(Class<L> kind, String description) {
    return new Codec<>() {
      @Override
      public L read(DocumentNode node) {
        ScalingLaw law = readLaw(node);
        if (!kind.isInstance(law)) {
          throw node.error("expected " + description + ", got a " + typeOf(law) + " law (" + law.name() + ")");
        }
        return kind.cast(law);
      }

      @Override
      public JsonNode write(L law) {
        return writeLaw(law);
      }
    };
  }

  private static ScalingLaw readLaw(DocumentNode node) {
    if (node.json().isTextual()) {
      String name = node.asText();
      return node.build(() -> ScalingLaws.named(name));
    }
    ObjectFields fields = node.fields();
    DocumentNode typeNode = fields.required("type");
    String type = typeNode.asText();
    String name = fields.requiredText("name");
    String description = fields.optionalText("description").orElse("");
    String source = fields.requiredText("source");
    ScalingLaw law;
    switch (type) {
      case "chinchilla-form":
        law = readChinchilla(node, fields, name, description, source);
        break;
      case "data-constrained":
        {
          ChinchillaLaw base = fields.required("base", CHINCHILLA_LAW);
          double tokenDecay = fields.requiredDouble("tokenRepetitionDecay");
          double parameterDecay = fields.requiredDouble("parameterRepetitionDecay");
          law = node.build(() -> new DataConstrainedLaw(name, description, source, base, tokenDecay, parameterDecay));
          break;
        }
      case "kaplan":
        {
          double alphaN = fields.requiredDouble("alphaN");
          double criticalParameters = fields.requiredDouble("criticalParameters");
          double alphaD = fields.requiredDouble("alphaD");
          double criticalTokens = fields.requiredDouble("criticalTokens");
          law = node.build(
              () -> new KaplanLaw(name, description, source, alphaN, criticalParameters, alphaD, criticalTokens));
          break;
        }
      case "deepseek":
        {
          double[] c =
              doubles(
                  fields, "learningRateCoefficient", "learningRateExponent", "batchTokensCoefficient",
                  "batchTokensExponent", "modelScaleCoefficient", "modelScaleExponent", "tokensCoefficient",
                  "tokensExponent");
          law = node.build(
              () -> new DeepSeekLaw(name, description, source, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
          break;
        }
      case "power-law-allocation":
        {
          double coefficient = fields.requiredDouble("coefficient");
          double exponent = fields.requiredDouble("exponent");
          String quantity = fields.requiredText("quantity");
          law = node.build(() -> new PowerLawAllocation(name, description, source, coefficient, exponent, quantity));
          break;
        }
      case "fine-grained-moe":
        {
          double[] c = doubles(fields, "a", "alpha", "b", "beta", "g", "gamma", "c");
          law = node.build(
              () -> new FineGrainedMoeLaw(name, description, source, c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
          break;
        }
      case "routed-moe":
        {
          double[] c = doubles(fields, "a", "b", "c", "d", "expertsStart", "expertsMax");
          law = node.build(() -> new RoutedMoeLaw(name, description, source, c[0], c[1], c[2], c[3], c[4], c[5]));
          break;
        }
      case "precision-aware":
        {
          double[] c =
              doubles(fields, "a", "alpha", "b", "beta", "e", "gammaWeights", "gammaActivations", "gammaKeyValue");
          law = node.build(
              () ->
                  new PrecisionScalingLaw(
                      name, description, source, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
          break;
        }
      default:
        throw typeNode.error(
            "unknown law type \"" + type + "\"; expected one of " + String.join(", ", TYPES.values()));
    }
    fields.finish();
    return law;
  }

  private static ChinchillaLaw readChinchilla(
      DocumentNode node, ObjectFields fields, String name, String description, String source) {
    var builder =
        ChinchillaLaw.builder()
            .name(name)
            .description(description)
            .source(source)
            .irreducibleLoss(fields.requiredDouble("irreducibleLoss"))
            .parameterCoefficient(fields.requiredDouble("parameterCoefficient"))
            .tokenCoefficient(fields.requiredDouble("tokenCoefficient"))
            .parameterExponent(fields.requiredDouble("parameterExponent"))
            .tokenExponent(fields.requiredDouble("tokenExponent"));
    return node.build(builder::build);
  }

  private static double[] doubles(ObjectFields fields, String... names) {
    double[] values = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = fields.requiredDouble(names[i]);
    }
    return values;
  }

  private static String typeOf(ScalingLaw law) {
    for (Map.Entry<Class<?>, String> type : TYPES.entrySet()) {
      if (type.getKey().isInstance(law)) {
        return type.getValue();
      }
    }
    throw new IllegalArgumentException("law " + law.name() + " (" + law.getClass() + ") has no document type");
  }

  private static JsonNode writeLaw(ScalingLaw law) {
    for (ScalingLaw bundled : ScalingLaws.all()) {
      if (bundled.equals(law)) {
        return NODES.textNode(bundled.name());
      }
    }
    ObjectNode out = NODES.objectNode();
    out.put("type", typeOf(law));
    out.put("name", law.name());
    out.put("description", law.description());
    out.put("source", law.source());
    if (law instanceof ChinchillaLaw) {
      ChinchillaLaw c = (ChinchillaLaw) law;
      out.put("irreducibleLoss", c.irreducibleLoss());
      out.put("parameterCoefficient", c.parameterCoefficient());
      out.put("tokenCoefficient", c.tokenCoefficient());
      out.put("parameterExponent", c.parameterExponent());
      out.put("tokenExponent", c.tokenExponent());
    } else if (law instanceof DataConstrainedLaw) {
      DataConstrainedLaw d = (DataConstrainedLaw) law;
      out.set("base", writeLaw(d.base()));
      out.put("tokenRepetitionDecay", d.tokenRepetitionDecay());
      out.put("parameterRepetitionDecay", d.parameterRepetitionDecay());
    } else if (law instanceof KaplanLaw) {
      KaplanLaw k = (KaplanLaw) law;
      out.put("alphaN", k.alphaN());
      out.put("criticalParameters", k.criticalParameters());
      out.put("alphaD", k.alphaD());
      out.put("criticalTokens", k.criticalTokens());
    } else if (law instanceof DeepSeekLaw) {
      DeepSeekLaw d = (DeepSeekLaw) law;
      out.put("learningRateCoefficient", d.learningRateCoefficient());
      out.put("learningRateExponent", d.learningRateExponent());
      out.put("batchTokensCoefficient", d.batchTokensCoefficient());
      out.put("batchTokensExponent", d.batchTokensExponent());
      out.put("modelScaleCoefficient", d.modelScaleCoefficient());
      out.put("modelScaleExponent", d.modelScaleExponent());
      out.put("tokensCoefficient", d.tokensCoefficient());
      out.put("tokensExponent", d.tokensExponent());
    } else if (law instanceof PowerLawAllocation) {
      PowerLawAllocation p = (PowerLawAllocation) law;
      out.put("coefficient", p.coefficient());
      out.put("exponent", p.exponent());
      out.put("quantity", p.quantity());
    } else if (law instanceof FineGrainedMoeLaw) {
      FineGrainedMoeLaw f = (FineGrainedMoeLaw) law;
      out.put("a", f.a()).put("alpha", f.alpha()).put("b", f.b()).put("beta", f.beta());
      out.put("g", f.g()).put("gamma", f.gamma()).put("c", f.c());
    } else if (law instanceof RoutedMoeLaw) {
      RoutedMoeLaw r = (RoutedMoeLaw) law;
      out.put("a", r.a()).put("b", r.b()).put("c", r.c()).put("d", r.d());
      out.put("expertsStart", r.expertsStart()).put("expertsMax", r.expertsMax());
    } else {
      PrecisionScalingLaw p = (PrecisionScalingLaw) law;
      out.put("a", p.a()).put("alpha", p.alpha()).put("b", p.b()).put("beta", p.beta()).put("e", p.e());
      out.put("gammaWeights", p.gammaWeights());
      out.put("gammaActivations", p.gammaActivations());
      out.put("gammaKeyValue", p.gammaKeyValue());
    }
    return out;
  }

  /**
   * Allocation problems: a loss {@code law}, optional {@code uniqueTokens}, {@code maxParameters} and {@code
   * fixedTokens}, and {@code inferenceTokens} (default 0).
   */
  public static final Codec<AllocationProblem> ALLOCATION_PROBLEM =
      new Codec<>() {
        @Override
        public AllocationProblem read(DocumentNode node) {
          ObjectFields fields = node.fields();
          var builder = AllocationProblem.builder().law(fields.required("law", LOSS_LAW));
          fields.optionalDouble("uniqueTokens").ifPresent(builder::uniqueTokens);
          fields.optionalDouble("maxParameters").ifPresent(builder::maxParameters);
          fields.optionalDouble("fixedTokens").ifPresent(builder::fixedTokens);
          fields.optionalDouble("inferenceTokens").ifPresent(builder::inferenceTokens);
          fields.finish();
          return node.build(builder::build);
        }

        @Override
        public JsonNode write(AllocationProblem problem) {
          ObjectNode out = NODES.objectNode();
          out.set("law", writeLaw(problem.law()));
          problem.uniqueTokens().ifPresent(value -> out.put("uniqueTokens", value));
          problem.maxParameters().ifPresent(value -> out.put("maxParameters", value));
          problem.fixedTokens().ifPresent(value -> out.put("fixedTokens", value));
          out.put("inferenceTokens", problem.inferenceTokens());
          return out;
        }
      };

  /**
   * Allocations (a result, stored for comparison): {@code parameters tokens trainingFlops inferenceTokens
   * totalFlops loss bindingConstraint} ({@code none unique-tokens max-parameters fixed-tokens}); the derived
   * tokens per parameter is not written.
   */
  public static final Codec<Allocation> ALLOCATION =
      new Codec<>() {
        @Override
        public Allocation read(DocumentNode node) {
          ObjectFields fields = node.fields();
          var builder =
              Allocation.builder()
                  .parameters(fields.requiredDouble("parameters"))
                  .tokens(fields.requiredDouble("tokens"))
                  .trainingFlops(fields.requiredDouble("trainingFlops"))
                  .inferenceTokens(fields.requiredDouble("inferenceTokens"))
                  .totalFlops(fields.requiredDouble("totalFlops"))
                  .loss(fields.requiredDouble("loss"))
                  .bindingConstraint(fields.requiredEnum("bindingConstraint", BindingConstraint.class));
          fields.finish();
          return node.build(builder::build);
        }

        @Override
        public JsonNode write(Allocation allocation) {
          ObjectNode out = NODES.objectNode();
          out.put("parameters", allocation.parameters());
          out.put("tokens", allocation.tokens());
          out.put("trainingFlops", allocation.trainingFlops());
          out.put("inferenceTokens", allocation.inferenceTokens());
          out.put("totalFlops", allocation.totalFlops());
          out.put("loss", allocation.loss());
          out.put("bindingConstraint", EnumNames.kebabCase(allocation.bindingConstraint()));
          return out;
        }
      };

  /** Fit observations: {@code parameters}, {@code tokens} and the final {@code loss} of one training run. */
  public static final Codec<Observation> OBSERVATION =
      new Codec<>() {
        @Override
        public Observation read(DocumentNode node) {
          ObjectFields fields = node.fields();
          double parameters = fields.requiredDouble("parameters");
          double tokens = fields.requiredDouble("tokens");
          double loss = fields.requiredDouble("loss");
          fields.finish();
          return node.build(() -> new Observation(parameters, tokens, loss));
        }

        @Override
        public JsonNode write(Observation observation) {
          ObjectNode out = NODES.objectNode();
          out.put("parameters", observation.parameters());
          out.put("tokens", observation.tokens());
          out.put("loss", observation.loss());
          return out;
        }
      };
}
