package dev.persistence.core.parallelism;

/**
 * How a mixture-of-experts layer sends its routed tokens to the expert-parallel ranks and back (dispatch and
 * combine).
 */
public enum TokenDispatcher {
  /**
   * An all-to-all of one copy of each token per selected expert: the tokens are permuted by expert and the
   * per-expert blocks exchanged (Megatron-Core's {@code --moe-token-dispatcher-type alltoall}, MoEAlltoAllTokenDispatcher),
   * so a token whose experts share a rank travels once per expert, at the rate of the slowest tier its group
   * spans.
   */
  ALL_TO_ALL,
  /**
   * DeepEP's normal (high-throughput) kernels (deepseek-ai/DeepEP@e02e4d2e1fbfdf09e02e870b6acc5831cbd11e39,
   * README "Normal kernels with NVLink and RDMA forwarding" and {@code deep_ep/buffer.py} get_dispatch_layout):
   * each token goes once to every node that holds one of its experts, over the scale-out network to the GPU of
   * the same local index ({@code num_tokens_per_rdma_rank}), and from there once to every rank that holds one of
   * its experts over the scale-up fabric ({@code is_token_in_rank}); combine runs the same way back, reducing
   * within the node first. The two legs are pipelined, so the slower one sets the time; the README measures 43-58
   * GB/s per GPU of RDMA on 400 Gb/s adapters (their line rate) and 153-158 GB/s of NVLink on H800. Megatron-Core's
   * {@code --moe-token-dispatcher-type flex --moe-flex-dispatcher-backend deepep} and NeMo AutoModel's
   * {@code enable_deepep} use it.
   */
  DEEP_EP
}
