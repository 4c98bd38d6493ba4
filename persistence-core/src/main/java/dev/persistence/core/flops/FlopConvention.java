package dev.persistence.core.flops;

/**
 * The ways papers count the FLOPs of a transformer; {@link FlopAccounting} computes each.
 *
 * <p>All count a multiply-accumulate as 2 FLOPs and a backward pass as twice the forward pass. They differ in
 * what they include (attention scores, softmax, embeddings, the output head, biases and norms) and in how general
 * they are: the Megatron formulas know only layers, hidden size, sequence length and vocabulary.
 */
public enum FlopConvention {
  /**
   * Our count: 2 FLOPs per active parameter per token (every matrix weight a token uses, the output head, and,
   * at one multiply-add each, biases, norm gains and router biases; the input lookup tables are free), plus the
   * attention scores and the attention over values, {@code 2 x heads x (qkHeadDim + valueHeadDim)} per attended
   * token in each layer, with the causal mask and sliding windows honoured. Softmax is not counted.
   */
  EXACT,
  /**
   * Kaplan et al. 2020 (arXiv:2001.08361) eq. 2.2 and Table 1: {@code C_forward = 2N + 2 n_layer n_ctx d_attn},
   * with {@code N} the non-embedding matrix weights of eq. 2.1 ({@code 2 d_model n_layer (2 d_attn + d_ff)} for a
   * plain transformer) and training three times the forward pass.
   */
  KAPLAN,
  /** Kaplan et al. 2020 section 2.1: {@code C = 6N} per training token, dropping the context term. */
  KAPLAN_6N,
  /**
   * Hoffmann et al. 2022 (arXiv:2203.15556) Appendix F as printed: embeddings ({@code 2 x vocab x d}), the q/k/v
   * and output projections, key-query logits {@code 2 x seq x (k x h)}, softmax {@code 3 x h x seq}, the softmax
   * times values {@code 2 x seq x (k x h)}, the dense block and the final logits; no causal mask.
   */
  CHINCHILLA,
  /**
   * {@link #CHINCHILLA} without the embeddings and final logits: the only variant that reproduces the ratios of
   * Hoffmann et al. 2022 Table A4 (per the nanoGPT {@code scaling_laws.ipynb} note on author correspondence),
   * although the paper's text says they are included.
   */
  CHINCHILLA_TABLE_A4,
  /**
   * Korthikanti et al. 2022 (arXiv:2205.05198) eq. 7, model FLOPs per iteration
   * {@code 72 B L s h^2 (1 + s/(6h) + V/(12 h L))}, i.e. a forward pass of {@code 24 L h^2 + 4 L s h + 2 h V} per
   * token. With selective recomputation the hardware FLOPs are eq. 8, {@code 72 B L s h^2 (1 + s/(3h) + V/(12hL))};
   * with full recomputation Narayanan et al. 2021 (arXiv:2104.04473) eq. 3,
   * {@code 96 B s l h^2 (1 + s/(6h) + V/(16 l h))}. Only layers, hidden size, sequence length and vocabulary are
   * used: attention is taken as multi-head, the feed-forward as a plain {@code 4h} block.
   */
  MEGATRON
}
