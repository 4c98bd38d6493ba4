package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.FeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.Mamba2Mixer;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.PositionEncoding;
import dev.persistence.io.InvalidDocumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Nemotron-H (NVIDIA 2025, arXiv:2504.03624 section 2.1; the checkpoints' modeling_nemotron_h.py and transformers'
 * modeling_nemotron_h.py): {@code hybrid_override_pattern} gives each layer one block under one RMSNorm,
 * {@code M} a {@link Mamba2Mixer} ({@code mamba_num_heads x mamba_head_dim}, {@code n_groups},
 * {@code ssm_state_size}, {@code conv_kernel}; {@code use_bias} on its projections, {@code use_conv_bias} on the
 * convolution), {@code *} attention without position parameters ({@code attention_bias}, head width
 * {@code head_dim} or {@code attention_head_dim}), {@code -} the non-gated squared-ReLU MLP {@code up_proj},
 * {@code down_proj} of {@code intermediate_size} ({@code mlp_bias}), and {@code E} (Nemotron 3) a mixture of
 * {@code n_routed_experts} such MLPs of {@code moe_intermediate_size} with {@code n_shared_experts} of
 * {@code moe_shared_expert_intermediate_size} and a router holding a score-correction bias. A final
 * {@code norm_f}; the head untied unless {@code tie_word_embeddings}. The MLP layers have no token mixer and the
 * mixer and attention layers no feed-forward block, as {@link Architecture#feedForwardOnlyLayerIndices()} and
 * {@link Architecture#noFeedForwardLayerIndices()} state.
 */
final class NemotronHLayout implements FamilyLayout {

  static final NemotronHLayout INSTANCE = new NemotronHLayout();

  private NemotronHLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    String pattern =
        config
            .optionalString("hybrid_override_pattern")
            .orElseThrow(
                () ->
                    new InvalidDocumentException(
                        config.documentName() + ": hybrid_override_pattern", "missing required key"));
    int layers = config.intOr("num_hidden_layers", pattern.length());
    if (layers != pattern.length()) {
      throw new InvalidDocumentException(
          config.documentName() + ": hybrid_override_pattern",
          String.format(
              Locale.ROOT,
              "hybrid_override_pattern (%d characters) must have num_hidden_layers (%d) characters",
              pattern.length(),
              layers));
    }
    if (config.has("moe_latent_size") && config.optionalInt("moe_latent_size").isPresent()) {
      // Nemotron 3 Super's latent experts (fc1_latent_proj, fc2_latent_proj) are not modelled.
      throw new InvalidDocumentException(
          config.documentName() + ": moe_latent_size", "latent mixture-of-experts layers are not supported");
    }
    List<Integer> mamba = new ArrayList<>();
    List<Integer> mlpOnly = new ArrayList<>();
    List<Integer> mixerOnly = new ArrayList<>();
    List<Integer> denseMlp = new ArrayList<>();
    boolean sparse = false;
    for (int layer = 0; layer < layers; layer++) {
      char block = pattern.charAt(layer);
      switch (block) {
        case 'M':
          mamba.add(layer);
          mixerOnly.add(layer);
          break;
        case '*':
          mixerOnly.add(layer);
          break;
        case '-':
          mlpOnly.add(layer);
          denseMlp.add(layer);
          break;
        case 'E':
          mlpOnly.add(layer);
          sparse = true;
          break;
        default:
          throw new InvalidDocumentException(
              config.documentName() + ": hybrid_override_pattern",
              String.format(
                  Locale.ROOT,
                  "hybrid_override_pattern character '%c' at layer %d must be one of M, *, -, E",
                  block,
                  layer));
      }
    }
    int heads = config.requireInt("num_attention_heads");
    int headDim =
        config.optionalInt("head_dim").orElse(config.intOr("attention_head_dim", heads > 0 ? hidden / heads : 0));
    boolean attentionBias = config.booleanOr("attention_bias", false);
    var builder =
        DecoderLayout.common(family, config, hidden, layers)
            .normKind(NormKind.RMS_NORM)
            .normsPerLayer(1)
            .positionEncoding(PositionEncoding.NONE)
            .attention(
                GroupedQueryAttention.builder()
                    .numAttentionHeads(heads)
                    .numKeyValueHeads(config.intOr("num_key_value_heads", heads))
                    .headDim(headDim)
                    .queryKeyValueBias(attentionBias)
                    .outputBias(attentionBias)
                    .build())
            .feedForward(feedForward(config, sparse, denseMlp))
            .addAllFeedForwardOnlyLayerIndices(mlpOnly)
            .addAllNoFeedForwardLayerIndices(mixerOnly);
    if (!mamba.isEmpty()) {
      int mambaHeads = config.requireIntAny("mamba_num_heads", "mamba_n_heads");
      builder
          .sequenceMixer(
              Mamba2Mixer.builder()
                  .numHeads(mambaHeads)
                  .headDim(
                      config.optionalInt("mamba_head_dim").orElse(config.intOr("expand", 2) * hidden / mambaHeads))
                  .stateSize(config.requireIntAny("ssm_state_size", "mamba_state_dim", "mamba_d_state"))
                  .numGroups(
                      config
                          .optionalInt("n_groups")
                          .orElse(config.optionalInt("mamba_n_groups").orElse(config.intOr("mamba_num_groups", 8))))
                  .convKernel(config.optionalInt("conv_kernel").orElse(config.intOr("mamba_d_conv", 4)))
                  .convBias(config.booleanOr("use_conv_bias", config.booleanOr("mamba_conv_bias", true)))
                  .projectionBias(config.booleanOr("use_bias", config.booleanOr("mamba_proj_bias", false)))
                  .build())
          .addAllSequenceMixerLayerIndices(mamba);
    }
    return CompositeModel.of(builder.build());
  }

  /** The plain MLP of the {@code -} layers, or the experts of the {@code E} layers with it where both appear. */
  private static FeedForward feedForward(ConfigNode config, boolean sparse, List<Integer> denseLayers) {
    boolean bias = config.booleanOr("mlp_bias", false);
    if (!sparse) {
      return DecoderLayout.plainMlp(config.requireInt("intermediate_size"), bias);
    }
    var moe =
        MixtureOfExperts.builder()
            .numExperts(config.requireInt("n_routed_experts"))
            .expertsPerToken(config.requireInt("num_experts_per_tok"))
            .expertIntermediateSize(config.requireInt("moe_intermediate_size"))
            .gated(false)
            .expertBias(bias)
            .numSharedExperts(config.intOr("n_shared_experts", 1))
            .sharedExpertIntermediateSize(
                config.intOr("moe_shared_expert_intermediate_size", config.requireInt("moe_intermediate_size")))
            .expertScoreCorrectionBias(true)
            .addAllDenseLayers(denseLayers);
    if (!denseLayers.isEmpty()) {
      moe.denseFeedForward(DecoderLayout.plainMlp(config.requireInt("intermediate_size"), bias));
    }
    return moe.build();
  }
}
