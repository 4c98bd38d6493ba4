package dev.persistence.io.law;

import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.TEXT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.TypedUnion;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.DeepSeekLaw;
import dev.persistence.scaling.law.FineGrainedMoeLaw;
import dev.persistence.scaling.law.ImmutableChinchillaLaw;
import dev.persistence.scaling.law.ImmutableDataConstrainedLaw;
import dev.persistence.scaling.law.ImmutableDeepSeekLaw;
import dev.persistence.scaling.law.ImmutableFineGrainedMoeLaw;
import dev.persistence.scaling.law.ImmutableKaplanLaw;
import dev.persistence.scaling.law.ImmutablePowerLawAllocation;
import dev.persistence.scaling.law.ImmutablePrecisionScalingLaw;
import dev.persistence.scaling.law.ImmutableRoutedMoeLaw;
import dev.persistence.scaling.law.KaplanLaw;
import dev.persistence.scaling.law.LossLaw;
import dev.persistence.scaling.law.PowerLawAllocation;
import dev.persistence.scaling.law.PrecisionScalingLaw;
import dev.persistence.scaling.law.RoutedMoeLaw;
import dev.persistence.scaling.law.ScalingLaw;
import dev.persistence.scaling.law.ScalingLaws;
import java.util.function.Function;
import java.util.function.Supplier;

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
public final class LawCodecs {
  private LawCodecs() {}

  /** A law kind's table: its {@code type} allowed, then the fields every law has, then its own constants. */
  private static <L extends ScalingLaw, B> ObjectCodec.Builder<L, B> law(
      Class<L> type, String definition, String description, Supplier<B> start, Function<B, ? extends L> finish) {
    return ObjectCodec.builder(type, definition, start, finish)
        .description(description)
        .allow("type")
        .required("name", NAME)
        .optional("description", TEXT)
        .required("source", NAME);
  }

  private static final ObjectCodec<ChinchillaLaw, ImmutableChinchillaLaw.Builder> CHINCHILLA_FORM =
      law(
              ChinchillaLaw.class,
              "chinchillaFormLaw",
              "E + A/N^alpha + B/D^beta (Hoffmann et al. 2022 eq. 2)",
              ChinchillaLaw::builder,
              ImmutableChinchillaLaw.Builder::build)
          .required("irreducibleLoss", NUMBER)
          .required("parameterCoefficient", NUMBER)
          .required("tokenCoefficient", NUMBER)
          .required("parameterExponent", NUMBER)
          .required("tokenExponent", NUMBER)
          .build();

  private static final ObjectCodec<KaplanLaw, ImmutableKaplanLaw.Builder> KAPLAN =
      law(
              KaplanLaw.class,
              "kaplanLaw",
              "Kaplan et al. 2020 eq. 1.5",
              KaplanLaw::builder,
              ImmutableKaplanLaw.Builder::build)
          .required("alphaN", NUMBER)
          .required("criticalParameters", NUMBER)
          .required("alphaD", NUMBER)
          .required("criticalTokens", NUMBER)
          .build();

  private static final ObjectCodec<DeepSeekLaw, ImmutableDeepSeekLaw.Builder> DEEPSEEK =
      law(
              DeepSeekLaw.class,
              "deepSeekLaw",
              "DeepSeek LLM 2024: optimal learning rate, batch, model scale and tokens from compute",
              DeepSeekLaw::builder,
              ImmutableDeepSeekLaw.Builder::build)
          .required("learningRateCoefficient", NUMBER)
          .required("learningRateExponent", NUMBER)
          .required("batchTokensCoefficient", NUMBER)
          .required("batchTokensExponent", NUMBER)
          .required("modelScaleCoefficient", NUMBER)
          .required("modelScaleExponent", NUMBER)
          .required("tokensCoefficient", NUMBER)
          .required("tokensExponent", NUMBER)
          .build();

  private static final ObjectCodec<PowerLawAllocation, ImmutablePowerLawAllocation.Builder> POWER_LAW_ALLOCATION =
      law(
              PowerLawAllocation.class,
              "powerLawAllocation",
              "an allocation rule quantity = coefficient x C^exponent",
              PowerLawAllocation::builder,
              ImmutablePowerLawAllocation.Builder::build)
          .required("coefficient", NUMBER)
          .required("exponent", NUMBER)
          .required("quantity", NAME)
          .build();

  private static final ObjectCodec<FineGrainedMoeLaw, ImmutableFineGrainedMoeLaw.Builder> FINE_GRAINED_MOE =
      law(
              FineGrainedMoeLaw.class,
              "fineGrainedMoeLaw",
              "Krajewski et al. 2024 eq. 6",
              FineGrainedMoeLaw::builder,
              ImmutableFineGrainedMoeLaw.Builder::build)
          .required("a", NUMBER)
          .required("alpha", NUMBER)
          .required("b", NUMBER)
          .required("beta", NUMBER)
          .required("g", NUMBER)
          .required("gamma", NUMBER)
          .required("c", NUMBER)
          .build();

  private static final ObjectCodec<RoutedMoeLaw, ImmutableRoutedMoeLaw.Builder> ROUTED_MOE =
      law(
              RoutedMoeLaw.class,
              "routedMoeLaw",
              "Clark et al. 2022 eq. 8",
              RoutedMoeLaw::builder,
              ImmutableRoutedMoeLaw.Builder::build)
          .required("a", NUMBER)
          .required("b", NUMBER)
          .required("c", NUMBER)
          .required("d", NUMBER)
          .required("expertsStart", NUMBER)
          .required("expertsMax", NUMBER)
          .build();

  private static final ObjectCodec<PrecisionScalingLaw, ImmutablePrecisionScalingLaw.Builder> PRECISION_AWARE =
      law(
              PrecisionScalingLaw.class,
              "precisionScalingLaw",
              "Kumar et al. 2024, precision-aware scaling",
              PrecisionScalingLaw::builder,
              ImmutablePrecisionScalingLaw.Builder::build)
          .required("a", NUMBER)
          .required("alpha", NUMBER)
          .required("b", NUMBER)
          .required("beta", NUMBER)
          .required("e", NUMBER)
          .required("gammaWeights", NUMBER)
          .required("gammaActivations", NUMBER)
          .required("gammaKeyValue", NUMBER)
          .build();

  // Declared after CHINCHILLA_LAW below would be a forward reference; the data-constrained kind reads its base
  // through the narrowed codec, looked up when it is read.
  private static final ObjectCodec<DataConstrainedLaw, ImmutableDataConstrainedLaw.Builder> DATA_CONSTRAINED =
      law(
              DataConstrainedLaw.class,
              "dataConstrainedLaw",
              "Muennighoff et al. 2023",
              DataConstrainedLaw::builder,
              ImmutableDataConstrainedLaw.Builder::build)
          .required("base", ValueCodecs.lazy(() -> LawCodecs.CHINCHILLA_LAW))
          .required("tokenRepetitionDecay", NUMBER)
          .required("parameterRepetitionDecay", NUMBER)
          .build();

  /** The law kinds by {@code type}, in the order errors list them. */
  private static final TypedUnion<ScalingLaw> KINDS =
      TypedUnion.<ScalingLaw>builder("scalingLawObject", "law")
          .kind("chinchilla-form", ChinchillaLaw.class, CHINCHILLA_FORM)
          .kind("data-constrained", DataConstrainedLaw.class, DATA_CONSTRAINED)
          .kind("kaplan", KaplanLaw.class, KAPLAN)
          .kind("deepseek", DeepSeekLaw.class, DEEPSEEK)
          .kind("power-law-allocation", PowerLawAllocation.class, POWER_LAW_ALLOCATION)
          .kind("fine-grained-moe", FineGrainedMoeLaw.class, FINE_GRAINED_MOE)
          .kind("routed-moe", RoutedMoeLaw.class, ROUTED_MOE)
          .kind("precision-aware", PrecisionScalingLaw.class, PRECISION_AWARE)
          .build();

  /** Every law kind: a bundled law's name or an object with a {@code type}. */
  public static final Codec<ScalingLaw> LAW =
      narrowed(ScalingLaw.class, "scalingLaw", "a law", "a bundled law's name (persistence laws)");

  /** Laws that predict loss from parameters and tokens (chinchilla-form, data-constrained, kaplan). */
  public static final Codec<LossLaw> LOSS_LAW =
      narrowed(LossLaw.class, "lossLaw", "a loss law", "a bundled loss law's name (persistence laws)");

  /** Chinchilla-form laws (E + A/N^alpha + B/D^beta). */
  public static final Codec<ChinchillaLaw> CHINCHILLA_LAW =
      narrowed(ChinchillaLaw.class, "chinchillaLaw", "a chinchilla-form law", "a bundled chinchilla-form law's name");

  /** Data-constrained laws. */
  public static final Codec<DataConstrainedLaw> DATA_CONSTRAINED_LAW =
      narrowed(DataConstrainedLaw.class, "dataConstrainedLawOrName", "a data-constrained law", "a bundled data-constrained law's name");

  /** Kaplan laws. */
  public static final Codec<KaplanLaw> KAPLAN_LAW =
      narrowed(KaplanLaw.class, "kaplanLawOrName", "a kaplan law", "a bundled kaplan law's name");

  /**
   * Laws of one kind (or family): a bundled law's name or an object of one of the kinds that are {@code kind}; a
   * law equal to a bundled one is written as its name.
   */
  private static <L extends ScalingLaw> Codec<L> narrowed(
      Class<L> kind, String definition, String description, String nameDescription) {
    Codec<ScalingLaw> byName =
        ValueCodecs.composed(
            node -> {
              String name = node.asText();
              return node.build(() -> ScalingLaws.named(name));
            },
            law -> JsonNodeFactory.instance.textNode(law.name()),
            definitions -> {
              ObjectNode names = JsonNodeFactory.instance.objectNode().put("type", "string");
              ArrayNode known = names.putArray("enum");
              ScalingLaws.all().stream().filter(kind::isInstance).forEach(bundled -> known.add(bundled.name()));
              return names.put("description", nameDescription);
            });
    Codec<ScalingLaw> laws = KINDS.orScalar(definition, kind, byName, law -> ScalingLaws.all().contains(law));
    return ValueCodecs.composed(
        node -> {
          ScalingLaw law = laws.read(node);
          if (!kind.isInstance(law)) {
            throw node.error("expected " + description + ", got a " + KINDS.typeOf(law) + " law (" + law.name() + ")");
          }
          return kind.cast(law);
        },
        laws::write,
        laws::schema);
  }

}
