package dev.persistence.costing.steptime;

/** How the attention core (scores, softmax, attention over values) runs. */
public enum AttentionKernel {
  /**
   * Two batched GEMMs over the full {@code s x s} score matrix with a fused scale-mask-softmax and a dropout
   * between them, reading and writing the scores in memory: Megatron-LM as measured by Korthikanti et al. 2022.
   */
  UNFUSED,
  /**
   * One fused kernel that never writes the scores and skips the masked half of a causal score matrix (Dao et al.
   * 2022, FlashAttention, arXiv:2205.14135), at {@code fusedAttentionEfficiency} of the dense peak.
   */
  FUSED
}
