package dev.persistence.costing.search;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.check.Checks;
import dev.persistence.core.flops.FlopConvention;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.steptime.AttentionKernel;
import org.immutables.value.Value;

/**
 * What to search plans for: the model, the cluster, the precision and the batch are required; everything else has
 * a default (the accelerator's bundled calibration, fused attention, exact FLOP counting, time as the objective, the
 * top 5 plans, the PyTorch/CUDA memory allowance, micro-batches up to 16, offload tried, tensor-parallel
 * communication overlapped). Build one with {@link #builder()} or {@link #of}, change one field with a
 * {@code with*} method.
 */
@Value.Immutable
public abstract class SearchRequest {

  /** Returns a new builder. */
  public static ImmutableSearchRequest.Builder builder() {
    return ImmutableSearchRequest.builder();
  }

  /** The model. */
  public abstract Architecture architecture();

  /** The cluster; its accelerator count bounds {@code acceleratorCount}. */
  public abstract Cluster cluster();

  /** The training precision. */
  public abstract TrainingPrecision precision();

  /** The step-time calibration; the accelerator's bundled one ({@link Calibration#forAccelerator}) by default. */
  @Value.Default
  public Calibration calibration() {
    return Calibration.forAccelerator(cluster().accelerator().name());
  }

  /** The attention kernel; fused (the kernel every 2024-26 recipe runs) by default. */
  @Value.Default
  public AttentionKernel attentionKernel() {
    return AttentionKernel.FUSED;
  }

  /** How model FLOPs are counted for MFU; exact counting by default. */
  @Value.Default
  public FlopConvention flopConvention() {
    return FlopConvention.EXACT;
  }

  /** Accelerators to use (with {@link Objective#COST}, at most this many). */
  public abstract int acceleratorCount();

  /** Sequences per step. */
  public abstract int globalBatchSize();

  /** Tokens per sequence. */
  public abstract int sequenceLength();

  /** What to minimize; time by default. */
  @Value.Default
  public Objective objective() {
    return Objective.TIME;
  }

  /** How many plans to return; 5 by default. */
  @Value.Default
  public int top() {
    return 5;
  }

  /** The memory allowance each plan must fit with; PyTorch/CUDA training's by default. */
  @Value.Default
  public MemoryAllowance allowance() {
    return MemoryAllowance.PYTORCH_CUDA_TRAINING;
  }

  /** Largest micro-batch tried; 16 by default. */
  @Value.Default
  public int maxMicroBatchSize() {
    return 16;
  }

  /** Whether optimizer and activation offload are tried; true by default. */
  @Value.Default
  public boolean offload() {
    return true;
  }

  /**
   * How the framework runs its tensor-parallel collectives, as every plan found will: {@code OVERLAPPED} (Megatron-Core {@code tp_comm_overlap}, TorchTitan async TP) or {@code FORWARD_EXPOSED} (TorchTitan by default); a framework setting, not searched; {@code OVERLAPPED} by default, the setting of the Megatron-Core
   * recipes the production calibration is fitted on.
   */
  @Value.Default
  public TensorParallelCommunication tensorParallelCommunication() {
    return TensorParallelCommunication.OVERLAPPED;
  }

  /**
   * Checks the request when one is built (Immutables {@code @Value.Check}).
   *
   * @throws IllegalArgumentException if a count is not positive, the accelerators exceed the cluster's, or the
   *     accelerator has no dense peak in the precision's format
   */
  @Value.Check
  protected void check() {
    Checks.positive("acceleratorCount", acceleratorCount());
    Checks.check(
        acceleratorCount() <= cluster().acceleratorCount(),
        "acceleratorCount",
        acceleratorCount(),
        "must not exceed the cluster's accelerators (" + cluster().acceleratorCount() + ")");
    Checks.positive("globalBatchSize", globalBatchSize());
    Checks.positive("sequenceLength", sequenceLength());
    Checks.positive("top", top());
    Checks.positive("maxMicroBatchSize", maxMicroBatchSize());
    cluster().accelerator().densePeakFlopsPerSecond(precision().computeFormat());
  }

  /**
   * A request with the defaults (see the class).
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
    return builder()
        .architecture(architecture)
        .cluster(cluster)
        .precision(precision)
        .acceleratorCount(acceleratorCount)
        .globalBatchSize(globalBatchSize)
        .sequenceLength(sequenceLength)
        .build();
  }

  /**
   * A copy with another model.
   *
   * @param value the new architecture
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withArchitecture(Architecture value) {
    return ImmutableSearchRequest.copyOf(this).withArchitecture(value);
  }

  /**
   * A copy with another cluster.
   *
   * @param value the new cluster
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withCluster(Cluster value) {
    return ImmutableSearchRequest.copyOf(this).withCluster(value);
  }

  /**
   * A copy with another training precision.
   *
   * @param value the new precision
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withPrecision(TrainingPrecision value) {
    return ImmutableSearchRequest.copyOf(this).withPrecision(value);
  }

  /**
   * A copy with another calibration.
   *
   * @param value the new calibration
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withCalibration(Calibration value) {
    return ImmutableSearchRequest.copyOf(this).withCalibration(value);
  }

  /**
   * A copy with another attention kernel.
   *
   * @param value the new attentionKernel
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withAttentionKernel(AttentionKernel value) {
    return ImmutableSearchRequest.copyOf(this).withAttentionKernel(value);
  }

  /**
   * A copy with another FLOP convention for MFU.
   *
   * @param value the new flopConvention
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withFlopConvention(FlopConvention value) {
    return ImmutableSearchRequest.copyOf(this).withFlopConvention(value);
  }

  /**
   * A copy with another accelerator count.
   *
   * @param value the new acceleratorCount
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withAcceleratorCount(int value) {
    return ImmutableSearchRequest.copyOf(this).withAcceleratorCount(value);
  }

  /**
   * A copy with another global batch (sequences).
   *
   * @param value the new globalBatchSize
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withGlobalBatchSize(int value) {
    return ImmutableSearchRequest.copyOf(this).withGlobalBatchSize(value);
  }

  /**
   * A copy with another sequence length.
   *
   * @param value the new sequenceLength
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withSequenceLength(int value) {
    return ImmutableSearchRequest.copyOf(this).withSequenceLength(value);
  }

  /**
   * A copy with another objective.
   *
   * @param value the new objective
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withObjective(Objective value) {
    return ImmutableSearchRequest.copyOf(this).withObjective(value);
  }

  /**
   * A copy with {@code value} plans returned.
   *
   * @param value the new top
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withTop(int value) {
    return ImmutableSearchRequest.copyOf(this).withTop(value);
  }

  /**
   * A copy with another memory allowance.
   *
   * @param value the new allowance
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withAllowance(MemoryAllowance value) {
    return ImmutableSearchRequest.copyOf(this).withAllowance(value);
  }

  /**
   * A copy with another largest micro-batch.
   *
   * @param value the new maxMicroBatchSize
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withMaxMicroBatchSize(int value) {
    return ImmutableSearchRequest.copyOf(this).withMaxMicroBatchSize(value);
  }

  /**
   * A copy with offload tried or not.
   *
   * @param value the new offload
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withOffload(boolean value) {
    return ImmutableSearchRequest.copyOf(this).withOffload(value);
  }

  /**
   * A copy with another tensor-parallel communication setting.
   *
   * @param value the new tensorParallelCommunication
   * @throws IllegalArgumentException as the builder
   */
  public SearchRequest withTensorParallelCommunication(TensorParallelCommunication value) {
    return ImmutableSearchRequest.copyOf(this).withTensorParallelCommunication(value);
  }
}
