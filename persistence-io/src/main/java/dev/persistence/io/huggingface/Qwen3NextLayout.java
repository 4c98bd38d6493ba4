package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.GatedDeltaNet;
import dev.persistence.core.architecture.CompositeModel;

/**
 * Qwen3-Next (modeling_qwen3_next.py; Qwen team 2025 model card "Qwen3-Next-80B-A3B"): {@code layer_types}, or
 * by default every {@code full_attention_interval}-th layer ({@code (i + 1) % interval == 0}), is gated
 * attention (queries projected twice as wide for the output gate, {@code q_norm}/{@code k_norm} over the head
 * width); the others are {@link GatedDeltaNet} linear attention of {@code linear_num_key_heads x
 * linear_key_head_dim} and {@code linear_num_value_heads x linear_value_head_dim}. Every layer's feed-forward block
 * is the Qwen-MoE block with a gated shared expert. Multi-token-prediction modules ({@code mtp.*}) when the config
 * counts them.
 */
final class Qwen3NextLayout implements FamilyLayout {

  static final Qwen3NextLayout INSTANCE = new Qwen3NextLayout();

  private Qwen3NextLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int layers = config.requireInt("num_hidden_layers");
    int interval = Math.max(config.intOr("full_attention_interval", 4), 1);
    GatedDeltaNet mixer =
        GatedDeltaNet.builder()
            .numKeyHeads(config.intOr("linear_num_key_heads", 16))
            .keyHeadDim(config.intOr("linear_key_head_dim", 128))
            .numValueHeads(config.intOr("linear_num_value_heads", 32))
            .valueHeadDim(config.intOr("linear_value_head_dim", 128))
            .convKernel(config.intOr("linear_conv_kernel_dim", 4))
            .build();
    Architecture model =
        DecoderLayout.linearAttentionHybrid(
                family,
                config,
                hidden,
                layers,
                DecoderLayout.attention(family, config, hidden).outputGate(true).build(),
                mixer,
                layer -> (layer + 1) % interval == 0)
            .build();
    return DecoderLayout.withMultiTokenPrediction(family, config, model);
  }
}
