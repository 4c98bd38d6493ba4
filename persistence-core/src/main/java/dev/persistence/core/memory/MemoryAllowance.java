package dev.persistence.core.memory;

import static com.google.common.base.Preconditions.checkArgument;

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
   * The default planning allowance, an ASSUMPTION of this project, not a measured or published figure: 2 GiB
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
    checkArgument(fixedBytes >= 0, "fixedBytes (%s) must be >= 0", fixedBytes);
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
    checkArgument(accountedBytes >= 0, "accountedBytes (%s) must be >= 0", accountedBytes);
    return ExactCounts.of(
        "memory allowance bytes",
        ExactCounts.inputs("fixedBytes", fixedBytes, "accountedBytes", accountedBytes),
        () ->
            ExactCounts.plus(
                fixedBytes,
                ExactCounts.ceilToLong("fragmentation bytes", fragmentationFraction * accountedBytes)));
  }
}
