package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.QueryKeyNorm;

/**
 * Phi-1/1.5/2 (modeling_phi.py): a parallel block with one LayerNorm, biases on every projection, a plain
 * MLP, optional LayerNorms on queries and keys over the head width, and an untied head with a bias.
 */
final class PhiLayout implements FamilyLayout {

  static final PhiLayout INSTANCE = new PhiLayout();

  private PhiLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int heads = config.requireInt("num_attention_heads");
    DecoderLayout.requireDivides(config, "num_attention_heads", heads, "hidden_size", hidden);
    return CompositeModel.of(
        DecoderLayout.common(family, config, hidden, config.requireIntAny("num_hidden_layers", "n_layer"))
        .normKind(NormKind.LAYER_NORM)
        .normsPerLayer(1)
        .parallelAttentionAndFeedForward(true)
        .outputHeadBias(true)
        .attention(
            DecoderLayout.multiHeadAttention(hidden, heads, true)
                .numKeyValueHeads(config.intOr("num_key_value_heads", heads))
                .queryKeyNorm(config.booleanOr("qk_layernorm", false) ? QueryKeyNorm.PER_HEAD : QueryKeyNorm.NONE)
                .queryKeyNormKind(NormKind.LAYER_NORM)
                .build())
        .feedForward(DecoderLayout.plainMlp(config.requireInt("intermediate_size"), true))
        .build());
  }
}
