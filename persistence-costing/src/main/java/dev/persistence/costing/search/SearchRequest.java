package dev.persistence.costing.search;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.check.Checks;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.steptime.AttentionKernel;
import dev.persistence.core.flops.FlopConvention;

/**
 * What to search plans for.
 *
 * @param architecture the model
 * @param cluster the cluster; its accelerator count bounds {@code acceleratorCount}
 * @param precision the training precision
 * @param calibration the step-time calibration
 * @param attentionKernel the attention kernel
 * @param flopConvention how model FLOPs are counted for MFU
 * @param acceleratorCount accelerators to use (with {@link Objective#COST}, at most this many)
 * @param globalBatchSize sequences per step
 * @param sequenceLength tokens per sequence
 * @param objective what to minimize
 * @param top how many plans to return
 * @param allowance the memory allowance each plan must fit with
 * @param maxMicroBatchSize largest micro-batch tried
 * @param offload whether optimizer and activation offload are tried
 * @param tensorParallelCommunication how the framework runs its tensor-parallel collectives, as every plan found
 *     will: {@code OVERLAPPED} (Megatron-Core {@code tp_comm_overlap}, TorchTitan async TP) or
 *     {@code FORWARD_EXPOSED} (TorchTitan by default); a framework setting, not searched
 */
public record SearchRequest(
    Architecture architecture,
    Cluster cluster,
    TrainingPrecision precision,
    Calibration calibration,
    AttentionKernel attentionKernel,
    FlopConvention flopConvention,
    int acceleratorCount,
    int globalBatchSize,
    int sequenceLength,
    Objective objective,
    int top,
    MemoryAllowance allowance,
    int maxMicroBatchSize,
    boolean offload,
    TensorParallelCommunication tensorParallelCommunication) {

  /**
   * Validates the request.
   *
   * @throws IllegalArgumentException if a count is not positive, the accelerators exceed the cluster's, or the
   *     accelerator has no dense peak in the precision's format
   */
  public SearchRequest {
    Checks.positive("acceleratorCount", acceleratorCount);
    checkArgument(
        acceleratorCount <= cluster.acceleratorCount(),
        "acceleratorCount (%s) must not exceed the cluster's accelerators (%s)",
        acceleratorCount,
        cluster.acceleratorCount());
    Checks.positive("globalBatchSize", globalBatchSize);
    Checks.positive("sequenceLength", sequenceLength);
    Checks.positive("top", top);
    Checks.positive("maxMicroBatchSize", maxMicroBatchSize);
    checkArgument(tensorParallelCommunication != null, "tensorParallelCommunication must not be null");
    cluster.accelerator().densePeakFlopsPerSecond(precision.computeFormat());
  }

  /**
   * A request whose plans overlap their tensor-parallel communication ({@code OVERLAPPED}), the setting of the
   * Megatron-Core recipes the production calibration is fitted on.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public SearchRequest(
      Architecture architecture,
      Cluster cluster,
      TrainingPrecision precision,
      Calibration calibration,
      AttentionKernel attentionKernel,
      FlopConvention flopConvention,
      int acceleratorCount,
      int globalBatchSize,
      int sequenceLength,
      Objective objective,
      int top,
      MemoryAllowance allowance,
      int maxMicroBatchSize,
      boolean offload) {
    this(architecture, cluster, precision, calibration, attentionKernel, flopConvention, acceleratorCount,
        globalBatchSize, sequenceLength, objective, top, allowance, maxMicroBatchSize, offload,
        TensorParallelCommunication.OVERLAPPED);
  }

  /**
   * A request with the defaults: the accelerator's bundled calibration, fused attention (the kernel every 2024-26
   * recipe runs, and the scenario file's default), exact FLOP counting, the PyTorch/CUDA memory allowance,
   * micro-batches up to 16, offload tried, the top 5 plans by time. Change one field with a {@code with*} method.
   *
   * @param architecture the model
   * @param cluster the cluster
   * @param precision the training precision
   * @param acceleratorCount accelerators to use
   * @param globalBatchSize sequences per step
   * @param sequenceLength tokens per sequence
   */
  public static SearchRequest of(
      Architecture architecture,
      Cluster cluster,
      TrainingPrecision precision,
      int acceleratorCount,
      int globalBatchSize,
      int sequenceLength) {
    return new SearchRequest(
        architecture,
        cluster,
        precision,
        Calibration.forAccelerator(cluster.accelerator().name()),
        AttentionKernel.FUSED,
        FlopConvention.EXACT,
        acceleratorCount,
        globalBatchSize,
        sequenceLength,
        Objective.TIME,
        5,
        MemoryAllowance.PYTORCH_CUDA_TRAINING,
        16,
        true);
  }

  /**
   * A copy with another model.
   *
   * @param value the new architecture
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withArchitecture(Architecture value) {
    return new SearchRequest(value, cluster, precision, calibration, attentionKernel, flopConvention, acceleratorCount, globalBatchSize, sequenceLength, objective, top, allowance, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with another cluster.
   *
   * @param value the new cluster
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withCluster(Cluster value) {
    return new SearchRequest(architecture, value, precision, calibration, attentionKernel, flopConvention, acceleratorCount, globalBatchSize, sequenceLength, objective, top, allowance, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with another training precision.
   *
   * @param value the new precision
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withPrecision(TrainingPrecision value) {
    return new SearchRequest(architecture, cluster, value, calibration, attentionKernel, flopConvention, acceleratorCount, globalBatchSize, sequenceLength, objective, top, allowance, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with another calibration.
   *
   * @param value the new calibration
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withCalibration(Calibration value) {
    return new SearchRequest(architecture, cluster, precision, value, attentionKernel, flopConvention, acceleratorCount, globalBatchSize, sequenceLength, objective, top, allowance, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with another attention kernel.
   *
   * @param value the new attentionKernel
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withAttentionKernel(AttentionKernel value) {
    return new SearchRequest(architecture, cluster, precision, calibration, value, flopConvention, acceleratorCount, globalBatchSize, sequenceLength, objective, top, allowance, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with another FLOP convention for MFU.
   *
   * @param value the new flopConvention
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withFlopConvention(FlopConvention value) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, value, acceleratorCount, globalBatchSize, sequenceLength, objective, top, allowance, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with another accelerator count.
   *
   * @param value the new acceleratorCount
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withAcceleratorCount(int value) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, flopConvention, value, globalBatchSize, sequenceLength, objective, top, allowance, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with another global batch (sequences).
   *
   * @param value the new globalBatchSize
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withGlobalBatchSize(int value) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, flopConvention, acceleratorCount, value, sequenceLength, objective, top, allowance, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with another sequence length.
   *
   * @param value the new sequenceLength
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withSequenceLength(int value) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, flopConvention, acceleratorCount, globalBatchSize, value, objective, top, allowance, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with another objective.
   *
   * @param value the new objective
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withObjective(Objective value) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, flopConvention, acceleratorCount, globalBatchSize, sequenceLength, value, top, allowance, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with {@code value} plans returned.
   *
   * @param value the new top
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withTop(int value) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, flopConvention, acceleratorCount, globalBatchSize, sequenceLength, objective, value, allowance, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with another memory allowance.
   *
   * @param value the new allowance
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withAllowance(MemoryAllowance value) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, flopConvention, acceleratorCount, globalBatchSize, sequenceLength, objective, top, value, maxMicroBatchSize, offload, tensorParallelCommunication);
  }

  /**
   * A copy with another largest micro-batch.
   *
   * @param value the new maxMicroBatchSize
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withMaxMicroBatchSize(int value) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, flopConvention, acceleratorCount, globalBatchSize, sequenceLength, objective, top, allowance, value, offload, tensorParallelCommunication);
  }

  /**
   * A copy with offload tried or not.
   *
   * @param value the new offload
   * @throws IllegalArgumentException as the constructor
   */
  public SearchRequest withOffload(boolean value) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, flopConvention, acceleratorCount, globalBatchSize, sequenceLength, objective, top, allowance, maxMicroBatchSize, value, tensorParallelCommunication);
  }

  /**
   * A copy with another tensor-parallel communication setting.
   *
   * @param value the new setting
   * @throws IllegalArgumentException if it is null
   */
  public SearchRequest withTensorParallelCommunication(TensorParallelCommunication value) {
    return new SearchRequest(architecture, cluster, precision, calibration, attentionKernel, flopConvention, acceleratorCount, globalBatchSize, sequenceLength, objective, top, allowance, maxMicroBatchSize, offload, value);
  }
}
