package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.LightningAttention;
import java.util.List;

/**
 * MiniMax-01 and MiniMax-M1 (modeling_minimax.py; the checkpoints' remote code): {@code layer_types}
 * ({@code linear_attention} / {@code full_attention}) or {@code attn_type_list} (0 lightning, 1 softmax) names each
 * layer; lightning layers are {@link LightningAttention} over {@code num_attention_heads x head_dim}, softmax
 * layers grouped-query attention without biases; every layer has Mixtral's experts ({@code num_local_experts},
 * router without bias) and two RMSNorms. The residual scaling factors hold no parameters.
 */
final class MiniMaxLayout implements FamilyLayout {

  static final MiniMaxLayout INSTANCE = new MiniMaxLayout();

  private MiniMaxLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int layers = config.requireInt("num_hidden_layers");
    List<Integer> kinds = config.intListOr("attn_type_list", List.of());
    int heads = config.requireInt("num_attention_heads");
    int headDim = config.intOr("head_dim", hidden / Math.max(heads, 1));
    return CompositeModel.of(
        DecoderLayout.linearAttentionHybrid(
                family,
                config,
                hidden,
                layers,
                DecoderLayout.attention(family, config, hidden).build(),
                LightningAttention.builder().numHeads(heads).headDim(headDim).build(),
                layer -> layer < kinds.size() && kinds.get(layer) == 1)
            .build());
  }
}
