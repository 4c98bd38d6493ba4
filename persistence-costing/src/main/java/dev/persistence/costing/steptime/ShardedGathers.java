package dev.persistence.costing.steptime;

import dev.persistence.core.check.Checks;

/**
 * How a fully sharded data-parallel trainer (ZeRO-3) issues its parameter all-gathers and gradient
 * reduce-scatters: the convention the user picks for the framework that trains. The bytes moved are the same in
 * both; what differs is how many collectives carry them (each pays the ring's latency, {@code (n - 1)} steps for
 * {@code n} ranks; {@link Collectives}), and whether the next gather is in flight while the current one computes.
 *
 * <ul>
 *   <li>{@link Kind#FSDP_UNITS}: PyTorch FSDP and FSDP2 wrap each transformer block as one unit: one all-gather
 *       of the block's flat parameters per pass and one reduce-scatter of its gradients, the next unit prefetched
 *       during the current one's compute, the unit's weights kept from the recomputed forward to its backward
 *       (Zhao et al. 2023, arXiv:2304.11277 sections 3.2-3.3; TorchTitan's {@code fully_shard} per block).
 *   <li>{@link Kind#DEEPSPEED_BUCKETS}: DeepSpeed ZeRO-3 fetches each submodule's own parameters when the module
 *       runs (one all-gather per weight matrix; parameters below {@code stage3_param_persistence_threshold}, the
 *       norms, stay resident), prefetches up to {@code stage3_prefetch_bucket_size} elements ahead (none at 0),
 *       releases a parameter after use unless it recurs within {@code stage3_max_reuse_distance} elements, and
 *       reduce-scatters gradients in buckets of {@code reduce_bucket_size} elements behind the backward pass
 *       ({@code overlap_comm}, true by default at stage 3). Rajbhandari et al. 2020 (ZeRO, arXiv:1910.02054 section
 *       5.3); DeepSpeed {@code deepspeed/runtime/zero/config.py} defaults: prefetch 5e7, reduce bucket 5e8, reuse
 *       distance 1e9 elements, {@code overlap_comm} true at stage 3.
 * </ul>
 *
 * @param kind the convention
 * @param prefetchBucketParameters DeepSpeed's {@code stage3_prefetch_bucket_size} in elements: 0 turns prefetching
 *     off, so every gather waits on the critical path; ignored under {@link Kind#FSDP_UNITS} (which prefetches)
 * @param reduceBucketParameters DeepSpeed's {@code reduce_bucket_size} in elements, {@code > 0}: gradients per
 *     reduce-scatter; ignored under {@link Kind#FSDP_UNITS} (one per unit)
 * @param reuseDistanceParameters DeepSpeed's {@code stage3_max_reuse_distance} in elements: below one layer's
 *     parameters, a fully recomputed layer's weights are released after the recomputed forward and gathered again
 *     for its backward (three gathers per micro-batch instead of two); ignored under {@link Kind#FSDP_UNITS}
 */
public record ShardedGathers(
    Kind kind, double prefetchBucketParameters, double reduceBucketParameters, double reuseDistanceParameters) {

  /** The two conventions. */
  public enum Kind {
    /** One gather and one reduce-scatter per transformer block (PyTorch FSDP, FSDP2, TorchTitan). */
    FSDP_UNITS,
    /** One gather per weight matrix, reduce-scatters per gradient bucket (DeepSpeed ZeRO-3). */
    DEEPSPEED_BUCKETS
  }

  /** FSDP units, the step-time model's default (its 2025 calibration was fitted with it). */
  public static final ShardedGathers FSDP_UNITS = new ShardedGathers(Kind.FSDP_UNITS, 0, 1, 0);

  /**
   * DeepSpeed ZeRO-3 with its own defaults ({@code deepspeed/runtime/zero/config.py}: {@code
   * stage3_prefetch_bucket_size} 5e7, {@code reduce_bucket_size} 5e8, {@code stage3_max_reuse_distance} 1e9): what a
   * config that leaves them out, or sets them to {@code "auto"} outside the Hugging Face Trainer, gets (DeepSpeed's
   * config model drops {@code "auto"} values). OpenRLHF's {@code get_train_ds_config} sets all three to
   * {@code "auto"} (OpenRLHF {@code openrlhf/utils/deepspeed/deepspeed_utils.py}).
   */
  public static final ShardedGathers DEEPSPEED_DEFAULTS =
      new ShardedGathers(Kind.DEEPSPEED_BUCKETS, 5e7, 5e8, 1e9);

  /**
   * DeepSpeed ZeRO-3 as open-instruct's RL trainer configures it (the Tülu 3 RLVR runs): {@code
   * get_train_ds_config(..., disable_trace_cache=True)} sets {@code stage3_prefetch_bucket_size}, {@code
   * stage3_max_live_parameters} and {@code stage3_max_reuse_distance} to 0, so nothing is prefetched and every
   * parameter is released after use; {@code reduce_bucket_size} stays {@code "auto"}, DeepSpeed's 5e8
   * (allenai/open-instruct@004a48d5 {@code open_instruct/ppo_vllm_thread_ray_gtrl.py}, {@code get_train_ds_config}
   * and {@code PolicyTrainerRayProcess.from_pretrained}).
   */
  public static final ShardedGathers OPEN_INSTRUCT_RL = new ShardedGathers(Kind.DEEPSPEED_BUCKETS, 0, 5e8, 0);

  /**
   * DeepSpeed ZeRO-3 with Hugging Face Accelerate's {@code "auto"} values for a model of hidden size {@code h}:
   * {@code reduce_bucket_size = h^2}, {@code stage3_prefetch_bucket_size = 0.9 h^2} (Accelerate's DeepSpeed
   * integration and the Transformers DeepSpeed guide, "ZeRO-3 auto values"), with the reuse distance of the
   * config's {@code stage3_max_reuse_distance} 1e9 (open-instruct {@code configs/ds_configs/
   * stage3_no_offloading_accelerate.conf}@eb00bf13, which its SFT and DPO scripts launch with).
   *
   * @param hiddenSize the model's hidden size, {@code > 0}
   * @throws IllegalArgumentException if the hidden size is not positive
   */
  public static ShardedGathers accelerateAuto(long hiddenSize) {
    Checks.positive("hiddenSize", hiddenSize);
    double square = (double) hiddenSize * hiddenSize;
    return new ShardedGathers(Kind.DEEPSPEED_BUCKETS, 0.9 * square, square, 1e9);
  }

  /**
   * Validates the convention.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule
   */
  public ShardedGathers {
    Checks.check(kind != null, "kind", kind, "must not be null");
    Checks.nonNegative("prefetchBucketParameters", prefetchBucketParameters);
    Checks.positive("reduceBucketParameters", reduceBucketParameters);
    Checks.nonNegative("reuseDistanceParameters", reuseDistanceParameters);
  }

  /** Whether the next gather runs while the current module computes. */
  public boolean prefetches() {
    return kind == Kind.FSDP_UNITS || prefetchBucketParameters > 0;
  }
}
