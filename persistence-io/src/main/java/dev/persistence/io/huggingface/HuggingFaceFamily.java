package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.Attention;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.FeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.ImmutableArchitecture;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.MultiHeadLatentAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.PositionEncoding;
import dev.persistence.core.architecture.QueryKeyNorm;
import dev.persistence.io.InvalidDocumentException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The HuggingFace model families the importer reads, each with the defaults of its {@code transformers}
 * configuration class ({@code src/transformers/models/<family>/configuration_<family>.py}) and the layout of its
 * modelling code ({@code modeling_<family>.py}).
 *
 * <p>Defaults that matter for counting: {@code tie_word_embeddings} (true for Gemma, GPT-2 and Falcon, false
 * otherwise), the key/value heads when absent (the query heads), the head width when absent (hidden / heads,
 * except Gemma's 256, Qwen3's 128 and gpt-oss's 64), and the context length when absent.
 */
enum HuggingFaceFamily {
  LLAMA("llama", false, 2048),
  MISTRAL("mistral", false, 4096 * 32),
  MIXTRAL("mixtral", false, 4096 * 32),
  QWEN2("qwen2", false, 32768),
  QWEN2_MOE("qwen2_moe", false, 32768),
  QWEN3("qwen3", false, 32768),
  QWEN3_MOE("qwen3_moe", false, 32768),
  GEMMA("gemma", true, 8192),
  GEMMA2("gemma2", true, 8192),
  GEMMA3_TEXT("gemma3_text", true, 131072),
  PHI("phi", false, 2048),
  PHI3("phi3", false, 4096),
  GPT2("gpt2", true, 1024),
  GPT_NEOX("gpt_neox", false, 2048),
  FALCON("falcon", true, 2048),
  OLMO("olmo", false, 2048),
  OLMO2("olmo2", false, 2048),
  DEEPSEEK_V2("deepseek_v2", false, 2048),
  DEEPSEEK_V3("deepseek_v3", false, 4096),
  GPT_OSS("gpt_oss", false, 131072);

  private final String modelType;
  private final boolean tiedByDefault;
  private final int defaultContextLength;

  HuggingFaceFamily(String modelType, boolean tiedByDefault, int defaultContextLength) {
    this.modelType = modelType;
    this.tiedByDefault = tiedByDefault;
    this.defaultContextLength = defaultContextLength;
  }

  String modelType() {
    return modelType;
  }

  static Optional<HuggingFaceFamily> forModelType(String modelType) {
    for (HuggingFaceFamily family : values()) {
      if (family.modelType.equals(modelType)) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
  }

  Architecture read(ConfigNode config) {
    switch (this) {
      case GPT2:
        return gpt2(config);
      case GPT_NEOX:
        return gptNeox(config);
      case FALCON:
        return falcon(config);
      case PHI:
        return phi(config);
      default:
        return decoder(config);
    }
  }

  private ImmutableArchitecture.Builder common(ConfigNode config, int hidden) {
    return Architecture.builder()
        .family(modelType)
        .hiddenSize(hidden)
        .vocabSize(config.requireInt("vocab_size"))
        .numLayers(config.requireIntAny("num_hidden_layers", "n_layer"))
        .contextLength(config.intOr("max_position_embeddings", defaultContextLength))
        .tiedEmbeddings(config.booleanOr("tie_word_embeddings", tiedByDefault));
  }

  /** The Llama-shaped families: pre-norm blocks, rotary positions, gated feed-forward or experts. */
  private Architecture decoder(ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int layers = config.requireInt("num_hidden_layers");
    // OlmoLayerNorm has neither weight nor bias (modeling_olmo.py; Groeneveld et al. 2024 section 2.1).
    NormKind norm = this == OLMO ? NormKind.NON_PARAMETRIC_LAYER_NORM : NormKind.RMS_NORM;
    ImmutableArchitecture.Builder builder = common(config, hidden).normKind(norm);
    builder.attention(this == DEEPSEEK_V2 || this == DEEPSEEK_V3 ? latentAttention(config) : attention(config, hidden));
    builder.feedForward(feedForward(config));
    switch (this) {
      case GEMMA2:
      case GEMMA3_TEXT:
        // input, post-attention, pre-feed-forward and post-feed-forward norms (modeling_gemma2.py).
        builder.normsPerLayer(4);
        break;
      default:
        break;
    }
    slidingWindow(config, layers, builder);
    return builder.build();
  }

  private Attention attention(ConfigNode config, int hidden) {
    int heads = config.requireInt("num_attention_heads");
    int defaultHeadDim;
    switch (this) {
      case GEMMA:
      case GEMMA2:
      case GEMMA3_TEXT:
        defaultHeadDim = 256;
        break;
      case QWEN3:
        defaultHeadDim = 128;
        break;
      case GPT_OSS:
        defaultHeadDim = 64;
        break;
      default:
        if (!config.has("head_dim")) {
          requireDivides(config, "num_attention_heads", heads, "hidden_size", hidden);
        }
        defaultHeadDim = heads > 0 ? hidden / heads : 0;
    }
    var builder =
        GroupedQueryAttention.builder()
            .numAttentionHeads(heads)
            .numKeyValueHeads(config.intOr("num_key_value_heads", heads))
            .headDim(config.intOr("head_dim", defaultHeadDim));
    boolean attentionBias = config.booleanOr("attention_bias", this == GPT_OSS);
    switch (this) {
      case QWEN2:
      case QWEN2_MOE:
        // Qwen2 projects q, k and v with biases and the output without (modeling_qwen2.py).
        builder.queryKeyValueBias(true).outputBias(false);
        break;
      case MISTRAL:
      case MIXTRAL:
      case PHI3:
        break;
      default:
        builder.queryKeyValueBias(attentionBias).outputBias(attentionBias);
    }
    switch (this) {
      case QWEN3:
      case QWEN3_MOE:
      case GEMMA3_TEXT:
        builder.queryKeyNorm(QueryKeyNorm.PER_HEAD);
        break;
      case OLMO2:
        builder.queryKeyNorm(QueryKeyNorm.PER_PROJECTION);
        break;
      default:
        break;
    }
    if (this == GPT_OSS) {
      builder.attentionSinks(true);
    }
    return builder.build();
  }

  private static Attention latentAttention(ConfigNode config) {
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

  private FeedForward feedForward(ConfigNode config) {
    switch (this) {
      case MIXTRAL:
        return MixtureOfExperts.builder()
            .numExperts(config.requireInt("num_local_experts"))
            .expertsPerToken(config.requireInt("num_experts_per_tok"))
            .expertIntermediateSize(config.requireInt("intermediate_size"))
            .build();
      case GPT_OSS:
        // Router and experts with biases (modeling_gpt_oss.py: GptOssTopKRouter, GptOssExperts).
        return MixtureOfExperts.builder()
            .numExperts(config.requireInt("num_local_experts"))
            .expertsPerToken(config.requireIntAny("num_experts_per_tok", "experts_per_token"))
            .expertIntermediateSize(config.requireInt("intermediate_size"))
            .expertBias(true)
            .routerBias(true)
            .build();
      case QWEN2_MOE:
      case QWEN3_MOE:
        return qwenExperts(config);
      case DEEPSEEK_V2:
      case DEEPSEEK_V3:
        return deepSeekExperts(config);
      default:
        return DenseFeedForward.builder()
            .intermediateSize(config.requireInt("intermediate_size"))
            .gated(true)
            .bias(this == LLAMA && config.booleanOr("mlp_bias", false))
            .build();
    }
  }

  private FeedForward qwenExperts(ConfigNode config) {
    int experts = config.requireInt("num_experts");
    int step = config.intOr("decoder_sparse_step", 1);
    var builder =
        MixtureOfExperts.builder()
            .numExperts(experts)
            .expertsPerToken(config.requireInt("num_experts_per_tok"))
            .expertIntermediateSize(config.requireInt("moe_intermediate_size"))
            // Qwen-MoE: layer i is sparse when (i + 1) % decoder_sparse_step == 0 (modeling_qwen2_moe.py).
            .layerPeriod(Math.max(step, 1))
            .layerPhase(Math.max(step, 1) - 1)
            .addAllDenseLayers(config.intListOr("mlp_only_layers", List.of()));
    if (this == QWEN2_MOE) {
      int shared = config.intOr("shared_expert_intermediate_size", 0);
      if (shared > 0) {
        builder.numSharedExperts(1).sharedExpertIntermediateSize(shared).sharedExpertGate(true);
      }
    }
    OptionalInt dense = config.optionalInt("intermediate_size");
    if (dense.isPresent()) {
      builder.denseFeedForward(DenseFeedForward.of(dense.getAsInt(), true));
    }
    return builder.build();
  }

  private FeedForward deepSeekExperts(ConfigNode config) {
    OptionalInt routed = config.optionalInt("n_routed_experts");
    DenseFeedForward dense = DenseFeedForward.of(config.requireInt("intermediate_size"), true);
    if (routed.isEmpty()) {
      return dense;
    }
    int moeWidth = config.requireInt("moe_intermediate_size");
    var builder =
        MixtureOfExperts.builder()
            .numExperts(routed.getAsInt())
            .expertsPerToken(config.requireInt("num_experts_per_tok"))
            .expertIntermediateSize(moeWidth)
            // DeepSeek: layer i is sparse when i >= first_k_dense_replace and i % moe_layer_freq == 0.
            .firstDenseLayers(config.intOr("first_k_dense_replace", 0))
            .layerPeriod(config.intOr("moe_layer_freq", 1))
            .denseFeedForward(dense);
    int shared = config.intOr("n_shared_experts", 0);
    if (shared > 0) {
      // One MLP of width moe_intermediate_size x n_shared_experts: the same parameters as n experts.
      builder.numSharedExperts(shared).sharedExpertIntermediateSize(moeWidth);
    }
    if (this == DEEPSEEK_V3) {
      // DeepSeek-V3 section 2.1.2: a per-expert bias for auxiliary-loss-free balancing, stored in the checkpoint.
      builder.expertScoreCorrectionBias(true);
    }
    return builder.build();
  }

  /** Sliding-window layers: {@code layer_types} when present, else each family's own rule. */
  private void slidingWindow(ConfigNode config, int layers, ImmutableArchitecture.Builder builder) {
    OptionalInt window;
    switch (this) {
      case MISTRAL:
        window = config.has("sliding_window") ? config.optionalInt("sliding_window") : OptionalInt.empty();
        break;
      case GEMMA2:
      case GEMMA3_TEXT:
        window = OptionalInt.of(config.intOr("sliding_window", 4096));
        break;
      case GPT_OSS:
        window = OptionalInt.of(config.intOr("sliding_window", 128));
        break;
      default:
        window = config.optionalInt("sliding_window");
    }
    if (window.isEmpty()) {
      return;
    }
    Optional<List<String>> layerTypes = config.optionalStringList("layer_types");
    int sliding;
    if (layerTypes.isPresent()) {
      sliding = (int) layerTypes.get().stream().filter("sliding_attention"::equals).count();
    } else {
      switch (this) {
        case MISTRAL:
        case MIXTRAL:
        case PHI3:
          sliding = layers;
          break;
        case QWEN2:
        case QWEN2_MOE:
        case QWEN3:
        case QWEN3_MOE:
          // Only with use_sliding_window, and only from layer max_window_layers on (modeling_qwen2.py).
          sliding =
              config.booleanOr("use_sliding_window", false)
                  ? Math.max(0, layers - config.intOr("max_window_layers", layers))
                  : 0;
          break;
        case GEMMA2:
        case GPT_OSS:
          // Even layers (from 0) are local, odd layers global.
          sliding = (layers + 1) / 2;
          break;
        case GEMMA3_TEXT:
          int pattern = config.intOr("sliding_window_pattern", 6);
          sliding = layers - layers / pattern;
          break;
        default:
          sliding = 0;
      }
    }
    if (sliding > 0) {
      builder.slidingWindow(window.getAsInt()).slidingWindowLayers(sliding);
    }
  }

  /** GPT-2 (modeling_gpt2.py): fused qkv with bias, plain 4h MLP with biases, LayerNorm, learned positions. */
  private Architecture gpt2(ConfigNode config) {
    int hidden = config.requireIntAny("n_embd", "hidden_size");
    int heads = config.requireIntAny("n_head", "num_attention_heads");
    requireDivides(config, "n_head", heads, "n_embd", hidden);
    OptionalInt inner = config.optionalInt("n_inner");
    return Architecture.builder()
        .family(modelType)
        .hiddenSize(hidden)
        .vocabSize(config.requireInt("vocab_size"))
        .numLayers(config.requireIntAny("n_layer", "num_hidden_layers"))
        .contextLength(config.intOr("n_positions", defaultContextLength))
        .tiedEmbeddings(config.booleanOr("tie_word_embeddings", true))
        .positionEncoding(PositionEncoding.LEARNED_ABSOLUTE)
        .normKind(NormKind.LAYER_NORM)
        .attention(
            GroupedQueryAttention.builder()
                .numAttentionHeads(heads)
                .headDim(hidden / heads)
                .queryKeyValueBias(true)
                .outputBias(true)
                .build())
        .feedForward(
            DenseFeedForward.builder()
                .intermediateSize(inner.orElse(4 * hidden))
                .gated(false)
                .bias(true)
                .build())
        .build();
  }

  /** GPT-NeoX / Pythia (modeling_gpt_neox.py): LayerNorms, biased projections, plain MLP, untied head. */
  private Architecture gptNeox(ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int heads = config.requireInt("num_attention_heads");
    requireDivides(config, "num_attention_heads", heads, "hidden_size", hidden);
    boolean bias = config.booleanOr("attention_bias", true);
    return common(config, hidden)
        .normKind(NormKind.LAYER_NORM)
        .parallelAttentionAndFeedForward(config.booleanOr("use_parallel_residual", true))
        .attention(
            GroupedQueryAttention.builder()
                .numAttentionHeads(heads)
                .headDim(hidden / heads)
                .queryKeyValueBias(bias)
                .outputBias(bias)
                .build())
        .feedForward(
            DenseFeedForward.builder()
                .intermediateSize(config.requireInt("intermediate_size"))
                .gated(false)
                .bias(true)
                .build())
        .build();
  }

  /**
   * Falcon (modeling_falcon.py): the original layout (7B: multi-query, one shared input norm for a parallel
   * block) and the new decoder architecture (40B, 180B: {@code num_kv_heads} groups, separate norms for
   * attention and MLP), LayerNorm with bias, projections with biases only when {@code bias} is set.
   */
  private Architecture falcon(ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int heads = config.requireIntAny("num_attention_heads", "n_head");
    requireDivides(config, "num_attention_heads", heads, "hidden_size", hidden);
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
    return Architecture.builder()
        .family(modelType)
        .hiddenSize(hidden)
        .vocabSize(config.requireInt("vocab_size"))
        .numLayers(config.requireIntAny("num_hidden_layers", "n_layer"))
        .contextLength(config.intOr("max_position_embeddings", defaultContextLength))
        .tiedEmbeddings(config.booleanOr("tie_word_embeddings", true))
        .positionEncoding(config.booleanOr("alibi", false) ? PositionEncoding.NONE : PositionEncoding.ROTARY)
        .normKind(NormKind.LAYER_NORM)
        .normsPerLayer(norms)
        .parallelAttentionAndFeedForward(newArchitecture || parallel)
        .attention(
            GroupedQueryAttention.builder()
                .numAttentionHeads(heads)
                .numKeyValueHeads(keyValueHeads)
                .headDim(hidden / heads)
                .queryKeyValueBias(bias)
                .outputBias(bias)
                .build())
        .feedForward(
            DenseFeedForward.builder()
                .intermediateSize(config.intOr("ffn_hidden_size", 4 * hidden))
                .gated(false)
                .bias(bias)
                .build())
        .build();
  }

  /**
   * Phi-1/1.5/2 (modeling_phi.py): a parallel block with one LayerNorm, biases on every projection, a plain
   * MLP, optional LayerNorms on queries and keys over the head width, and an untied head with a bias.
   */
  private Architecture phi(ConfigNode config) {
    int hidden = config.requireInt("hidden_size");
    int heads = config.requireInt("num_attention_heads");
    requireDivides(config, "num_attention_heads", heads, "hidden_size", hidden);
    return common(config, hidden)
        .normKind(NormKind.LAYER_NORM)
        .normsPerLayer(1)
        .parallelAttentionAndFeedForward(true)
        .outputHeadBias(true)
        .attention(
            GroupedQueryAttention.builder()
                .numAttentionHeads(heads)
                .numKeyValueHeads(config.intOr("num_key_value_heads", heads))
                .headDim(hidden / heads)
                .queryKeyValueBias(true)
                .outputBias(true)
                .queryKeyNorm(config.booleanOr("qk_layernorm", false) ? QueryKeyNorm.PER_HEAD : QueryKeyNorm.NONE)
                .queryKeyNormKind(NormKind.LAYER_NORM)
                .build())
        .feedForward(
            DenseFeedForward.builder()
                .intermediateSize(config.requireInt("intermediate_size"))
                .gated(false)
                .bias(true)
                .build())
        .build();
  }

  private static void requireDivides(ConfigNode config, String divisorKey, int divisor, String key, int value) {
    if (divisor <= 0 || value % divisor != 0) {
      throw new InvalidDocumentException(
          config.documentName() + ": " + divisorKey,
          String.format(Locale.ROOT, "%s (%d) must be > 0 and divide %s (%d)", divisorKey, divisor, key, value));
    }
  }
}
