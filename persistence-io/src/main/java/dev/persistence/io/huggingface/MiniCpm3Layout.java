package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.CompositeModel;

/**
 * MiniCPM3 (the checkpoint's remote modeling_minicpm.py, MiniCPM3Attention): DeepSeek-V2's multi-head latent
 * attention ({@code q_a_proj}, {@code q_a_layernorm}, {@code q_b_proj}, {@code kv_a_proj_with_mqa},
 * {@code kv_a_layernorm}, {@code kv_b_proj}, {@code o_proj}) in a Llama-shaped block with a gated MLP; the config
 * has no {@code v_head_dim}, which the attention takes as {@code hidden_size / num_attention_heads}. The muP
 * scalars ({@code scale_emb}, {@code scale_depth}, {@code dim_model_base}) hold no parameters.
 */
final class MiniCpm3Layout implements FamilyLayout {

  static final MiniCpm3Layout INSTANCE = new MiniCpm3Layout();

  private MiniCpm3Layout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int heads = config.requireInt("num_attention_heads");
    DecoderLayout.requireDivides(config, "num_attention_heads", heads, "hidden_size", hidden);
    return DecoderLayout.INSTANCE.read(family, config.withDefault("v_head_dim", hidden / heads));
  }
}
