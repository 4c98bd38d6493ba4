package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.Attention;
import dev.persistence.core.architecture.ComponentKind;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.FeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.ImmutableArchitecture;
import dev.persistence.core.architecture.ImmutableGroupedQueryAttention;
import dev.persistence.core.architecture.ModelComponent;
import dev.persistence.core.architecture.MultiHeadLatentAttention;
import dev.persistence.core.architecture.MultiTokenPrediction;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.PositionEncoding;
import dev.persistence.core.architecture.QueryKeyNorm;
import dev.persistence.core.architecture.SequenceMixer;
import dev.persistence.io.InvalidDocumentException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Llama-shaped decoder most families share (modeling_llama.py and its copies): pre-norm blocks of attention
 * and a feed-forward block, rotary positions, a final norm and an output head. Every difference between those
 * families is a rule of its {@link HuggingFaceFamily}; the helpers here are shared by the other layouts.
 */
final class DecoderLayout implements FamilyLayout {

  static final DecoderLayout INSTANCE = new DecoderLayout();

  private DecoderLayout() {}

  @Override
  public CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    ImmutableArchitecture.Builder builder = architecture(family, config);
    Architecture model = builder.build();
    return withMultiTokenPrediction(family, config, model);
  }

  /** The decoder's builder: everything but the multi-token-prediction modules. */
  static ImmutableArchitecture.Builder architecture(HuggingFaceFamily family, ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int layers = config.requireInt("num_hidden_layers");
    ImmutableArchitecture.Builder builder =
        common(family, config, hidden, layers)
            .normKind(family.normKind)
            .normsPerLayer(family.normsPerLayer)
            .parallelAttentionAndFeedForward(family.parallelBlock);
    builder.attention(family.latentAttention ? latentAttention(config) : attention(family, config, hidden).build());
    builder.feedForward(family.feedForward.read(family, config));
    if (family.outputHeadBiasKey != null) {
      builder.outputHeadBias(config.booleanOr(family.outputHeadBiasKey, false));
    }
    slidingWindow(family, config, layers, layers, builder);
    if (family.crossLayerAttention && config.booleanOr("use_cla", false)) {
      builder.crossLayerKeyValueShare(config.intOr("cla_share_factor", 1));
    }
    return builder;
  }

  /** Vocabulary, width, layers, context and tying, read under the family's defaults. */
  static ImmutableArchitecture.Builder common(HuggingFaceFamily family, ConfigNode config, int hidden, int layers) {
    return common(family, config, hidden, layers, "max_position_embeddings");
  }

  /**
   * Vocabulary, width, layers, context and tying, read under the family's defaults, with the context length under
   * the family's own key ({@code n_positions} in GPT-2, {@code max_seq_len} in DBRX).
   */
  static ImmutableArchitecture.Builder common(
      HuggingFaceFamily family, ConfigNode config, int hidden, int layers, String contextKey) {
    return Architecture.builder()
        .family(family.modelType)
        .hiddenSize(hidden)
        .vocabSize(config.requireInt("vocab_size"))
        .numLayers(layers)
        .contextLength(config.intOr(contextKey, family.defaultContextLength))
        .tiedEmbeddings(config.booleanOr("tie_word_embeddings", family.tiedByDefault));
  }

  /**
   * A hybrid of softmax and linear attention (MiniMax, Qwen3-Next): {@code attention} at the layers that
   * {@code layer_types} names {@code full_attention} (without {@code layer_types}, where {@code fullByDefault}
   * holds), {@code mixer} at the others, the family's norm and feed-forward block in every layer.
   */
  static ImmutableArchitecture.Builder linearAttentionHybrid(
      HuggingFaceFamily family,
      ConfigNode config,
      int hidden,
      int layers,
      Attention attention,
      SequenceMixer mixer,
      java.util.function.IntPredicate fullByDefault) {
    Optional<List<String>> types = config.optionalStringList("layer_types");
    List<Integer> linear = new java.util.ArrayList<>();
    for (int layer = 0; layer < layers; layer++) {
      boolean full =
          types.isPresent()
              ? layer < types.get().size() && "full_attention".equals(types.get().get(layer))
              : fullByDefault.test(layer);
      if (!full) {
        linear.add(layer);
      }
    }
    var builder =
        common(family, config, hidden, layers)
            .normKind(family.normKind)
            .attention(attention)
            .feedForward(family.feedForward.read(family, config));
    return mixLayers(builder, mixer, linear);
  }

  /** Grouped-query attention under the family's head-width, bias, query/key-norm and sink rules. */
  static ImmutableGroupedQueryAttention.Builder attention(HuggingFaceFamily family, ConfigNode config, int hidden) {
    int heads = config.requireInt("num_attention_heads");
    int defaultHeadDim;
    if (family.defaultHeadDim.isPresent()) {
      defaultHeadDim = family.defaultHeadDim.getAsInt();
    } else {
      if (!config.has("head_dim")) {
        requireDivides(config, "num_attention_heads", heads, "hidden_size", hidden);
      }
      defaultHeadDim = heads > 0 ? hidden / heads : 0;
    }
    boolean bias = family.biasKey == null ? family.biasDefault : config.booleanOr(family.biasKey, family.biasDefault);
    var builder =
        GroupedQueryAttention.builder()
            .numAttentionHeads(heads)
            .numKeyValueHeads(config.intOr("num_key_value_heads", heads))
            .headDim(config.intOr("head_dim", defaultHeadDim))
            .queryKeyValueBias(bias)
            .outputBias(
                family.outputBiasKey != null
                    ? config.booleanOr(family.outputBiasKey, false)
                    : bias && family.biasOnOutput)
            .attentionSinks(family.attentionSinks);
    boolean queryKeyNorm =
        family.queryKeyNorm != QueryKeyNorm.NONE
            && (family.queryKeyNormKey == null || config.booleanOr(family.queryKeyNormKey, false));
    if (queryKeyNorm) {
      builder.queryKeyNorm(family.queryKeyNorm).queryKeyNormKind(family.queryKeyNormKind);
    }
    return builder;
  }

  static Attention latentAttention(ConfigNode config) {
    var builder =
        MultiHeadLatentAttention.builder()
            .numAttentionHeads(config.requireInt("num_attention_heads"))
            .keyValueLowRank(config.requireInt("kv_lora_rank"))
            .queryKeyNoRopeHeadDim(config.requireInt("qk_nope_head_dim"))
            .queryKeyRopeHeadDim(config.requireInt("qk_rope_head_dim"))
            .valueHeadDim(config.requireInt("v_head_dim"))
            .bias(config.booleanOr("attention_bias", false));
    OptionalInt queryRank = config.optionalInt("q_lora_rank");
    if (queryRank.isPresent()) {
      builder.queryLowRank(queryRank.getAsInt());
    }
    return builder.build();
  }

  /**
   * Sliding-window layers among {@code attentionLayers} of {@code layers}: from {@code layer_types} when present,
   * else the family's rule.
   */
  static void slidingWindow(
      HuggingFaceFamily family,
      ConfigNode config,
      int layers,
      int attentionLayers,
      ImmutableArchitecture.Builder builder) {
    OptionalInt window =
        family.defaultWindow.isPresent()
            ? OptionalInt.of(config.intOr("sliding_window", family.defaultWindow.getAsInt()))
            : config.optionalInt("sliding_window");
    if (window.isEmpty()) {
      return;
    }
    Optional<List<String>> layerTypes = config.optionalStringList("layer_types");
    int sliding;
    if (layerTypes.isPresent()) {
      sliding = (int) layerTypes.get().stream().filter("sliding_attention"::equals).count();
    } else {
      switch (family.slidingLayers) {
        case ALL:
          sliding = attentionLayers;
          break;
        case QWEN:
          sliding =
              config.booleanOr("use_sliding_window", false)
                  ? Math.max(0, layers - config.intOr("max_window_layers", layers))
                  : 0;
          break;
        case ALTERNATE:
          sliding = (layers + 1) / 2;
          break;
        case PATTERN:
          int pattern =
              config.optionalInt("sliding_window_pattern").orElse(config.intOr("_sliding_window_pattern", family.defaultSlidingPattern));
          sliding = pattern > 0 ? layers - layers / pattern : 0;
          break;
        case NONE:
        default:
          sliding = 0;
      }
    }
    if (sliding > 0) {
      builder.slidingWindow(window.getAsInt()).slidingWindowLayers(sliding);
    }
  }

  /**
   * The model and its multi-token-prediction modules ({@code num_nextn_predict_layers}, also read as
   * {@code mtp_num_hidden_layers}), as a named component.
   */
  static CompositeModel withMultiTokenPrediction(HuggingFaceFamily family, ConfigNode config, Architecture model) {
    int modules = config.optionalInt("num_nextn_predict_layers").orElse(config.intOr("mtp_num_hidden_layers", 0));
    if (modules <= 0) {
      return CompositeModel.of(model);
    }
    MultiTokenPrediction mtp =
        MultiTokenPrediction.builder()
            .numModules(modules)
            .sparseFeedForward(model.isMixtureOfExperts())
            .embeddingAndHeadCopies(family.multiTokenPredictionCopies)
            .build();
    Architecture withModules = Architecture.builder().from(model).multiTokenPrediction(mtp).build();
    return CompositeModel.builder()
        .languageModel(withModules)
        .addComponent(new ModelComponent("mtp", ComponentKind.MULTI_TOKEN_PREDICTION, mtp.parameters(model)))
        .build();
  }

  /**
   * Multi-head attention, {@code heads} heads of {@code hidden / heads}, with biases on the {@code qkv} and output
   * projections or on none (GPT-2, GPT-NeoX, Falcon, Phi).
   */
  static ImmutableGroupedQueryAttention.Builder multiHeadAttention(int hidden, int heads, boolean bias) {
    return GroupedQueryAttention.builder()
        .numAttentionHeads(heads)
        .headDim(hidden / heads)
        .queryKeyValueBias(bias)
        .outputBias(bias);
  }

  /** The plain (ungated) two-matrix MLP of {@code width}, with biases on both or on neither. */
  static DenseFeedForward plainMlp(int width, boolean bias) {
    return DenseFeedForward.builder().intermediateSize(width).gated(false).bias(bias).build();
  }

  /** {@code builder} with {@code mixer} in place of attention at {@code mixerLayers}; unchanged when none. */
  static ImmutableArchitecture.Builder mixLayers(
      ImmutableArchitecture.Builder builder, SequenceMixer mixer, List<Integer> mixerLayers) {
    if (!mixerLayers.isEmpty()) {
      builder.sequenceMixer(mixer).addAllSequenceMixerLayerIndices(mixerLayers);
    }
    return builder;
  }

  /**
   * An attention and Mamba hybrid (Jamba, Granite 4): {@code mixer} at {@code mambaLayers}, the family's attention
   * at the rest, {@code feedForward} in every layer, RMSNorm, no position parameters.
   */
  static CompositeModel mambaHybrid(
      HuggingFaceFamily family,
      ConfigNode config,
      int hidden,
      int layers,
      FeedForward feedForward,
      SequenceMixer mixer,
      List<Integer> mambaLayers) {
    var builder =
        common(family, config, hidden, layers)
            .normKind(NormKind.RMS_NORM)
            .positionEncoding(PositionEncoding.NONE)
            .attention(attention(family, config, hidden).build())
            .feedForward(feedForward);
    return CompositeModel.of(mixLayers(builder, mixer, mambaLayers).build());
  }

  /** The layer indices {@code from <= i < to}. */
  static List<Integer> range(int from, int to) {
    List<Integer> result = new java.util.ArrayList<>();
    for (int i = from; i < to; i++) {
      result.add(i);
    }
    return result;
  }

  static void requireDivides(ConfigNode config, String divisorKey, int divisor, String key, int value) {
    if (divisor <= 0 || value % divisor != 0) {
      throw new InvalidDocumentException(
          config.documentName() + ": " + divisorKey,
          String.format(Locale.ROOT, "%s (%d) must be > 0 and divide %s (%d)", divisorKey, divisor, key, value));
    }
  }
}
