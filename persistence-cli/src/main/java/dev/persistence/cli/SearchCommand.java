package dev.persistence.cli;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.search.Objective;
import dev.persistence.costing.search.PlanSearch;
import dev.persistence.costing.search.SearchRequest;
import dev.persistence.costing.search.SearchResult;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.search.SearchResultJson;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code persistence search}: the fastest (or cheapest) parallelism plans that fit. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Enumerates every valid parallelism plan (TP, PP, virtual stages, DP, CP, EP, ZeRO, micro-batch,"
            + " recomputation, sequence parallelism, offload), drops those that do not fit, and prints the best.")
final class SearchCommand implements Callable<Integer> {

  @Mixin ModelSource model;

  @Mixin AcceleratorSource accelerators;

  @Mixin ClusterOptions clusterOptions;

  @Option(names = "--accelerator", required = true, paramLabel = "NAME", description = "Catalog name or alias.")
  String acceleratorName;

  @Option(names = "--global-batch", required = true, paramLabel = "N", description = "Sequences per step.")
  int globalBatch;

  @Option(names = "--seq-len", required = true, paramLabel = "N", description = "Tokens per sequence.")
  int sequenceLength;

  @Option(names = "--top", defaultValue = "5", paramLabel = "K", description = "Plans to print (default 5).")
  int top;

  @Option(
      names = "--objective",
      defaultValue = "time",
      paramLabel = "time|cost",
      description = "time: fastest step on --gpus (default); cost: fewest accelerator-seconds per step on any"
          + " divisor of --gpus.")
  String objective;

  @Option(names = "--tokens", paramLabel = "T", description = "Token budget: adds training days and accelerator-hours.")
  String tokens;

  @Option(
      names = "--precision",
      defaultValue = "megatron-bf16-adam",
      paramLabel = "NAME",
      description = "megatron-bf16-adam (default), bf16-adam, fp8-deepseek-v3, bf16-adafactor.")
  String precision;

  @Option(names = "--max-micro-batch", defaultValue = "16", paramLabel = "N", description = "Largest micro-batch"
      + " tried (default 16).")
  int maxMicroBatch;

  @Option(names = "--no-offload", description = "Do not try optimizer or activation offload.")
  boolean noOffload;

  @Option(
      names = "--convention",
      paramLabel = "NAME",
      defaultValue = "exact",
      description =
          "FLOP convention of the MFU: exact (default), megatron (Korthikanti eq. 7, as NeMo prints it), 6n"
              + " (Kaplan 6N), kaplan, chinchilla or chinchilla-table-a4.")
  String convention;

  @Option(
      names = "--tp-comm",
      defaultValue = "overlapped",
      paramLabel = "KIND",
      description =
          "Tensor-parallel communication of every plan: overlapped (default; Megatron-Core tp_comm_overlap,"
              + " TorchTitan async TP) or forward-exposed (Megatron-LM without --tp-comm-overlap, TorchTitan by"
              + " default).")
  String tensorParallelCommunication;

  @Option(names = "--fused-attention", description = "Fused (flash) attention instead of Megatron's unfused kernels.")
  boolean fusedAttention;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Accelerator accelerator = accelerators.accelerator(acceleratorName);
    Cluster cluster = clusterOptions.cluster(accelerator);
    Objective goal = EnumNames.valueOf(Objective.class, "--objective", objective);
    TrainingPrecision trainingPrecision = TrainingPrecision.preset(precision);
    Double budget = StepReports.tokens(tokens);
    Architecture architecture = model.architecture();
    SearchRequest request =
        SearchRequest.builder()
            .architecture(architecture)
            .cluster(cluster)
            .precision(trainingPrecision)
            .calibration(Calibration.forAccelerator(accelerator.name()))
            .attentionKernel(fusedAttention ? AttentionKernel.FUSED : AttentionKernel.UNFUSED)
            .flopConvention(flopConvention(convention))
            .acceleratorCount(clusterOptions.gpus)
            .globalBatchSize(globalBatch)
            .sequenceLength(sequenceLength)
            .objective(goal)
            .top(top)
            .allowance(MemoryAllowance.PYTORCH_CUDA_TRAINING)
            .maxMicroBatchSize(maxMicroBatch)
            .offload(!noOffload)
            .tensorParallelCommunication(
                EnumNames.valueOf(TensorParallelCommunication.class, "--tp-comm", tensorParallelCommunication))
            .build();
    SearchResult result = PlanSearch.search(request);
    if (json) {
      JsonOutput.print(
          spec.commandLine().getOut(),
          SearchResultJson.toJson(request, result, budget == null ? OptionalDouble.empty() : OptionalDouble.of(budget)));
      return 0;
    }
    var printer = spec.commandLine().getOut();
    printer.printf(
        Locale.ROOT,
        "%,d plans evaluated (%,d fit) in %.3f s; %s%n",
        result.evaluatedPlans(),
        result.fittingPlans(),
        result.searchSeconds(),
        result.found() ? "best by " + goal.name().toLowerCase(Locale.ROOT) + ":" : "no plan fits.");
    int rank = 1;
    for (StepTimeEstimate estimate : result.plans()) {
      printer.printf(Locale.ROOT, "%n#%d%n", rank++);
      TextTable table = new TextTable();
      StepReports.addRows(table, estimate, budget);
      table.print(printer);
    }
    printer.flush();
    return 0;
  }

  /** The {@code --convention} value: a {@link FlopConvention} name, or {@code 6n} for Kaplan's 6N. */
  static FlopConvention flopConvention(String text) {
    return EnumNames.valueOf(FlopConvention.class, "--convention", text.strip().equalsIgnoreCase("6n") ? "kaplan-6n" : text);
  }
}
