package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.NormKind;

/**
 * ChatGLM 2/3 and GLM-4 (the checkpoints' remote {@code modeling_chatglm.py}, ChatGLMConfig): {@code num_layers},
 * {@code padded_vocab_size}, {@code kv_channels} per head, multi-query attention with
 * {@code multi_query_group_num} key/value groups when {@code multi_query_attention} is set; a fused
 * {@code query_key_value} with a bias when {@code add_qkv_bias}, {@code dense} and the MLP with biases when
 * {@code add_bias_linear}; the SwiGLU {@code dense_h_to_4h} ({@code h x 2 ffn_hidden_size}); RMSNorm (LayerNorm
 * when {@code rmsnorm} is false), two per layer and a final one when {@code post_layer_norm}; an untied
 * {@code output_layer}.
 */
final class ChatGlmLayout implements FamilyLayout {

  static final ChatGlmLayout INSTANCE = new ChatGlmLayout();

  private ChatGlmLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int heads = config.requireInt("num_attention_heads");
    int groups = config.booleanOr("multi_query_attention", false) ? config.intOr("multi_query_group_num", 1) : heads;
    boolean linearBias = config.booleanOr("add_bias_linear", false);
    Architecture model =
        Architecture.builder()
            .family(family.modelType)
            .hiddenSize(hidden)
            .vocabSize(config.requireIntAny("padded_vocab_size", "vocab_size"))
            .numLayers(config.requireIntAny("num_layers", "num_hidden_layers"))
            .contextLength(config.intOr("seq_length", family.defaultContextLength))
            .tiedEmbeddings(config.booleanOr("tie_word_embeddings", false))
            .normKind(config.booleanOr("rmsnorm", true) ? NormKind.RMS_NORM : NormKind.LAYER_NORM)
            .finalNorm(config.booleanOr("post_layer_norm", true))
            .attention(
                GroupedQueryAttention.builder()
                    .numAttentionHeads(heads)
                    .numKeyValueHeads(groups)
                    .headDim(config.intOr("kv_channels", hidden / Math.max(heads, 1)))
                    .queryKeyValueBias(config.booleanOr("add_qkv_bias", false) || linearBias)
                    .outputBias(linearBias)
                    .build())
            .feedForward(
                DenseFeedForward.builder()
                    .intermediateSize(config.requireInt("ffn_hidden_size"))
                    .gated(true)
                    .bias(linearBias)
                    .build())
            .build();
    return CompositeModel.of(model);
  }
}
