package dev.persistence.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.ExactCounts;

/**
 * Memory an accelerator loses to things the model accounting does not see: the CUDA/ROCm context, communication
 * and GEMM workspaces (NCCL buffers, cuBLAS workspace), temporary buffers, and the caching allocator's
 * fragmentation. Charged as {@code fixedBytes + fragmentationFraction x (everything else)}.
 *
 * <p>Real values depend on the framework, its version and its settings: measure yours and override the default.
 *
 * @param fixedBytes bytes reserved regardless of the model, {@code >= 0}
 * @param fragmentationFraction extra fraction of the accounted bytes lost to fragmentation, in [0, 1)
 * @param description what the figures are and where they come from
 */
public record MemoryAllowance(long fixedBytes, double fragmentationFraction, String description) {

  /** No allowance: the accounted bytes only (what the papers' formulas give). */
  public static final MemoryAllowance NONE = new MemoryAllowance(0, 0, "no allowance");

  /**
   * What a PyTorch training process on an NVIDIA GPU loses before the model's tensors, from named sources:
   *
   * <ul>
   *   <li>NCCL communicator buffers, 392 MiB on an 8-GPU node (NVIDIA ai-dynamo/aiconfigurator
   *       {@code systems/h800_sxm.yaml}, {@code nccl_mem: 8: 411041792}, "nonofficial correction based on
   *       observations");
   *   <li>the CUDA context, cuBLAS / cuDNN workspaces and PyTorch's runtime, 551 MB (the same file's
   *       {@code other_mem} before its authors raised it to 3.5 GB as a safety margin for inference engines);
   *   <li>memory the driver reserves: an H100 SXM's 80 GiB shows 81,559 MiB to CUDA (nvidia-smi), 361 MiB less;
   *   <li>the caching allocator's fragmentation, 5% of the accounted bytes: an ASSUMPTION (the PyTorch CUDA
   *       semantics notes, "Optimizing memory usage with PYTORCH_CUDA_ALLOC_CONF", describe the loss without a
   *       figure; TorchTitan's reserved-vs-active peaks differ by a few percent).
   * </ul>
   */
  public static final MemoryAllowance PYTORCH_CUDA_TRAINING =
      new MemoryAllowance(
          411_041_792L + 551L * 1_000_000L + 361L * 1_048_576L,
          0.05,
          "PyTorch on CUDA: NCCL buffers 392 MiB + context/workspaces 551 MB (aiconfigurator h800_sxm.yaml)"
              + " + driver reserve 361 MiB (H100 nvidia-smi) + 5% fragmentation (assumption)");

  /**
   * A conservative planning allowance, an ASSUMPTION of this project, not a measured or published figure: 2 GiB
   * fixed (a CUDA context with its kernels, NCCL buffers and a cuBLAS workspace commonly take 0.5 to 2 GiB on
   * recent NVIDIA GPUs) plus 5% of the accounted bytes for fragmentation (Rajbhandari et al. 2020, ZeRO,
   * arXiv:1910.02054 section 3.2, report running out of memory with over 30% still free in extreme cases;
   * typical caching-allocator loss is far lower).
   */
  public static final MemoryAllowance ASSUMED_DEFAULT =
      new MemoryAllowance(
          2 * Bytes.BYTES_PER_GIBIBYTE,
          0.05,
          "assumption (not measured): 2 GiB context/workspaces + 5% fragmentation; override with your own"
              + " measurement");

  /**
   * Validates the allowance.
   *
   * @throws IllegalArgumentException if {@code fixedBytes} is negative or the fraction is outside [0, 1)
   */
  public MemoryAllowance {
    Checks.nonNegative("fixedBytes", fixedBytes);
    checkArgument(
        fragmentationFraction >= 0 && fragmentationFraction < 1,
        "fragmentationFraction (%s) must be in [0, 1)",
        fragmentationFraction);
    checkArgument(description != null, "description must not be null");
  }

  /**
   * The allowance charged on top of {@code accountedBytes}.
   *
   * @param accountedBytes bytes of weights, optimizer state, activations or caches, {@code >= 0}
   * @throws IllegalArgumentException if {@code accountedBytes} is negative
   */
  public long bytesFor(long accountedBytes) {
    Checks.nonNegative("accountedBytes", accountedBytes);
    return ExactCounts.of(
        "memory allowance bytes",
        ExactCounts.inputs("fixedBytes", fixedBytes, "accountedBytes", accountedBytes),
        () ->
            ExactCounts.plus(
                fixedBytes,
                ExactCounts.ceilToLong("fragmentation bytes", fragmentationFraction * accountedBytes)));
  }
}
