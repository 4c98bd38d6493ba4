package dev.persistence.cli;

import dev.persistence.io.law.LawCodecs;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.LossLaw;
import dev.persistence.scaling.law.ScalingLaw;
import dev.persistence.scaling.law.ScalingLaws;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import picocli.CommandLine.Option;

/**
 * {@code --law NAME|FILE} and the overrides {@code --E --A --B --alpha --beta} of a Chinchilla-form law's
 * constants, shared by every command that takes a law (papers often use their own constants). A value ending in
 * {@code .yaml}, {@code .yml} or {@code .json} is a law file in the format of {@code LawCodecs.LAW} (a team's
 * own fit, say); anything else is a bundled name.
 */
final class LawOptions {
  @Option(
      names = "--law",
      paramLabel = "NAME|FILE",
      defaultValue = "chinchilla",
      description =
          "Scaling law: a bundled name (see 'persistence laws') or a law file (.yaml, .yml, .json);"
              + " default chinchilla.")
  String law;

  @Option(names = "--E", paramLabel = "E", description = "Override the irreducible loss E.")
  Double irreducibleLoss;

  @Option(names = "--A", paramLabel = "A", description = "Override A, the coefficient of the parameter term.")
  Double parameterCoefficient;

  @Option(names = "--B", paramLabel = "B", description = "Override B, the coefficient of the token term.")
  Double tokenCoefficient;

  @Option(names = "--alpha", paramLabel = "ALPHA", description = "Override alpha, the parameter exponent.")
  Double parameterExponent;

  @Option(names = "--beta", paramLabel = "BETA", description = "Override beta, the token exponent.")
  Double tokenExponent;

  boolean overridden() {
    return irreducibleLoss != null || parameterCoefficient != null || tokenCoefficient != null
        || parameterExponent != null || tokenExponent != null;
  }

  /** Whether {@code --law} names a file rather than a bundled law. */
  private boolean isFile() {
    String lower = law.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
  }

  /** The named (or read) loss law with any overrides applied. */
  LossLaw lossLaw() {
    if (isFile()) {
      LossLaw read = LawCodecs.LOSS_LAW.read(Path.of(law));
      if (!overridden()) {
        return read;
      }
      if (read instanceof ChinchillaLaw) {
        return override((ChinchillaLaw) read);
      }
      if (read instanceof DataConstrainedLaw) {
        DataConstrainedLaw constrained = (DataConstrainedLaw) read;
        return constrained.withBase(override(constrained.base()));
      }
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "--E, --A, --B, --alpha and --beta override a law of the form E + A/N^alpha + B/D^beta; %s (%s)"
                  + " is not one",
              law,
              read.name()));
    }
    ScalingLaw named = ScalingLaws.named(law);
    if (overridden()) {
      if (named instanceof ChinchillaLaw) {
        return override((ChinchillaLaw) named);
      }
      if (named instanceof DataConstrainedLaw) {
        DataConstrainedLaw constrained = (DataConstrainedLaw) named;
        return constrained.withBase(override(constrained.base()));
      }
      // Raises the registry's message listing the Chinchilla-form laws.
      ScalingLaws.chinchillaForm(law);
    }
    return ScalingLaws.lossLaw(law);
  }

  private ChinchillaLaw override(ChinchillaLaw base) {
    return base.overriding(
        optional(irreducibleLoss),
        optional(parameterCoefficient),
        optional(tokenCoefficient),
        optional(parameterExponent),
        optional(tokenExponent));
  }

  private static OptionalDouble optional(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The law's name, for the text table (its source is listed by {@code persistence laws}). */
  static String describe(LossLaw law) {
    return law.name();
  }
}
