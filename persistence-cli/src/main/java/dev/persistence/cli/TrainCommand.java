package dev.persistence.cli;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ExpertRouting;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.core.parallelism.TokenDispatcher;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.costing.steptime.StepTimeEstimate;
import dev.persistence.costing.steptime.StepTimeModel;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.steptime.StepTimeJson;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code persistence train}: predicted step time, throughput, MFU and memory of one plan. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Step time, tokens/s, MFU/HFU, breakdown and memory of one parallelism plan (and time to train a token"
            + " budget); data parallelism is what --gpus leaves after tp x pp x cp.")
final class TrainCommand implements Callable<Integer> {

  @Mixin ModelSource model;

  @Mixin AcceleratorSource accelerators;

  @Mixin ClusterOptions clusterOptions;

  @Option(names = "--accelerator", required = true, paramLabel = "NAME", description = "Catalog name or alias.")
  String acceleratorName;

  @Option(names = "--tp", required = true, paramLabel = "N", description = "Tensor parallel.")
  int tensorParallel;

  @Option(names = "--pp", required = true, paramLabel = "N", description = "Pipeline parallel.")
  int pipelineParallel;

  @Option(names = "--vpp", defaultValue = "1", paramLabel = "N", description = "Virtual stages per pipeline rank.")
  int virtualStages;

  @Option(names = "--cp", defaultValue = "1", paramLabel = "N", description = "Context parallel (default 1).")
  int contextParallel;

  @Option(names = "--ep", defaultValue = "1", paramLabel = "N", description = "Expert parallel (default 1).")
  int expertParallel;

  @Option(
      names = "--token-dispatcher",
      defaultValue = "all-to-all",
      paramLabel = "KIND",
      description = "MoE token dispatch: all-to-all (one copy per selected expert, default) or deep-ep (one copy"
          + " per node and per rank holding a token's experts).")
  String tokenDispatcher;

  @Option(
      names = "--expert-routing",
      defaultValue = "uniform",
      paramLabel = "KIND",
      description = "Experts a token's router picks, as the dispatch sees it: uniform (default) or contiguous"
          + " (k consecutive experts, NeMo AutoModel's FakeBalancedGate).")
  String expertRouting;

  @Option(
      names = "--no-expert-overlap",
      description = "The compute waits for each expert dispatch and combine (NeMo AutoModel); by default they run"
          + " beside other compute.")
  boolean noExpertOverlap;

  @Option(names = "--zero", defaultValue = "0", paramLabel = "S", description = "ZeRO stage 0-3 (3 = FSDP).")
  int zeroStage;

  @Option(
      names = "--recompute",
      defaultValue = "none",
      paramLabel = "KIND",
      description = "Activation recomputation: none (default), selective or full.")
  String recompute;

  @Option(names = "--sequence-parallel", description = "Sequence parallelism over the TP ranks.")
  boolean sequenceParallel;

  @Option(
      names = "--tp-comm",
      defaultValue = "overlapped",
      paramLabel = "KIND",
      description =
          "Tensor-parallel communication: overlapped (default; Megatron-Core tp_comm_overlap, TorchTitan async TP)"
              + " or forward-exposed (Megatron-LM without --tp-comm-overlap, TorchTitan by default).")
  String tensorParallelCommunication;

  @Option(names = "--optimizer-offload", description = "Optimizer states and master weights on the host.")
  boolean optimizerOffload;

  @Option(names = "--activation-offload", description = "Stored activations on the host.")
  boolean activationOffload;

  @Option(names = "--micro-batch", defaultValue = "1", paramLabel = "N", description = "Sequences per micro-batch.")
  int microBatch;

  @Option(names = "--global-batch", required = true, paramLabel = "N", description = "Sequences per step.")
  int globalBatch;

  @Option(names = "--seq-len", required = true, paramLabel = "N", description = "Tokens per sequence.")
  int sequenceLength;

  @Option(names = "--tokens", paramLabel = "T", description = "Token budget (300e9): adds training days and"
      + " accelerator-hours.")
  String tokens;

  @Option(
      names = "--precision",
      defaultValue = "megatron-bf16-adam",
      paramLabel = "NAME",
      description = "megatron-bf16-adam (18 B/param, default), bf16-adam (16), fp8-deepseek-v3 (13), bf16-adafactor (8).")
  String precision;

  @Option(
      names = "--convention",
      paramLabel = "NAME",
      defaultValue = "exact",
      description =
          "FLOP convention of the MFU: exact (default), megatron (Korthikanti eq. 7, as NeMo prints it), 6n"
              + " (Kaplan 6N), kaplan, chinchilla or chinchilla-table-a4.")
  String convention;

  @Option(names = "--fused-attention", description = "Fused (flash) attention instead of Megatron's unfused kernels.")
  boolean fusedAttention;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Accelerator accelerator = accelerators.accelerator(acceleratorName);
    Cluster cluster = clusterOptions.cluster(accelerator);
    ActivationRecomputation recomputation = EnumNames.valueOf(ActivationRecomputation.class, "--recompute", recompute);
    TrainingPrecision trainingPrecision = TrainingPrecision.preset(precision);
    Double budget = StepReports.tokens(tokens);
    Architecture architecture = model.architecture();
    int gpus = clusterOptions.gpus;
    checkArgument(tensorParallel > 0, "--tp (%s) must be > 0", tensorParallel);
    checkArgument(pipelineParallel > 0, "--pp (%s) must be > 0", pipelineParallel);
    checkArgument(contextParallel > 0, "--cp (%s) must be > 0", contextParallel);
    long shape = (long) tensorParallel * pipelineParallel * contextParallel;
    checkArgument(
        gpus % shape == 0,
        "--gpus (%s) must be a multiple of tp x pp x cp (%s x %s x %s = %s)",
        gpus, tensorParallel, pipelineParallel, contextParallel, shape);
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .tensorParallel(tensorParallel)
            .pipelineParallel(pipelineParallel)
            .virtualPipelineStages(virtualStages)
            .dataParallel((int) (gpus / shape))
            .contextParallel(contextParallel)
            .expertParallel(expertParallel)
            .tokenDispatcher(EnumNames.valueOf(TokenDispatcher.class, "--token-dispatcher", tokenDispatcher))
            .expertRouting(EnumNames.valueOf(ExpertRouting.class, "--expert-routing", expertRouting))
            .expertCommunicationOverlap(!noExpertOverlap)
            .zeroStage(ZeroStage.of(zeroStage))
            .sequenceParallel(sequenceParallel)
            .tensorParallelCommunication(
                EnumNames.valueOf(TensorParallelCommunication.class, "--tp-comm", tensorParallelCommunication))
            .recomputation(recomputation)
            .optimizerOffload(optimizerOffload)
            .activationOffload(activationOffload)
            .microBatchSize(microBatch)
            .globalBatchSize(globalBatch)
            .sequenceLength(sequenceLength)
            .build();
    StepTimeModel stepTime =
        StepTimeModel.of(
            architecture,
            cluster,
            trainingPrecision,
            Calibration.forAccelerator(accelerator.name()),
            fusedAttention ? AttentionKernel.FUSED : AttentionKernel.UNFUSED,
            flopConvention(convention));
    StepTimeEstimate estimate = stepTime.estimate(plan);
    if (json) {
      JsonOutput.print(
          spec.commandLine().getOut(),
          StepTimeJson.toJson(
              stepTime, plan, estimate, budget == null ? OptionalDouble.empty() : OptionalDouble.of(budget)));
      return 0;
    }
    TextTable table = new TextTable();
    table.row("accelerator", accelerator.name() + " x " + gpus + " (calibration " + stepTime.calibration().name() + ")");
    StepReports.addRows(table, estimate, budget);
    // A hybrid stack's layer kinds: how many of each and what one costs per micro-batch.
    stepTime
        .mixerLayerTime(plan)
        .ifPresent(
            mixer -> {
              table.row(
                  "attention layers",
                  String.format(
                      Locale.ROOT, "%d x %.4f s per micro-batch (fwd+bwd+recompute)", architecture.attentionLayers(),
                      stepTime.layerTime(plan).totalSeconds()));
              table.row(
                  architecture.sequenceMixer().get().kind() + " layers",
                  String.format(
                      Locale.ROOT, "%d x %.4f s per micro-batch (fwd+bwd+recompute)",
                      architecture.sequenceMixerLayers(), mixer.totalSeconds()));
            });
    // Nemotron-H's third kind: layers that hold the feed-forward block alone.
    stepTime
        .feedForwardOnlyLayerTime(plan)
        .ifPresent(
            feedForward ->
                table.row(
                    "feed-forward-only layers",
                    String.format(
                        Locale.ROOT, "%d x %.4f s per micro-batch (fwd+bwd+recompute)",
                        architecture.feedForwardOnlyLayerIndices().size(), feedForward.totalSeconds())));
    table.print(spec.commandLine().getOut());
    return 0;
  }

  /** The {@code --convention} value: a {@link FlopConvention} name, or {@code 6n} for Kaplan's 6N. */
  static FlopConvention flopConvention(String text) {
    return EnumNames.valueOf(FlopConvention.class, "--convention", text.strip().equalsIgnoreCase("6n") ? "kaplan-6n" : text);
  }
}
