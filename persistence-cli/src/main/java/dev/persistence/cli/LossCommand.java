package dev.persistence.cli;

import dev.persistence.io.law.LawJson;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.LossLaw;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code persistence loss}: the loss a scaling law predicts for a model size and a number of training tokens. */
@Command(
    name = "loss",
    mixinStandardHelpOptions = true,
    description = "Predicted final training loss (nats/token) for N parameters trained on D tokens.")
final class LossCommand implements Callable<Integer> {
  @Mixin LawOptions lawOptions;

  @Option(names = "--params", required = true, paramLabel = "N", description = "Model parameters.")
  double parameters;

  @Option(names = "--tokens", required = true, paramLabel = "D", description = "Training tokens.")
  double tokens;

  @Option(
      names = "--unique-tokens",
      paramLabel = "U",
      description = "Unique tokens available; repeated epochs are discounted by the muennighoff law.")
  Double uniqueTokens;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LossLaw law = lawOptions.lossLaw();
    // Checked here as well as in the data-constrained law, so that a law without repetition never compares the
    // tokens with a NaN or infinite count and blames the tokens.
    if (uniqueTokens != null && !(uniqueTokens > 0 && Double.isFinite(uniqueTokens))) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "--unique-tokens (%s) must be finite and > 0", uniqueTokens));
    }
    // Counts of parameters and tokens: at least one (a subnormal count gives a loss of 1e116) and at most 1e24.
    countFlag("--params", parameters);
    countFlag("--tokens", tokens);
    if (uniqueTokens != null) {
      countFlag("--unique-tokens", uniqueTokens);
    }
    double loss;
    if (uniqueTokens == null) {
      loss = law.loss(parameters, tokens);
    } else if (law instanceof DataConstrainedLaw) {
      loss = ((DataConstrainedLaw) law).loss(parameters, tokens, uniqueTokens);
    } else if (!(uniqueTokens >= tokens)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "tokens (%s) exceed --unique-tokens (%s) and law %s does not model repeated data; use --law muennighoff",
          tokens, uniqueTokens, law.name()));
    } else {
      loss = law.loss(parameters, tokens);
    }
    if (json) {
      JsonOutput.print(
          spec.commandLine().getOut(),
          LawJson.loss(
              law,
              parameters,
              tokens,
              uniqueTokens == null ? OptionalDouble.empty() : OptionalDouble.of(uniqueTokens),
              loss));
      return 0;
    }
    new TextTable()
        .row("law", LawOptions.describe(law))
        .row("parameters", parameters)
        .row("tokens", tokens)
        .row("loss (nats/token)", String.format(Locale.ROOT, "%.6f", loss))
        .print(spec.commandLine().getOut());
    return 0;
  }

  private static void countFlag(String flag, double value) {
    if (!(value >= 1 && value <= dev.persistence.core.exact.Amounts.MAX_QUANTITY)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "%s (%s) must be in [1, %s]", flag, value, dev.persistence.core.exact.Amounts.MAX_QUANTITY));
    }
  }
}
