package dev.persistence.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.exact.ExactCounts;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.memory.TrainingMemory;
import dev.persistence.core.memory.TrainingMemoryBreakdown;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.memory.TrainingMemoryJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code persistence memory}: training memory on the most-loaded accelerator, and whether it fits. */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    description = "Training memory per accelerator (most-loaded rank) under a parallelism plan, and whether it fits.")
final class MemoryCommand implements Callable<Integer> {

  @Mixin ModelSource model;

  @Mixin AcceleratorSource accelerators;

  @Option(names = "--accelerator", required = true, paramLabel = "NAME", description = "Catalog name or alias.")
  String acceleratorName;

  @Option(names = "--tp", defaultValue = "1", paramLabel = "N", description = "Tensor parallel (default 1).")
  int tensorParallel;

  @Option(names = "--pp", defaultValue = "1", paramLabel = "N", description = "Pipeline parallel (default 1).")
  int pipelineParallel;

  @Option(names = "--vpp", defaultValue = "1", paramLabel = "N", description = "Virtual stages per pipeline rank.")
  int virtualStages;

  @Option(names = "--dp", defaultValue = "1", paramLabel = "N", description = "Data parallel (default 1).")
  int dataParallel;

  @Option(names = "--cp", defaultValue = "1", paramLabel = "N", description = "Context parallel (default 1).")
  int contextParallel;

  @Option(names = "--ep", defaultValue = "1", paramLabel = "N", description = "Expert parallel (default 1).")
  int expertParallel;

  @Option(names = "--zero", defaultValue = "0", paramLabel = "S", description = "ZeRO stage 0-3 (3 = FSDP).")
  int zeroStage;

  @Option(
      names = "--fused-attention",
      description = "Fused (flash) attention: the s x s scores are never stored (Dao et al. 2022).")
  boolean fusedAttention;

  @Option(names = "--sequence-parallel", description = "Split norm/dropout activations over the TP ranks.")
  boolean sequenceParallel;

  @Option(
      names = "--recompute",
      defaultValue = "none",
      paramLabel = "KIND",
      description = "Activation recomputation: none (default), selective or full.")
  String recompute;

  @Option(names = "--micro-batch", defaultValue = "1", paramLabel = "N", description = "Sequences per micro-batch.")
  int microBatch;

  @Option(
      names = "--global-batch",
      paramLabel = "N",
      description = "Sequences per step; default micro-batch x dp x pp (enough to fill the pipeline).")
  Integer globalBatch;

  @Option(names = "--seq-len", paramLabel = "N", description = "Tokens per sequence; default the model's context.")
  Integer sequenceLength;

  @Option(
      names = "--precision",
      defaultValue = "bf16-adam",
      paramLabel = "NAME",
      description = "bf16-adam (16 B/param, default), megatron-bf16-adam (18), fp8-deepseek-v3 (13), bf16-adafactor (8).")
  String precision;

  @Option(
      names = "--no-allowance",
      description = "Leave out the assumed workspace/fragmentation allowance (2 GiB + 5%).")
  boolean noAllowance;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Accelerator accelerator = accelerators.accelerator(acceleratorName);
    ActivationRecomputation recomputation = EnumNames.valueOf(ActivationRecomputation.class, "--recompute", recompute);
    TrainingPrecision trainingPrecision = TrainingPrecision.preset(precision);
    Architecture architecture = model.architecture();
    int sequence = sequenceLength == null ? architecture.contextLength() : sequenceLength;
    int global =
        globalBatch != null
            ? globalBatch
            : ExactCounts.toInt(
                "default --global-batch (--micro-batch " + microBatch + " x --dp " + dataParallel + " x --pp "
                    + Math.max(1, pipelineParallel) + "); pass --global-batch",
                ExactCounts.product(microBatch, dataParallel, Math.max(1, pipelineParallel)));
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .tensorParallel(tensorParallel)
            .pipelineParallel(pipelineParallel)
            .virtualPipelineStages(virtualStages)
            .dataParallel(dataParallel)
            .contextParallel(contextParallel)
            .expertParallel(expertParallel)
            .zeroStage(ZeroStage.of(zeroStage))
            .sequenceParallel(sequenceParallel)
            .recomputation(recomputation)
            .fusedAttention(fusedAttention)
            .microBatchSize(microBatch)
            .globalBatchSize(global)
            .sequenceLength(sequence)
            .build();
    MemoryAllowance allowance = noAllowance ? MemoryAllowance.NONE : MemoryAllowance.PYTORCH_CUDA_TRAINING;
    TrainingMemoryBreakdown memory =
        TrainingMemory.estimate(architecture, plan, trainingPrecision, accelerator.memoryBytes(), allowance);
    ObjectNode result =
        TrainingMemoryJson.toJson(architecture, accelerator, plan, trainingPrecision, allowance, memory);
    if (json) {
      JsonOutput.print(spec.commandLine().getOut(), result);
      return 0;
    }
    TextTable table = new TextTable();
    result
        .properties()
        .forEach(
            field -> {
              if (field.getValue().isObject()) {
                table.row(field.getKey(), "");
                field.getValue().properties().forEach(inner -> table.row("  " + inner.getKey(), inner.getValue().asText()));
              } else {
                table.row(field.getKey(), field.getValue().asText());
              }
            });
    table.print(spec.commandLine().getOut());
    return 0;
  }
}
