package dev.persistence.core.parallelism;

/**
 * What a trainer keeps in host memory instead of on the accelerator, in DeepSpeed's two conventions: ZeRO-Offload
 * (Ren et al. 2021, arXiv:2101.06840 section 4: fp32 master weights and Adam states on the host, the optimizer step
 * on the host CPU; DeepSpeed's {@code offload_optimizer}) and ZeRO-Infinity's parameter offload (Rajbhandari et al.
 * 2021, arXiv:2104.07857 section 5: under ZeRO-3 the 16-bit parameter shards live on the host too and are brought
 * to the accelerator before each gather; DeepSpeed's {@code offload_param}).
 */
public enum Offload {
  /** Everything on the accelerator. */
  NONE(false, false),
  /** Master weights and optimizer states on the host, stepped by the host CPU (ZeRO-Offload). */
  OPTIMIZER(true, false),
  /** The optimizer as {@link #OPTIMIZER}, and the 16-bit parameter shards too (ZeRO-Infinity; ZeRO-3 only). */
  OPTIMIZER_AND_PARAMETERS(true, true);

  private final boolean optimizer;
  private final boolean parameters;

  Offload(boolean optimizer, boolean parameters) {
    this.optimizer = optimizer;
    this.parameters = parameters;
  }

  /** Whether master weights and optimizer states live on the host. */
  public boolean optimizer() {
    return optimizer;
  }

  /** Whether the sharded 16-bit parameters live on the host. */
  public boolean parameters() {
    return parameters;
  }
}
