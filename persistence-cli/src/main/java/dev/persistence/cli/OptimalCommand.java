package dev.persistence.cli;

import dev.persistence.io.allocation.AllocationJson;
import dev.persistence.io.document.EnumNames;
import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.allocation.AllocationProblem;
import dev.persistence.scaling.allocation.ImmutableAllocationProblem;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code persistence optimal}: the compute-optimal split between parameters and tokens, by compute budget or by
 * target loss (then minimising training plus inference compute, Sardana et al. 2024).
 */
@Command(
    name = "optimal",
    mixinStandardHelpOptions = true,
    description = "Compute-optimal parameters and tokens for a budget (--compute) or a loss (--target-loss).")
final class OptimalCommand implements Callable<Integer> {
  @Mixin LawOptions lawOptions;

  static final class Goal {
    @Option(names = "--compute", required = true, paramLabel = "C",
        description = "Compute budget in FLOPs (training, plus inference when --inference-tokens is given).")
    Double compute;

    @Option(names = "--target-loss", required = true, paramLabel = "L",
        description = "Target loss; the plan minimises training plus inference compute.")
    Double targetLoss;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Goal goal;

  @Option(names = "--unique-tokens", paramLabel = "U", description = "Unique tokens available.")
  Double uniqueTokens;

  @Option(names = "--inference-tokens", paramLabel = "I", description = "Lifetime inference tokens (2N FLOPs each).")
  Double inferenceTokens;

  @Option(names = "--max-params", paramLabel = "N", description = "Largest allowed model size.")
  Double maxParameters;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Spec CommandSpec spec;

  /** The largest compute budget accepted, in FLOPs. */
  static final double MAX_COMPUTE_FLOPS = 1e40;

  @Override
  public Integer call() {
    ImmutableAllocationProblem.Builder builder = AllocationProblem.builder().law(lawOptions.lossLaw());
    if (uniqueTokens != null) {
      builder.uniqueTokens(uniqueTokens);
    }
    if (maxParameters != null) {
      builder.maxParameters(maxParameters);
    }
    if (inferenceTokens != null) {
      builder.inferenceTokens(inferenceTokens);
    }
    // 1e40 FLOPs is some ten trillion times today's largest runs: past it the allocation is not a plan but
    // arithmetic at the edge of a double (N 7e138 at 1e308).
    // Below 6 FLOPs (one parameter, one token) the optimum has less than one parameter.
    if (goal.compute != null && goal.compute >= 0 && !(goal.compute >= 6 && goal.compute <= MAX_COMPUTE_FLOPS)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "--compute (%s) must be in [6, %s] FLOPs", goal.compute, MAX_COMPUTE_FLOPS));
    }
    AllocationProblem problem = builder.build();
    Allocation a = goal.compute != null ? problem.forCompute(goal.compute) : problem.forTargetLoss(goal.targetLoss);
    String binding = EnumNames.camelCase(a.bindingConstraint());
    if (json) {
      JsonOutput.print(spec.commandLine().getOut(), AllocationJson.toJson(problem.law(), a));
      return 0;
    }
    new TextTable()
        .row("law", LawOptions.describe(problem.law()))
        .row("parameters", a.parameters())
        .row("tokens", a.tokens())
        .row("training compute (FLOPs)", a.trainingFlops())
        .row("total compute (FLOPs)", a.totalFlops())
        .row("tokens per parameter", a.tokensPerParameter())
        .row("loss (nats/token)", String.format(Locale.ROOT, "%.6f", a.loss()))
        .row("binding constraint", binding)
        .print(spec.commandLine().getOut());
    return 0;
  }
}
