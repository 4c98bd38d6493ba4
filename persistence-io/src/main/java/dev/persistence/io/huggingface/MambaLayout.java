package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MambaMixer;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.PositionEncoding;

/**
 * A pure Mamba stack (modeling_mamba.py, modeling_falcon_mamba.py): every layer is one RMSNorm and a
 * {@link MambaMixer}, with no attention and no feed-forward block; a final {@code norm_f}; the head tied unless
 * {@code tie_word_embeddings} is false (MambaConfig's default is true).
 *
 * <p>Keys: {@code intermediate_size} (else {@code expand x hidden_size}), {@code state_size}, {@code conv_kernel},
 * {@code time_step_rank} ({@code "auto"}: {@code ceil(hidden / 16)}), {@code use_bias}, {@code use_conv_bias}.
 * The architecture's attention block is never used (every layer is a mixer); it is the one-head block of width
 * {@code hidden} so that the shared types stay complete.
 */
final class MambaLayout implements FamilyLayout {

  static final MambaLayout INSTANCE = new MambaLayout();

  private MambaLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int layers = config.requireIntAny("num_hidden_layers", "n_layer");
    int inner = config.optionalInt("intermediate_size").orElse(config.intOr("expand", 2) * hidden);
    MambaMixer mixer =
        MambaMixer.builder()
            .intermediateSize(inner)
            .stateSize(config.intOr("state_size", 16))
            .convKernel(config.intOr("conv_kernel", 4))
            .timeStepRank(config.intOrAuto("time_step_rank", (hidden + 15) / 16))
            .projectionBias(config.booleanOr("use_bias", false))
            .convBias(config.booleanOr("use_conv_bias", true))
            .build();
    Architecture model =
        DecoderLayout.common(family, config, hidden, layers)
            .normKind(NormKind.RMS_NORM)
            .normsPerLayer(1)
            .positionEncoding(PositionEncoding.NONE)
            .attention(GroupedQueryAttention.builder().numAttentionHeads(1).headDim(hidden).build())
            .sequenceMixer(mixer)
            .addAllSequenceMixerLayerIndices(DecoderLayout.range(0, layers))
            .feedForward(DenseFeedForward.of(inner, false))
            .addAllNoFeedForwardLayerIndices(DecoderLayout.range(0, layers))
            .build();
    return CompositeModel.of(model);
  }
}
