package dev.persistence.core.parallelism;

/**
 * Which experts the router picks for each token, as far as the token dispatch sees it. Either way every expert
 * receives the same number of tokens (the step-time model assumes balanced experts); what differs is how many
 * ranks and nodes one token's experts lie on, which sets {@link TokenDispatcher#DEEP_EP}'s traffic.
 */
public enum ExpertRouting {
  /** Each token's {@code k} experts are {@code k} distinct experts drawn uniformly: a balanced learned router. */
  UNIFORM,
  /**
   * Each token's {@code k} experts are {@code k} consecutive experts, token {@code t} taking experts
   * {@code kt .. kt + k - 1} modulo the expert count: NeMo AutoModel's {@code FakeBalancedGate}
   * ({@code nemo_automodel/components/moe/layers.py} at NVIDIA-NeMo/Automodel@01926a5c443b7979463c73341bf64adf79de638e,
   * {@code indices = arange(tokens * k).view(-1, k) % n_experts}), which its benchmark configs turn on
   * ({@code fake_balanced_gate: true}). With the experts laid out contiguously over the expert-parallel ranks, a
   * token's experts lie on one or a few neighbouring ranks, in one node.
   */
  CONTIGUOUS
}
