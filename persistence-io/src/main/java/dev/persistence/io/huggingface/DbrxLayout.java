package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.NormKind;

/**
 * DBRX (modeling_dbrx.py; Databricks 2024): {@code d_model}, {@code n_heads}, {@code n_layers}, and nested
 * {@code attn_config} ({@code kv_n_heads}; {@code clip_qkv} holds no parameters) and {@code ffn_config}
 * ({@code ffn_hidden_size}, {@code moe_num_experts}, {@code moe_top_k}). A fused {@code Wqkv} and
 * {@code out_proj} without biases, LayerNorms without bias ({@code norm_1}, {@code norm_2}, {@code norm_f}), and
 * gated experts stored fused as {@code w1}, {@code v1}, {@code w2} of {@code [E x I, h]} with a router without
 * bias; untied by default.
 */
final class DbrxLayout implements FamilyLayout {

  static final DbrxLayout INSTANCE = new DbrxLayout();

  private DbrxLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireIntAny("d_model", "hidden_size");
    int heads = config.requireIntAny("n_heads", "num_attention_heads");
    int layers = config.requireIntAny("n_layers", "num_hidden_layers");
    DecoderLayout.requireDivides(config, "n_heads", heads, "d_model", hidden);
    ConfigNode attention = config.requireChild("attn_config");
    ConfigNode ffn = config.requireChild("ffn_config");
    Architecture model =
        DecoderLayout.common(family, config, hidden, layers, "max_seq_len")
            .normKind(NormKind.LAYER_NORM_WITHOUT_BIAS)
            .attention(
                GroupedQueryAttention.builder()
                    .numAttentionHeads(heads)
                    .numKeyValueHeads(attention.intOr("kv_n_heads", 1))
                    .headDim(hidden / heads)
                    .build())
            .feedForward(
                MixtureOfExperts.builder()
                    .numExperts(ffn.intOr("moe_num_experts", 4))
                    .expertsPerToken(ffn.intOr("moe_top_k", 1))
                    .expertIntermediateSize(ffn.requireInt("ffn_hidden_size"))
                    .build())
            .build();
    return CompositeModel.of(model);
  }
}
