package dev.persistence.io.huggingface;

import static dev.persistence.io.huggingface.HuggingFaceFamily.decoder;
import static dev.persistence.io.huggingface.HuggingFaceFamily.family;

import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.QueryKeyNorm;
import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.huggingface.HuggingFaceFamily.SlidingLayers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every family the importer reads, one entry each, with the rules of its configuration class and modelling code
 * (transformers {@code src/transformers/models/<family>/}, or the checkpoint's remote code where transformers has
 * none). Adding a family is one entry here and its test.
 */
final class HuggingFaceFamilies {

  private HuggingFaceFamilies() {}

  private static final List<HuggingFaceFamily> ALL =
      List.of(
          // Llama (modeling_llama.py): attention_bias on every projection, mlp_bias.
          decoder("llama", 2048).build(),
          // Mistral, Mixtral, Phi-3: no attention biases; every layer slides when sliding_window is set.
          decoder("mistral", 4096 * 32).fixedBias(false, false).sliding(SlidingLayers.ALL).build(),
          decoder("mixtral", 4096 * 32)
              .fixedBias(false, false)
              .sliding(SlidingLayers.ALL)
              .feedForward(FeedForwardReaders.MIXTRAL)
              .build(),
          decoder("phi3", 4096).fixedBias(false, false).sliding(SlidingLayers.ALL).build(),
          // Qwen2 projects q, k and v with biases and the output without (modeling_qwen2.py).
          decoder("qwen2", 32768).fixedBias(true, false).sliding(SlidingLayers.QWEN).build(),
          decoder("qwen2_moe", 32768)
              .fixedBias(true, false)
              .sliding(SlidingLayers.QWEN)
              .feedForward(FeedForwardReaders.QWEN_MOE)
              .build(),
          decoder("qwen3", 32768)
              .headDim(128)
              .queryKeyNorm(QueryKeyNorm.PER_HEAD, NormKind.RMS_NORM, null)
              .sliding(SlidingLayers.QWEN)
              .build(),
          decoder("qwen3_moe", 32768)
              .queryKeyNorm(QueryKeyNorm.PER_HEAD, NormKind.RMS_NORM, null)
              .sliding(SlidingLayers.QWEN)
              .feedForward(FeedForwardReaders.QWEN_MOE)
              .build(),
          // Qwen3-Next: gated attention and gated DeltaNet, every layer MoE with a gated shared expert.
          family("qwen3_next", Qwen3NextLayout.INSTANCE, 32768)
              .headDim(256)
              .queryKeyNorm(QueryKeyNorm.PER_HEAD, NormKind.RMS_NORM, null)
              .feedForward(FeedForwardReaders.QWEN_MOE)
              .build(),
          decoder("gemma", 8192).tied().headDim(256).build(),
          // Gemma 2: input, post-attention, pre- and post-feed-forward norms (modeling_gemma2.py).
          decoder("gemma2", 8192).tied().headDim(256).norm(NormKind.RMS_NORM, 4).sliding(SlidingLayers.ALTERNATE, 4096).build(),
          // Gemma 3: Gemma3TextConfig fills in vocab_size 262_208 (configuration_gemma3.py).
          decoder("gemma3_text", 131072)
              .tied()
              .headDim(256)
              .norm(NormKind.RMS_NORM, 4)
              .queryKeyNorm(QueryKeyNorm.PER_HEAD, NormKind.RMS_NORM, null)
              .sliding(SlidingLayers.PATTERN, 4096)
              .slidingPattern(6)
              .classDefault("vocab_size", 262_208)
              .build(),
          family("gemma3", MultimodalLayout.GEMMA3, 131072).tied().build(),
          family("mistral3", MultimodalLayout.MISTRAL3, 131072).build(),
          family("phi", PhiLayout.INSTANCE, 2048).build(),
          family("gpt2", Gpt2Layout.INSTANCE, 1024).tied().build(),
          family("gpt_neox", GptNeoxLayout.INSTANCE, 2048).build(),
          family("falcon", FalconLayout.INSTANCE, 2048).tied().build(),
          // OlmoLayerNorm has neither weight nor bias (modeling_olmo.py; Groeneveld et al. 2024 section 2.1).
          decoder("olmo", 2048).norm(NormKind.NON_PARAMETRIC_LAYER_NORM, 2).build(),
          decoder("olmo2", 2048).queryKeyNorm(QueryKeyNorm.PER_PROJECTION, NormKind.RMS_NORM, null).build(),
          // OLMoE: q_norm/k_norm over the whole projections, experts without a shared one (modeling_olmoe.py).
          decoder("olmoe", 4096)
              .queryKeyNorm(QueryKeyNorm.PER_PROJECTION, NormKind.RMS_NORM, null)
              .feedForward(FeedForwardReaders.OLMOE)
              .build(),
          decoder("deepseek_v2", 2048).latentAttention().feedForward(FeedForwardReaders.DEEPSEEK_V2).build(),
          decoder("deepseek_v3", 4096)
              .latentAttention()
              .feedForward(FeedForwardReaders.DEEPSEEK_V3)
              .multiTokenPredictionCopies()
              .build(),
          // Kimi K2: DeepSeek-V3's shape under its own model_type.
          decoder("kimi_k2", 131072)
              .latentAttention()
              .feedForward(FeedForwardReaders.DEEPSEEK_V3)
              .multiTokenPredictionCopies()
              .build(),
          // GLM-4.5 (modeling_glm4_moe.py): q, k, v biased and o not; optional per-head q/k norm; DeepSeek's MoE.
          decoder("glm4_moe", 131072)
              .headDim(128)
              .bias("attention_bias", false, false)
              .queryKeyNorm(QueryKeyNorm.PER_HEAD, NormKind.RMS_NORM, "use_qk_norm")
              .feedForward(FeedForwardReaders.DEEPSEEK_V3)
              .multiTokenPredictionCopies()
              .build(),
          // gpt-oss: biased attention and experts, one sink logit per head, alternating 128-token windows.
          decoder("gpt_oss", 131072)
              .headDim(64)
              .bias("attention_bias", true, true)
              .attentionSinks()
              .sliding(SlidingLayers.ALTERNATE, 128)
              .feedForward(FeedForwardReaders.GPT_OSS)
              .build(),
          // Llama 4: QK L2 norm without weights, NoPE layers and chunked attention hold no parameters.
          decoder("llama4_text", 4096 * 32)
              .headDim(128)
              .feedForward(FeedForwardReaders.LLAMA4)
              .classDefault("vocab_size", 202_048)
              .build(),
          family("llama4", MultimodalLayout.LLAMA4, 4096 * 32).build(),
          family("dbrx", DbrxLayout.INSTANCE, 2048).build(),
          // MiniMax-01 / M1: lightning attention with softmax attention every 8th layer, Mixtral's experts; the
          // transformers name and the two remote-code names.
          family("minimax", MiniMaxLayout.INSTANCE, 4096 * 32)
              .fixedBias(false, false)
              .feedForward(FeedForwardReaders.MIXTRAL)
              .build(),
          family("minimax_m1", MiniMaxLayout.INSTANCE, 4096 * 32)
              .fixedBias(false, false)
              .feedForward(FeedForwardReaders.MIXTRAL)
              .build(),
          family("minimax_text_01", MiniMaxLayout.INSTANCE, 4096 * 32)
              .fixedBias(false, false)
              .feedForward(FeedForwardReaders.MIXTRAL)
              .build(),
          // Jamba, Falcon-Mamba, Mamba, Granite 4: state-space layers.
          family("jamba", JambaLayout.INSTANCE, 262144).build(),
          family("falcon_mamba", MambaLayout.INSTANCE, 2048).tied().build(),
          family("mamba", MambaLayout.INSTANCE, 2048).tied().build(),
          family("granitemoehybrid", GraniteHybridLayout.INSTANCE, 2048).build(),
          // Nemotron-H and Nemotron Nano 2 / 3: one block a layer (Mamba-2, attention or an MLP), untied.
          family("nemotron_h", NemotronHLayout.INSTANCE, 4096).build(),
          // SmolLM3: Llama's layout, NoPE every 4th layer (no parameters), tied by class default.
          decoder("smollm3", 32768).tied().build(),
          // Granite 3: Llama's layout; the multipliers hold no parameters.
          decoder("granite", 2048).build(),
          // Cohere (modeling_cohere.py): a parallel block under one LayerNorm without bias, tied, optional
          // per-head q/k LayerNorm weights [heads, head_dim].
          decoder("cohere", 8192)
              .tied()
              .norm(NormKind.LAYER_NORM_WITHOUT_BIAS, 1)
              .parallel()
              .queryKeyNorm(QueryKeyNorm.PER_PROJECTION, NormKind.LAYER_NORM_WITHOUT_BIAS, "use_qk_norm")
              .build(),
          // Cohere 2: three sliding layers to one global (sliding_window_pattern 4), the global ones NoPE.
          decoder("cohere2", 8192)
              .tied()
              .norm(NormKind.LAYER_NORM_WITHOUT_BIAS, 1)
              .parallel()
              .sliding(SlidingLayers.PATTERN, 4096)
              .slidingPattern(4)
              .build(),
          // Starcoder2: biases everywhere (use_bias), LayerNorm with bias, plain MLP, tied by class default.
          decoder("starcoder2", 4096)
              .tied()
              .bias("use_bias", true, true)
              .norm(NormKind.LAYER_NORM, 2)
              .sliding(SlidingLayers.ALL)
              .feedForward(FeedForwardReaders.PLAIN_DENSE_USE_BIAS)
              .build(),
          // StableLM 2: LayerNorm with bias, q/k/v biases (use_qkv_bias), per-head q/k LayerNorms without bias.
          decoder("stablelm", 4096)
              .bias("use_qkv_bias", false, false)
              .norm(NormKind.LAYER_NORM, 2)
              .queryKeyNorm(QueryKeyNorm.PER_PROJECTION, NormKind.LAYER_NORM_WITHOUT_BIAS, "qk_layernorm")
              .build(),
          // InternLM2 (remote modeling_internlm2.py): fused wqkv and wo biased with `bias` (class default true).
          decoder("internlm2", 2048).bias("bias", true, true).build(),
          // MiniCPM (remote modeling_minicpm.py): Llama's layout, muP scalars without parameters, tied by default.
          decoder("minicpm", 2048).tied().build(),
          // Baichuan (remote modeling_baichuan.py): fused W_pack without bias; ALiBi or rotary, no parameters.
          decoder("baichuan", 4096).fixedBias(false, false).build(),
          // PhiMoE (modeling_phimoe.py): LayerNorm with bias, biased attention, biased head, Mixtral's experts.
          decoder("phimoe", 4096 * 32)
              .norm(NormKind.LAYER_NORM, 2)
              .outputHeadBias("lm_head_bias")
              .sliding(SlidingLayers.ALL)
              .feedForward(FeedForwardReaders.MIXTRAL)
              .build(),
          family("chatglm", ChatGlmLayout.INSTANCE, 2048).build(),
          // Granite 3 MoE (modeling_granitemoe.py): Llama's attention, fused experts, multipliers without parameters.
          decoder("granitemoe", 4096).feedForward(FeedForwardReaders.GRANITE_MOE).build(),
          // ERNIE 4.5 (modeling_ernie4_5.py, Ernie4_5Config): use_bias on q, k, v, o and the MLP; head_dim 128 and
          // tied by class default.
          decoder("ernie4_5", 131072)
              .tied()
              .headDim(128)
              .bias("use_bias", false, true)
              .feedForward(FeedForwardReaders.gatedDense("use_bias"))
              .build(),
          // ERNIE 4.5 MoE (modeling_ernie4_5_moe.py): the same attention, experts from moe_layer_start_index on.
          decoder("ernie4_5_moe", 131072)
              .tied()
              .bias("use_bias", false, true)
              .feedForward(FeedForwardReaders.ERNIE_MOE)
              .build(),
          // Hunyuan-A13B (modeling_hunyuan_v1_moe.py): per-head query/key RMSNorms (query_layernorm,
          // key_layernorm) in every layer, a shared MLP beside the routed experts; cross-layer attention when
          // use_cla (off in A13B; Hunyuan-Large shares keys and values over cla_share_factor 2 layers).
          decoder("hunyuan_v1_moe", 32768)
              .queryKeyNorm(QueryKeyNorm.PER_HEAD, NormKind.RMS_NORM, null)
              .feedForward(FeedForwardReaders.HUNYUAN_MOE)
              .crossLayerAttention()
              .build(),
          // Arcee AFM (modeling_arcee.py): Llama's attention and a non-gated ReLU^2 MLP (up_proj, down_proj).
          decoder("arcee", 4096).feedForward(FeedForwardReaders.PLAIN_DENSE_MLP_BIAS).build(),
          // InternLM3 (remote modeling_internlm3.py): q, k, v biased with qkv_bias; o_proj and the MLP with bias.
          decoder("internlm3", 32768)
              .bias("qkv_bias", false, false)
              .outputBias("bias")
              .feedForward(FeedForwardReaders.gatedDense("bias"))
              .build(),
          // MiniCPM3 (remote modeling_minicpm.py): latent attention, v_head_dim = hidden / heads, tied.
          family("minicpm3", MiniCpm3Layout.INSTANCE, 32768).tied().latentAttention().build());

  private static final Map<String, HuggingFaceFamily> BY_TYPE = index();

  private static Map<String, HuggingFaceFamily> index() {
    Map<String, HuggingFaceFamily> map = new LinkedHashMap<>();
    for (HuggingFaceFamily family : ALL) {
      if (map.put(family.modelType(), family) != null) {
        throw new AssertionError("two entries for " + family.modelType());
      }
    }
    return map;
  }

  /** The supported {@code model_type}s, sorted. */
  static Set<String> modelTypes() {
    return new TreeSet<>(BY_TYPE.keySet());
  }

  static Optional<HuggingFaceFamily> forModelType(String modelType) {
    return Optional.ofNullable(BY_TYPE.get(modelType));
  }

  /** Reads a config of a supported family (the family's class defaults filled in first). */
  static CompositeModel read(HuggingFaceFamily family, ConfigNode config) {
    return family.layout.read(family, family.withClassDefaults(config));
  }

  /**
   * Reads a wrapper's nested text config, whose {@code model_type} defaults to {@code defaultModelType}.
   *
   * @throws InvalidDocumentException if its {@code model_type} is not supported
   */
  static CompositeModel readNested(ConfigNode text, String defaultModelType) {
    String modelType = text.optionalString("model_type").orElse(defaultModelType);
    HuggingFaceFamily family =
        forModelType(modelType)
            .orElseThrow(
                () ->
                    new InvalidDocumentException(
                        text.documentName() + ": model_type",
                        String.format(
                            Locale.ROOT,
                            "unsupported model_type \"%s\"; supported: %s",
                            modelType,
                            String.join(", ", modelTypes()))));
    return read(family, text);
  }
}
