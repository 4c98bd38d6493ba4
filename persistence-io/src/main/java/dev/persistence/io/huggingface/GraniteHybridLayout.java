package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.FeedForward;
import dev.persistence.core.architecture.Mamba2Mixer;
import dev.persistence.core.architecture.MixtureOfExperts;
import java.util.ArrayList;
import java.util.List;

/**
 * Granite 4 hybrids (modeling_granitemoehybrid.py): {@code layer_types} names each layer {@code mamba} (a
 * {@link Mamba2Mixer} of {@code mamba_n_heads x mamba_d_head}, {@code mamba_n_groups}, {@code mamba_d_state},
 * {@code mamba_d_conv}) or {@code attention}; every layer has the gated {@code shared_mlp} of
 * {@code shared_intermediate_size} ({@code input_linear h x 2I}, {@code output_linear}) and, when
 * {@code num_local_experts > 0}, a mixture of experts of {@code intermediate_size} beside it (router without
 * bias). Two RMSNorms per layer, no position parameters ({@code position_embedding_type} {@code nope} or rotary).
 */
final class GraniteHybridLayout implements FamilyLayout {

  static final GraniteHybridLayout INSTANCE = new GraniteHybridLayout();

  private GraniteHybridLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int layers = config.requireInt("num_hidden_layers");
    List<String> types =
        config
            .optionalStringList("layer_types")
            .or(() -> config.optionalStringList("layers_block_type"))
            .orElse(List.of());
    List<Integer> mambaLayers = new ArrayList<>();
    for (int layer = 0; layer < types.size(); layer++) {
      if ("mamba".equals(types.get(layer))) {
        mambaLayers.add(layer);
      }
    }
    int heads = config.intOr("mamba_n_heads", 128);
    int inner = config.intOr("mamba_expand", 2) * hidden;
    Mamba2Mixer mixer =
        Mamba2Mixer.builder()
            .numHeads(heads)
            .headDim(config.intOrAuto("mamba_d_head", inner / heads))
            .stateSize(config.intOr("mamba_d_state", 256))
            .numGroups(config.intOr("mamba_n_groups", 1))
            .convKernel(config.intOr("mamba_d_conv", 4))
            .convBias(config.booleanOr("mamba_conv_bias", true))
            .projectionBias(config.booleanOr("mamba_proj_bias", false))
            .build();
    return DecoderLayout.mambaHybrid(family, config, hidden, layers, feedForward(config), mixer, mambaLayers);
  }

  private static FeedForward feedForward(ConfigNode config) {
    int shared = config.requireInt("shared_intermediate_size");
    int experts = config.intOr("num_local_experts", 0);
    if (experts <= 0) {
      return DenseFeedForward.of(shared, true);
    }
    return MixtureOfExperts.builder()
        .numExperts(experts)
        .expertsPerToken(config.requireInt("num_experts_per_tok"))
        .expertIntermediateSize(config.requireInt("intermediate_size"))
        .numSharedExperts(1)
        .sharedExpertIntermediateSize(shared)
        .build();
  }
}
