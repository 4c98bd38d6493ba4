package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.NormKind;

/** GPT-NeoX / Pythia (modeling_gpt_neox.py): LayerNorms, biased projections, plain MLP, untied head. */
final class GptNeoxLayout implements FamilyLayout {

  static final GptNeoxLayout INSTANCE = new GptNeoxLayout();

  private GptNeoxLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int heads = config.requireInt("num_attention_heads");
    DecoderLayout.requireDivides(config, "num_attention_heads", heads, "hidden_size", hidden);
    boolean bias = config.booleanOr("attention_bias", true);
    return CompositeModel.of(
        DecoderLayout.common(family, config, hidden, config.requireIntAny("num_hidden_layers", "n_layer"))
        .normKind(NormKind.LAYER_NORM)
        .parallelAttentionAndFeedForward(config.booleanOr("use_parallel_residual", true))
        .attention(DecoderLayout.multiHeadAttention(hidden, heads, bias).build())
        .feedForward(DecoderLayout.plainMlp(config.requireInt("intermediate_size"), true))
        .build());
  }
}
