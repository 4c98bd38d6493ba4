package dev.persistence.core.parallelism;

/**
 * How the framework runs a layer's tensor-parallel collectives (the all-reduces, or the all-gathers and
 * reduce-scatters of sequence parallelism) against the GEMMs that produce and consume them.
 *
 * <p>Two paths exist. Every framework's backward pass issues its input-gradient collective asynchronously and
 * computes the weight-gradient GEMM beside it (and, under sequence parallelism, gathers the weight-gradient input
 * beside the input-gradient GEMM): Megatron-Core's default path does so
 * ({@code LinearWithGradAccumulationAndAsyncCommunication.backward}, "the reduce scatter of the input gradients is
 * done asynchronously with the calculation of the weight gradients",
 * NVIDIA/Megatron-LM@000c4ac24f61159c138b0975def722c65245983c megatron/core/tensor_parallel/layers.py), whereas
 * its forward pass all-gathers the input, then multiplies. Only a chunked (pipelined) collective GEMM hides the
 * forward's collectives too, and it is a switch, off by default in some frameworks and turned on by the recipes
 * of others:
 *
 * <ul>
 *   <li>Megatron-LM: {@code --tp-comm-overlap} (Transformer Engine userbuffers), a {@code store_true} flag, off
 *       unless passed (NVIDIA/Megatron-LM@000c4ac24f61159c138b0975def722c65245983c megatron/training/arguments.py);
 *       its README's scaling table states it on.
 *   <li>NeMo 2 and Megatron-Bridge: the performance recipes switch it on
 *       (NVIDIA/NeMo@0189a3b38dcfc89e916ca4396459433c8ba326d2 nemo/collections/llm/recipes/llama3_70b.py
 *       {@code pretrain_recipe_performance}: {@code MegatronCommOverlapCallback(tp_comm_overlap=True, ...)};
 *       NVIDIA-NeMo/Megatron-Bridge@2a0d46e2c5540be8ff92977c3e55c7f10bce1d3e
 *       scripts/performance/configs/llama/llama3_llm_pretrain.py: {@code CommOverlapConfig(tp_comm_overlap=
 *       tensor_model_parallel_size > 1)} and the H100 userbuffers configurations).
 *   <li>TorchTitan: async tensor parallelism ({@code parallelism.enable_async_tensor_parallel}, default
 *       {@code False}, pytorch/torchtitan@000204a4a8bf3d0f31adc44fc29855fbb6ea13d8 torchtitan/config/job_config.py;
 *       it needs torch.compile, which then micro-pipelines each collective with its matmul).
 * </ul>
 */
public enum TensorParallelCommunication {
  /**
   * The collectives of both passes run beside GEMMs (Megatron-Core/Transformer Engine {@code tp_comm_overlap},
   * TorchTitan async TP): the step-time model hides the calibrated forward and backward overlap fractions. The
   * default, so that plans written without the field, and the calibration fitted on Megatron recipes that switch
   * it on, keep their meaning.
   */
  OVERLAPPED,
  /**
   * The forward pass's collectives run between its GEMMs, each waited for (none hidden); the backward pass's still
   * run beside the independent GEMM of their layer, as in {@link #OVERLAPPED} (Megatron-LM without
   * {@code --tp-comm-overlap}, TorchTitan without async TP).
   */
  FORWARD_EXPOSED
}
