package dev.persistence.costing.steptime;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one training step's time goes, on the critical path (the slowest pipeline stage), in seconds. The parts
 * sum to the step time, checked at construction.
 *
 * @param computeSeconds forward and backward GEMMs and memory-bound operations
 * @param recomputationSeconds forward work repeated during the backward pass
 * @param tensorParallelSeconds exposed tensor-parallel communication (all-reduce, or reduce-scatter and
 *     all-gather with sequence parallelism), including the output layer's and the embedding's
 * @param contextParallelSeconds exposed context-parallel ring exchange
 * @param expertParallelSeconds expert-parallel all-to-all
 * @param pipelineTransferSeconds exposed pipeline point-to-point transfers
 * @param pipelineBubbleSeconds idle time of the pipeline schedule
 * @param dataParallelSeconds exposed data-parallel gradient reduction
 * @param parameterGatherSeconds exposed ZeRO-3 (FSDP) parameter all-gathers
 * @param offloadSeconds exposed host transfers of offloaded activations, gradients (optimizer offload) and
 *     parameter shards (parameter offload)
 * @param optimizerSeconds the optimizer step (on the host CPU with optimizer offload)
 * @param totalSeconds the step
 */
public record StepTimeBreakdown(
    double computeSeconds,
    double recomputationSeconds,
    double tensorParallelSeconds,
    double contextParallelSeconds,
    double expertParallelSeconds,
    double pipelineTransferSeconds,
    double pipelineBubbleSeconds,
    double dataParallelSeconds,
    double parameterGatherSeconds,
    double offloadSeconds,
    double optimizerSeconds,
    double totalSeconds) {

  static final int COMPUTE = 0;
  static final int RECOMPUTATION = 1;
  static final int TENSOR_PARALLEL = 2;
  static final int CONTEXT_PARALLEL = 3;
  static final int EXPERT_PARALLEL = 4;
  static final int PIPELINE_TRANSFERS = 5;
  static final int PIPELINE_BUBBLE = 6;
  static final int DATA_PARALLEL = 7;
  static final int PARAMETER_GATHER = 8;
  static final int OFFLOAD = 9;
  static final int OPTIMIZER = 10;
  /** Size of the primitive breakdown array of {@link StepTimeModel#stepSeconds}. */
  public static final int SIZE = 11;

  /**
   * Validates the breakdown.
   *
   * @throws IllegalArgumentException if a part is negative or not finite, or the parts do not sum to the total
   *     (relative tolerance 1e-9)
   */
  public StepTimeBreakdown {
    double[] parts = {
      computeSeconds, recomputationSeconds, tensorParallelSeconds, contextParallelSeconds, expertParallelSeconds,
      pipelineTransferSeconds, pipelineBubbleSeconds, dataParallelSeconds, parameterGatherSeconds,
      offloadSeconds, optimizerSeconds
    };
    String[] names = {
      "computeSeconds", "recomputationSeconds", "tensorParallelSeconds", "contextParallelSeconds",
      "expertParallelSeconds", "pipelineTransferSeconds", "pipelineBubbleSeconds", "dataParallelSeconds",
      "parameterGatherSeconds", "offloadSeconds", "optimizerSeconds"
    };
    double sum = 0;
    for (int i = 0; i < parts.length; i++) {
      sum += Checks.nonNegative("breakdown " + names[i], parts[i]);
    }
    checkArgument(
        Math.abs(sum - totalSeconds) <= 1e-9 * Math.max(1, totalSeconds),
        "totalSeconds (%s) must equal the sum of the parts (%s)",
        totalSeconds,
        sum);
  }

  static StepTimeBreakdown of(double[] parts, double total) {
    return new StepTimeBreakdown(
        parts[COMPUTE], parts[RECOMPUTATION], parts[TENSOR_PARALLEL], parts[CONTEXT_PARALLEL],
        parts[EXPERT_PARALLEL], parts[PIPELINE_TRANSFERS], parts[PIPELINE_BUBBLE], parts[DATA_PARALLEL],
        parts[PARAMETER_GATHER], parts[OFFLOAD], parts[OPTIMIZER], total);
  }

  /** Exposed communication of every kind together. */
  public double exposedCommunicationSeconds() {
    return tensorParallelSeconds + contextParallelSeconds + expertParallelSeconds + pipelineTransferSeconds
        + dataParallelSeconds + parameterGatherSeconds + offloadSeconds;
  }

  /** The parts by name, in declaration order (the names the command's JSON uses). */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    map.put("computeSeconds", computeSeconds);
    map.put("recomputationSeconds", recomputationSeconds);
    map.put("tensorParallelSeconds", tensorParallelSeconds);
    map.put("contextParallelSeconds", contextParallelSeconds);
    map.put("expertParallelSeconds", expertParallelSeconds);
    map.put("pipelineTransferSeconds", pipelineTransferSeconds);
    map.put("pipelineBubbleSeconds", pipelineBubbleSeconds);
    map.put("dataParallelSeconds", dataParallelSeconds);
    map.put("parameterGatherSeconds", parameterGatherSeconds);
    map.put("offloadSeconds", offloadSeconds);
    map.put("optimizerSeconds", optimizerSeconds);
    return map;
  }
}
