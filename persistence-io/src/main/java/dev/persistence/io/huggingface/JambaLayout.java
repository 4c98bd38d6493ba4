package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.FeedForward;
import dev.persistence.core.architecture.MambaMixer;
import dev.persistence.core.architecture.MixtureOfExperts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Jamba (Lieber et al. 2024, arXiv:2403.19887, section 2 and Figure 1; modeling_jamba.py): layer {@code i} is an
 * attention layer when {@code i % attn_layer_period == attn_layer_offset} (else a Mamba layer with RMSNorms on
 * {@code dt}, {@code B} and {@code C}), and an MoE layer when {@code i % expert_layer_period ==
 * expert_layer_offset} ({@code num_experts} gated experts, router without bias; one expert means a dense MLP).
 * Two RMSNorms per layer ({@code input_layernorm}, {@code pre_ff_layernorm}), no position parameters, untied by
 * default.
 */
final class JambaLayout implements FamilyLayout {

  static final JambaLayout INSTANCE = new JambaLayout();

  private JambaLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int layers = config.requireInt("num_hidden_layers");
    List<Integer> mambaLayers = mambaLayers(config, layers);
    MambaMixer mixer =
        MambaMixer.builder()
            .intermediateSize(config.intOr("mamba_expand", 2) * hidden)
            .stateSize(config.intOr("mamba_d_state", 16))
            .convKernel(config.intOr("mamba_d_conv", 4))
            .timeStepRank(config.intOrAuto("mamba_dt_rank", (hidden + 15) / 16))
            .convBias(config.booleanOr("mamba_conv_bias", true))
            .projectionBias(config.booleanOr("mamba_proj_bias", false))
            .timeStepAndStateNorms(true)
            .build();
    return DecoderLayout.mambaHybrid(family, config, hidden, layers, feedForward(config), mixer, mambaLayers);
  }

  /** The Mamba layers: {@code layers_block_type} when present, else all but the attention period's. */
  private static List<Integer> mambaLayers(ConfigNode config, int layers) {
    Optional<List<String>> types = config.optionalStringList("layers_block_type");
    List<Integer> result = new ArrayList<>();
    int period = Math.max(config.intOr("attn_layer_period", 8), 1);
    int offset = config.intOr("attn_layer_offset", 4);
    for (int layer = 0; layer < layers; layer++) {
      boolean attention =
          types.isPresent()
              ? layer < types.get().size() && "attention".equals(types.get().get(layer))
              : layer % period == offset;
      if (!attention) {
        result.add(layer);
      }
    }
    return result;
  }

  private static FeedForward feedForward(ConfigNode config) {
    int width = config.requireInt("intermediate_size");
    int experts = config.intOr("num_experts", 16);
    DenseFeedForward dense = DenseFeedForward.of(width, true);
    if (experts <= 1) {
      return dense;
    }
    int period = Math.max(config.intOr("expert_layer_period", 2), 1);
    return MixtureOfExperts.builder()
        .numExperts(experts)
        .expertsPerToken(config.intOr("num_experts_per_tok", 2))
        .expertIntermediateSize(width)
        .layerPeriod(period)
        .layerPhase(config.intOr("expert_layer_offset", 1))
        .denseFeedForward(dense)
        .build();
  }
}
