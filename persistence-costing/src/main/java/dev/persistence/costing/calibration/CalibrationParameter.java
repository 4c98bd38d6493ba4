package dev.persistence.costing.calibration;

/**
 * One number of a {@link Calibration}: the efficiencies and overlaps that the step-time model cannot derive from
 * an accelerator's spec sheet, each with the range a fit may move it in.
 *
 * <p>The JSON key of each parameter is {@link #key()}.
 */
public enum CalibrationParameter {
  /** Fraction of the dense peak that a large, square GEMM reaches (the asymptote of the efficiency curve). */
  GEMM_PEAK_EFFICIENCY("gemmPeakEfficiency", 0.05, 1.0),
  /**
   * Arithmetic intensity (FLOP per byte of the three operands, {@code MKN / (MK + KN + MN)}) at which a GEMM
   * reaches half of {@link #GEMM_PEAK_EFFICIENCY}: the knee of the saturating curve
   * {@code peak x I / (I + I_half)}.
   */
  GEMM_HALF_EFFICIENCY_INTENSITY("gemmHalfEfficiencyIntensity", 1.0, 10_000.0),
  /** Fraction of the dense peak a fused (flash) attention kernel reaches. */
  FUSED_ATTENTION_EFFICIENCY("fusedAttentionEfficiency", 0.05, 1.0),
  /** Fraction of the memory bandwidth that streaming, memory-bound kernels reach. */
  MEMORY_BANDWIDTH_EFFICIENCY("memoryBandwidthEfficiency", 0.05, 1.0),
  /** Bus bandwidth of large collectives on the scale-up fabric, as a fraction of its per-direction bandwidth. */
  SCALE_UP_COLLECTIVE_EFFICIENCY("scaleUpCollectiveEfficiency", 0.05, 1.0),
  /** Bus bandwidth of large collectives on the scale-out network, as a fraction of its bandwidth. */
  SCALE_OUT_COLLECTIVE_EFFICIENCY("scaleOutCollectiveEfficiency", 0.05, 1.0),
  /** Latency of one step of a collective on the scale-up fabric, in seconds. */
  SCALE_UP_LATENCY_SECONDS("scaleUpLatencySeconds", 0.0, 1e-3),
  /**
   * Fraction of the backward pass's tensor-parallel communication hidden behind the weight-gradient GEMMs
   * (Megatron-LM overlaps the input-gradient all-reduce with them).
   */
  BACKWARD_TENSOR_PARALLEL_OVERLAP("backwardTensorParallelOverlap", 0.0, 1.0),
  /** Memory traffic of the backward pass's memory-bound operations over the forward pass's. */
  BACKWARD_MEMORY_TRAFFIC_RATIO("backwardMemoryTrafficRatio", 0.5, 4.0),
  /** Fraction of pipeline point-to-point transfers hidden behind compute. */
  PIPELINE_COMMUNICATION_OVERLAP("pipelineCommunicationOverlap", 0.0, 1.0),
  /**
   * Fraction of one micro-batch's backward pass that data-parallel gradient reduction (and ZeRO-3 gathers) can
   * hide behind.
   */
  DATA_PARALLEL_OVERLAP("dataParallelOverlap", 0.0, 1.0),
  /** Bytes of memory traffic the optimizer step moves per parameter it updates. */
  OPTIMIZER_STEP_BYTES_PER_PARAMETER("optimizerStepBytesPerParameter", 1.0, 200.0),
  /** Achieved accelerator-to-host bandwidth for offload, one direction, in bytes per second. */
  HOST_LINK_BANDWIDTH_BYTES_PER_SECOND("hostLinkBandwidthBytesPerSecond", 1e8, 1e12),
  /**
   * The fraction of the FP8 dense peak an FP8 GEMM reaches, relative to {@link #GEMM_PEAK_EFFICIENCY} of a bf16
   * GEMM: 1 would make FP8 GEMMs exactly twice as fast as bf16 ones on Hopper and Blackwell; scaling and casting
   * kernels and lower tensor-core occupancy keep it below (Transformer Engine FP8 GEMM benchmarks reach 1.3-1.7x
   * bf16).
   */
  FP8_GEMM_EFFICIENCY("fp8GemmEfficiency", 0.3, 1.0),
  /**
   * How much of a layer's compute in the same pass the expert-parallel dispatch and combine all-to-alls can hide
   * behind, as a fraction of that compute (Megatron-Core {@code --overlap-moe-expert-parallel-comm}, DeepEP): the
   * exposed time is {@code max(0, allToAll - overlap x compute)}, so an all-to-all longer than the compute beside
   * it stays partly exposed; DualPipe hides them whole.
   */
  EXPERT_PARALLEL_OVERLAP("expertParallelOverlap", 0.0, 1.0),
  /**
   * Fixed seconds of one transformer layer's forward pass for one micro-batch that do not shrink with the
   * shard: kernel launches, small elementwise and reduction kernels, host-side scheduling (the backward pass
   * costs twice as much). This is what keeps tiny per-rank matrices from looking free.
   */
  LAYER_OVERHEAD_SECONDS("layerOverheadSeconds", 0.0, 0.01),
  /**
   * Fraction of the forward pass's tensor-parallel communication hidden behind its GEMMs (Megatron-Core
   * {@code --tp-comm-overlap} with Transformer Engine userbuffers, PyTorch async TP); 0 without such overlap.
   */
  FORWARD_TENSOR_PARALLEL_OVERLAP("forwardTensorParallelOverlap", 0.0, 1.0),
  /**
   * Fixed forward seconds per local expert of a sparse layer and micro-batch (backward twice): each expert's GEMMs
   * are separate problems of the grouped GEMM, with their own tile scheduling and tail, which fine-grained MoE
   * models with many small local experts make visible.
   */
  EXPERT_OVERHEAD_SECONDS("expertOverheadSeconds", 0.0, 0.01),
  /**
   * The rate of the routed experts' grouped GEMM relative to a dense GEMM of the same shape: a grouped GEMM runs
   * many independent problems whose sizes are known only on the device (dropless routing), so its tiles are
   * scheduled without the per-shape kernel selection and persistent tiling of a dense GEMM, and every problem
   * ends in a partial wave. 1 treats the experts as dense GEMMs; the time scales with the tokens, unlike
   * {@link #EXPERT_OVERHEAD_SECONDS}.
   */
  GROUPED_GEMM_EFFICIENCY("groupedGemmEfficiency", 0.1, 1.0),
  /**
   * How the compute rate falls under a board power limit below the TDP ({@code Accelerator#powerLimitWatts}):
   * GEMM and fused-attention peaks scale by {@code (limit / TDP)^k}. CMOS dynamic power goes as {@code C V^2 f}
   * with the voltage following the clock in the DVFS range, so {@code P ~ f^3} and {@code k = 1/3} (Hennessy and
   * Patterson, Computer Architecture, 6th ed., section 1.5); static power and the HBM's share of the board
   * budget, which the limit does not scale, push {@code k} higher. Memory-bound kernels are not scaled.
   */
  POWER_LIMIT_CLOCK_EXPONENT("powerLimitClockExponent", 0.0, 2.0);

  private final String key;
  private final double lowerBound;
  private final double upperBound;

  CalibrationParameter(String key, double lowerBound, double upperBound) {
    this.key = key;
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
  }

  /** The key in a calibration file ({@code gemmPeakEfficiency}). */
  public String key() {
    return key;
  }

  /** Smallest value allowed. */
  public double lowerBound() {
    return lowerBound;
  }

  /** Largest value allowed. */
  public double upperBound() {
    return upperBound;
  }

  /**
   * The parameter with this key.
   *
   * @param key a {@link #key()}
   * @throws IllegalArgumentException if no parameter has that key
   */
  public static CalibrationParameter ofKey(String key) {
    for (CalibrationParameter parameter : values()) {
      if (parameter.key.equals(key)) {
        return parameter;
      }
    }
    StringBuilder keys = new StringBuilder();
    for (CalibrationParameter parameter : values()) {
      keys.append(keys.length() == 0 ? "" : ", ").append(parameter.key);
    }
    throw new IllegalArgumentException(
        "calibration parameter (" + key + ") must be one of [" + keys + "]");
  }
}
