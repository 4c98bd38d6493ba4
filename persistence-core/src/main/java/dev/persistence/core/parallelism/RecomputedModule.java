package dev.persistence.core.parallelism;

/**
 * A part of a transformer layer whose activations the backward pass recomputes instead of storing, as
 * Megatron-Core's {@code --recompute-modules} names them (core_attn, mlp activation "moe_act", layernorm, mla_up_proj,
 * moe; Megatron-LM {@code megatron/training/arguments.py}, {@code --recompute-granularity selective}) and as the
 * DeepSeek-V3 report describes (arXiv:2412.19437 section 3.2.3: "recomputation of RMSNorm and MLA
 * up-projection"; section 3.3.4 on the SwiGLU inputs).
 */
public enum RecomputedModule {
  /**
   * The attention core (scores, softmax, dropout, attention over values): Korthikanti et al. 2022
   * (arXiv:2205.05198) section 5, selective recomputation. Frees the {@code 5as^2b} score tensors of an unfused
   * kernel (a fused kernel stores none anyway).
   */
  CORE_ATTENTION,
  /** The MLP's activation function (GeLU, SwiGLU): frees its output, the input of the second GEMM. */
  MLP_ACTIVATION,
  /** The norms: frees their outputs, which are the inputs of the attention and MLP GEMMs. */
  NORMS,
  /**
   * Multi-head latent attention's up-projections (DeepSeek-V2/V3): frees the up-projected keys and values,
   * keeping the latents.
   */
  MLA_UP_PROJECTION,
  /** The routed experts' activations (their inputs, hidden activations and outputs); the layer input stays. */
  MOE_EXPERTS
}
