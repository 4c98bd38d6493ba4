package dev.persistence.cli;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.flops.FlopAccounting;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.flops.FlopEstimate;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.flops.FlopEstimateJson;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code persistence flops}: forward and training FLOPs per token under a named convention. */
@Command(
    name = "flops",
    mixinStandardHelpOptions = true,
    description = "Forward and training FLOPs per token at a sequence length, under a named convention.")
final class FlopsCommand implements Callable<Integer> {

  @Mixin ModelSource model;

  @Option(names = "--seq-len", required = true, paramLabel = "N", description = "Tokens per sequence.")
  int sequenceLength;

  @Option(
      names = "--convention",
      paramLabel = "NAME",
      defaultValue = "exact",
      description = "exact (default), kaplan, kaplan-6n, chinchilla, chinchilla-table-a4 or megatron.")
  String convention;

  @Option(
      names = "--recompute",
      paramLabel = "KIND",
      defaultValue = "none",
      description = "Activation recomputation: none (default), selective or full.")
  String recompute;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    FlopConvention flopConvention = EnumNames.valueOf(FlopConvention.class, "--convention", convention);
    ActivationRecomputation recomputation =
        EnumNames.valueOf(ActivationRecomputation.class, "--recompute", recompute);
    Architecture architecture = model.architecture();
    FlopEstimate estimate = FlopAccounting.estimate(architecture, sequenceLength, flopConvention, recomputation);
    if (json) {
      JsonOutput.print(spec.commandLine().getOut(), FlopEstimateJson.toJson(architecture, estimate));
      return 0;
    }
    Map<String, Double> byComponent = FlopAccounting.forwardFlopsByComponent(architecture, sequenceLength);
    TextTable table = new TextTable();
    table
        .row("model type", architecture.family())
        .row("convention", EnumNames.kebabCase(estimate.convention()))
        .row("sequence length", estimate.sequenceLength())
        .row("recomputation", EnumNames.kebabCase(estimate.recomputation()))
        .row("forward FLOPs/token", estimate.forwardFlopsPerToken())
        .row("backward FLOPs/token", estimate.backwardFlopsPerToken())
        .row("recomputation FLOPs/token", estimate.recomputationFlopsPerToken())
        .row("training FLOPs/token", estimate.trainingFlopsPerToken());
    table.row("forward FLOPs/token by component (exact)", "");
    byComponent.forEach(
        (component, flops) -> {
          if (flops > 0) {
            table.row("  " + component, flops);
          }
        });
    table.print(spec.commandLine().getOut());
    return 0;
  }
}
