package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.FeedForward;
import dev.persistence.core.architecture.MixtureOfExperts;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The feed-forward blocks of the Llama-shaped families, each as its modelling code lays it out. */
final class FeedForwardReaders {

  private FeedForwardReaders() {}

  /** SwiGLU/GeGLU {@code gate}, {@code up}, {@code down} of {@code intermediate_size}, biased with {@code mlp_bias}. */
  static final FeedForwardReader GATED_DENSE =
      (family, config) ->
          DenseFeedForward.builder()
              .intermediateSize(config.requireInt("intermediate_size"))
              .gated(true)
              .bias(config.booleanOr("mlp_bias", false))
              .build();

  /** Starcoder2 (modeling_starcoder2.py): plain {@code c_fc}, {@code c_proj}, biased with {@code use_bias}. */
  static final FeedForwardReader PLAIN_DENSE_USE_BIAS =
      (family, config) ->
          DecoderLayout.plainMlp(config.requireInt("intermediate_size"), config.booleanOr("use_bias", true));

  /**
   * A gated {@code gate}, {@code up}, {@code down} block biased with {@code biasKey} (default off): ERNIE 4.5's
   * {@code use_bias} (modeling_ernie4_5.py), InternLM3's {@code bias} (remote modeling_internlm3.py).
   */
  static FeedForwardReader gatedDense(String biasKey) {
    return (family, config) ->
        DenseFeedForward.builder()
            .intermediateSize(config.requireInt("intermediate_size"))
            .gated(true)
            .bias(config.booleanOr(biasKey, false))
            .build();
  }

  /**
   * Arcee AFM (modeling_arcee.py, ArceeMLP): a plain {@code up_proj}, {@code down_proj} pair around ReLU&sup2;, no
   * gate, biased with {@code mlp_bias}.
   */
  static final FeedForwardReader PLAIN_DENSE_MLP_BIAS =
      (family, config) ->
          DecoderLayout.plainMlp(config.requireInt("intermediate_size"), config.booleanOr("mlp_bias", false));

  /**
   * Granite 3 MoE (modeling_granitemoe.py, GraniteMoeMoE): {@code num_local_experts} gated experts stored fused
   * ({@code input_linear [E, 2I, h]}, {@code output_linear [E, h, I]}: the parameters of separate ones), a router
   * {@code router.layer h x E} without bias, every layer sparse, no shared expert.
   */
  static final FeedForwardReader GRANITE_MOE = (family, config) -> FeedForwardReaders.MIXTRAL.read(family, config);

  /**
   * ERNIE 4.5 MoE (modeling_ernie4_5_moe.py, Ernie4_5_MoeSparseMoeBlock; Ernie4_5_MoeConfig defaults): layer
   * {@code i} is sparse when {@code (i + 1) % moe_layer_interval == 0} and {@code moe_layer_start_index <= i <=
   * moe_layer_end_index} (end -1 or absent: the last layer); {@code moe_num_experts} gated experts of
   * {@code moe_intermediate_size}, a router without bias, the per-expert {@code moe_statics.e_score_correction_bias}
   * [1, E] and one shared MLP of {@code moe_intermediate_size x moe_num_shared_experts}; the other layers are
   * dense of {@code intermediate_size}. Biases everywhere follow {@code use_bias}.
   */
  static final FeedForwardReader ERNIE_MOE =
      (family, config) -> {
        int layers = config.requireInt("num_hidden_layers");
        boolean bias = config.booleanOr("use_bias", false);
        DenseFeedForward dense =
            DenseFeedForward.builder().intermediateSize(config.requireInt("intermediate_size")).gated(true).bias(bias).build();
        int experts = config.intOr("moe_num_experts", 64);
        if (experts <= 0) {
          return dense;
        }
        int interval = Math.max(config.intOr("moe_layer_interval", 1), 1);
        int start = config.intOr("moe_layer_start_index", 1);
        int end = config.intOr("moe_layer_end_index", -1);
        int last = end < 0 ? layers - 1 : end;
        List<Integer> denseLayers = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
          if ((layer + 1) % interval != 0 || layer < start || layer > last) {
            denseLayers.add(layer);
          }
        }
        int width = config.intOr("moe_intermediate_size", 1536);
        var builder =
            MixtureOfExperts.builder()
                .numExperts(experts)
                .expertsPerToken(config.intOr("moe_k", 6))
                .expertIntermediateSize(width)
                .expertBias(bias)
                .expertScoreCorrectionBias(true)
                .addAllDenseLayers(denseLayers)
                .denseFeedForward(dense);
        int shared = config.intOr("moe_num_shared_experts", 0);
        if (shared > 0) {
          // One MLP of width moe_intermediate_size x moe_num_shared_experts: the parameters of that many experts.
          builder.numSharedExperts(shared).sharedExpertIntermediateSize(width);
        }
        return builder.build();
      };

  /**
   * Hunyuan-A13B (modeling_hunyuan_v1_moe.py, HunYuanMoEV1Moe): every layer sparse, {@code num_experts} gated
   * experts of {@code moe_intermediate_size}, top {@code moe_topk}, a router {@code gate.wg h x E} without bias,
   * and, with {@code use_mixed_mlp_moe}, the shared MLP of {@code moe_intermediate_size x num_shared_expert}; the three keys may be per-layer lists
   * of one value.
   */
  static final FeedForwardReader HUNYUAN_MOE =
      (family, config) -> {
        int width =
            config.optionalUniformInt("moe_intermediate_size").orElse(config.requireInt("intermediate_size"));
        var builder =
            MixtureOfExperts.builder()
                .numExperts(config.requireInt("num_experts"))
                .expertsPerToken(config.optionalUniformInt("moe_topk").orElse(1))
                .expertIntermediateSize(width);
        int shared = config.optionalUniformInt("num_shared_expert").orElse(1);
        if (shared > 0 && config.booleanOr("use_mixed_mlp_moe", true)) {
          builder.numSharedExperts(shared).sharedExpertIntermediateSize(width);
        }
        return builder.build();
      };

  /** Mixtral and PhiMoE: {@code num_local_experts} gated experts, router without bias, every layer sparse. */
  static final FeedForwardReader MIXTRAL =
      (family, config) ->
          MixtureOfExperts.builder()
              .numExperts(config.requireInt("num_local_experts"))
              .expertsPerToken(config.requireInt("num_experts_per_tok"))
              .expertIntermediateSize(config.requireInt("intermediate_size"))
              .build();

  /** OLMoE (modeling_olmoe.py): {@code num_experts} gated experts of {@code intermediate_size}, no shared expert. */
  static final FeedForwardReader OLMOE =
      (family, config) ->
          MixtureOfExperts.builder()
              .numExperts(config.requireInt("num_experts"))
              .expertsPerToken(config.requireInt("num_experts_per_tok"))
              .expertIntermediateSize(config.requireInt("intermediate_size"))
              .build();

  /** gpt-oss (modeling_gpt_oss.py: GptOssTopKRouter, GptOssExperts): router and experts with biases. */
  static final FeedForwardReader GPT_OSS =
      (family, config) ->
          MixtureOfExperts.builder()
              .numExperts(config.requireInt("num_local_experts"))
              .expertsPerToken(config.requireIntAny("num_experts_per_tok", "experts_per_token"))
              .expertIntermediateSize(config.requireInt("intermediate_size"))
              .expertBias(true)
              .routerBias(true)
              .build();

  /**
   * Qwen2-MoE, Qwen3-MoE and Qwen3-Next: layer i is sparse when {@code (i + 1) % decoder_sparse_step == 0} and
   * not in {@code mlp_only_layers} (modeling_qwen2_moe.py); a gated shared expert of
   * {@code shared_expert_intermediate_size} where that is set.
   */
  static final FeedForwardReader QWEN_MOE =
      (family, config) -> {
        int step = Math.max(config.intOr("decoder_sparse_step", 1), 1);
        var builder =
            MixtureOfExperts.builder()
                .numExperts(config.requireInt("num_experts"))
                .expertsPerToken(config.requireInt("num_experts_per_tok"))
                .expertIntermediateSize(config.requireInt("moe_intermediate_size"))
                .layerPeriod(step)
                .layerPhase(step - 1)
                .addAllDenseLayers(config.intListOr("mlp_only_layers", List.of()));
        int shared = config.intOr("shared_expert_intermediate_size", 0);
        if (shared > 0) {
          builder.numSharedExperts(1).sharedExpertIntermediateSize(shared).sharedExpertGate(true);
        }
        OptionalInt dense = config.optionalInt("intermediate_size");
        if (dense.isPresent()) {
          builder.denseFeedForward(DenseFeedForward.of(dense.getAsInt(), true));
        }
        return builder.build();
      };

  /** DeepSeek-V2: {@link #deepSeek} without the score-correction bias. */
  static final FeedForwardReader DEEPSEEK_V2 = (family, config) -> deepSeek(config, false);

  /**
   * DeepSeek-V3, Kimi K2 and GLM-4.5: {@link #deepSeek} with the per-expert {@code e_score_correction_bias} of
   * auxiliary-loss-free balancing (DeepSeek-V3, arXiv:2412.19437 section 2.1.2), stored in the checkpoint.
   */
  static final FeedForwardReader DEEPSEEK_V3 = (family, config) -> deepSeek(config, true);

  /**
   * DeepSeek's placement: layer i is sparse when {@code i >= first_k_dense_replace} and
   * {@code i % moe_layer_freq == 0}; {@code n_shared_experts} shared experts of {@code moe_intermediate_size}.
   */
  private static FeedForward deepSeek(ConfigNode config, boolean scoreCorrectionBias) {
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
            .firstDenseLayers(config.intOr("first_k_dense_replace", 0))
            .layerPeriod(config.intOr("moe_layer_freq", 1))
            .denseFeedForward(dense)
            .expertScoreCorrectionBias(scoreCorrectionBias);
    int shared = config.intOr("n_shared_experts", 0);
    if (shared > 0) {
      // One MLP of width moe_intermediate_size x n_shared_experts: the same parameters as n experts.
      builder.numSharedExperts(shared).sharedExpertIntermediateSize(moeWidth);
    }
    return builder.build();
  }

  /**
   * Llama 4 (modeling_llama4.py, Llama4TextConfig): an MoE block in the layers of {@code moe_layers}, by default
   * every {@code interleave_moe_layer_step}-th layer ({@code range(step - 1, layers, step)}), with
   * {@code num_local_experts} routed experts and one shared expert of {@code intermediate_size} and a router
   * without bias; the other layers are dense of {@code intermediate_size_mlp}. Experts are stored fused
   * ({@code gate_up_proj [E, h, 2I]}, {@code down_proj [E, I, h]}): the same parameters as separate ones.
   */
  static final FeedForwardReader LLAMA4 =
      (family, config) -> {
        int layers = config.requireInt("num_hidden_layers");
        int width = config.requireInt("intermediate_size");
        var builder =
            MixtureOfExperts.builder()
                .numExperts(config.requireInt("num_local_experts"))
                .expertsPerToken(config.intOr("num_experts_per_tok", 1))
                .expertIntermediateSize(width)
                .numSharedExperts(1)
                .sharedExpertIntermediateSize(width);
        if (config.has("moe_layers")) {
          List<Integer> sparse = config.intListOr("moe_layers", List.of());
          List<Integer> dense = new ArrayList<>();
          for (int layer = 0; layer < layers; layer++) {
            if (!sparse.contains(layer)) {
              dense.add(layer);
            }
          }
          builder.addAllDenseLayers(dense);
        } else {
          int step = Math.max(config.intOr("interleave_moe_layer_step", 1), 1);
          builder.layerPeriod(step).layerPhase(step - 1);
        }
        config.optionalInt("intermediate_size_mlp").ifPresent(mlp -> builder.denseFeedForward(DenseFeedForward.of(mlp, true)));
        return builder.build();
      };
}
