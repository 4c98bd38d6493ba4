package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.PositionEncoding;
import java.util.OptionalInt;

/** GPT-2 (modeling_gpt2.py): fused qkv with bias, plain 4h MLP with biases, LayerNorm, learned positions. */
final class Gpt2Layout implements FamilyLayout {

  static final Gpt2Layout INSTANCE = new Gpt2Layout();

  private Gpt2Layout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireIntAny("n_embd", "hidden_size");
    int heads = config.requireIntAny("n_head", "num_attention_heads");
    DecoderLayout.requireDivides(config, "n_head", heads, "n_embd", hidden);
    OptionalInt inner = config.optionalInt("n_inner");
    int layers = config.requireIntAny("n_layer", "num_hidden_layers");
    return CompositeModel.of(
        DecoderLayout.common(family, config, hidden, layers, "n_positions")
            .positionEncoding(PositionEncoding.LEARNED_ABSOLUTE)
            .normKind(NormKind.LAYER_NORM)
            .attention(DecoderLayout.multiHeadAttention(hidden, heads, true).build())
            .feedForward(DecoderLayout.plainMlp(inner.orElse(4 * hidden), true))
            .build());
  }
}
