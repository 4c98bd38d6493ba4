package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.PositionEncoding;

/**
 * Falcon (modeling_falcon.py): the original layout (7B: multi-query, one shared input norm for a parallel
 * block) and the new decoder architecture (40B, 180B: {@code num_kv_heads} groups, separate norms for
 * attention and MLP), LayerNorm with bias, projections with biases only when {@code bias} is set.
 */
final class FalconLayout implements FamilyLayout {

  static final FalconLayout INSTANCE = new FalconLayout();

  private FalconLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int heads = config.requireIntAny("num_attention_heads", "n_head");
    DecoderLayout.requireDivides(config, "num_attention_heads", heads, "hidden_size", hidden);
    boolean newArchitecture = config.booleanOr("new_decoder_architecture", false);
    boolean parallel = config.booleanOr("parallel_attn", true);
    int keyValueHeads;
    int norms;
    if (newArchitecture) {
      keyValueHeads = config.optionalInt("num_kv_heads").orElse(config.intOr("n_head_kv", heads));
      norms = config.intOr("num_ln_in_parallel_attn", 2);
    } else {
      keyValueHeads = config.booleanOr("multi_query", true) ? 1 : heads;
      norms = parallel ? 1 : 2;
    }
    boolean bias = config.booleanOr("bias", false);
    return CompositeModel.of(
        DecoderLayout.common(family, config, hidden, config.requireIntAny("num_hidden_layers", "n_layer"))
        .positionEncoding(config.booleanOr("alibi", false) ? PositionEncoding.NONE : PositionEncoding.ROTARY)
        .normKind(NormKind.LAYER_NORM)
        .normsPerLayer(norms)
        .parallelAttentionAndFeedForward(newArchitecture || parallel)
        .attention(
            DecoderLayout.multiHeadAttention(hidden, heads, bias).numKeyValueHeads(keyValueHeads).build())
        .feedForward(DecoderLayout.plainMlp(config.intOr("ffn_hidden_size", 4 * hidden), bias))
        .build());
  }
}
