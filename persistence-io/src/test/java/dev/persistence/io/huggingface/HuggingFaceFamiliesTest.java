package dev.persistence.io.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MambaMixer;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.ParameterComponent;
import dev.persistence.core.architecture.QueryKeyNorm;
import org.junit.jupiter.api.Test;

/**
 * The layouts of the families that have no published total in the reference data, on small configs whose counts
 * follow by hand from each modelling file's modules (the file and module names are in each descriptor's Javadoc).
 */
class HuggingFaceFamiliesTest {

  private static Architecture read(String json) {
    return HuggingFaceConfigs.fromJson(json.replace('\'', '"'), "config.json");
  }

  /**
   * DBRX: Wqkv 64 x (64 + 2 x 32), out_proj 64 x 64, experts 4 x 3 x 64 x 32, router 64 x 4, two LayerNorms
   * without bias per layer and norm_f, untied: 2 x 37,248 + 2 x 6,400 + 64.
   */
  @Test
  void dbrx() {
    Architecture model =
        read(
            "{'model_type':'dbrx','d_model':64,'n_heads':4,'n_layers':2,'vocab_size':100,"
                + "'attn_config':{'kv_n_heads':2,'clip_qkv':8},'ffn_config':{'ffn_hidden_size':32,'moe_num_experts':4,'moe_top_k':2}}");
    assertEquals(87_360, model.parameters().totalParameters());
    assertEquals(NormKind.LAYER_NORM_WITHOUT_BIAS, model.normKind());
  }

  /**
   * ChatGLM: query_key_value 64 x (64 + 2 groups x 16 x 2) with bias, dense 64 x 64, dense_h_to_4h 64 x 64,
   * dense_4h_to_h 32 x 64, two RMSNorms, final norm, separate output_layer: 2 x 18,688 + 2 x 6,400 + 64.
   */
  @Test
  void chatglmMultiQuery() {
    Architecture model =
        read(
            "{'model_type':'chatglm','hidden_size':64,'num_attention_heads':4,'kv_channels':16,'num_layers':2,"
                + "'multi_query_attention':true,'multi_query_group_num':2,'add_qkv_bias':true,'ffn_hidden_size':32,"
                + "'padded_vocab_size':100}");
    assertEquals(50_240, model.parameters().totalParameters());
    assertEquals(2, ((GroupedQueryAttention) model.attention()).numKeyValueHeads());
  }

  /** InternLM2: InternLM2Config's bias defaults to true, on wqkv and wo; the MLP has none. */
  @Test
  void internlm2BiasByClassDefault() {
    Architecture model =
        read(
            "{'model_type':'internlm2','hidden_size':64,'num_attention_heads':4,'num_key_value_heads':2,"
                + "'intermediate_size':32,'num_hidden_layers':1,'vocab_size':100}");
    assertEquals(31_616, model.parameters().totalParameters());
  }

  /** GLM-4.5: attention_bias biases q, k and v, not o; use_qk_norm adds per-head q/k norms. */
  @Test
  void glm4MoeBiasesAndNorms() {
    Architecture model =
        read(
            "{'model_type':'glm4_moe','hidden_size':64,'num_attention_heads':4,'num_key_value_heads':2,'head_dim':16,"
                + "'intermediate_size':32,'moe_intermediate_size':8,'n_routed_experts':4,'n_shared_experts':1,"
                + "'num_experts_per_tok':2,'first_k_dense_replace':1,'num_hidden_layers':2,'vocab_size':100,"
                + "'attention_bias':true,'use_qk_norm':true,'num_nextn_predict_layers':1}");
    GroupedQueryAttention attention = (GroupedQueryAttention) model.attention();
    assertTrue(attention.queryKeyValueBias());
    assertFalse(attention.outputBias());
    assertEquals(QueryKeyNorm.PER_HEAD, attention.queryKeyNorm());
    assertEquals(1, model.sparseLayers());
    assertTrue(model.multiTokenPrediction().orElseThrow().embeddingAndHeadCopies());
  }

  /** Kimi K2 is DeepSeek-V3's shape under another name: the same config counts the same under both. */
  @Test
  void kimiK2CountsAsDeepSeekV3() {
    String config =
        "{'model_type':'%s','hidden_size':64,'num_attention_heads':4,'q_lora_rank':16,'kv_lora_rank':8,"
            + "'qk_nope_head_dim':8,'qk_rope_head_dim':4,'v_head_dim':8,'intermediate_size':32,"
            + "'moe_intermediate_size':8,'n_routed_experts':8,'n_shared_experts':1,'num_experts_per_tok':2,"
            + "'first_k_dense_replace':1,'num_hidden_layers':3,'vocab_size':100}";
    assertEquals(
        read(String.format(config, "deepseek_v3")).parameters(), read(String.format(config, "kimi_k2")).parameters());
  }

  /** OLMoE normalises the whole q and k projections; PhiMoE has LayerNorms with bias and a biased head. */
  @Test
  void olmoeAndPhimoe() {
    Architecture olmoe =
        read(
            "{'model_type':'olmoe','hidden_size':64,'num_attention_heads':4,'intermediate_size':16,'num_experts':4,"
                + "'num_experts_per_tok':2,'num_hidden_layers':1,'vocab_size':100}");
    assertEquals(QueryKeyNorm.PER_PROJECTION, ((GroupedQueryAttention) olmoe.attention()).queryKeyNorm());
    assertEquals(4 * 3 * 64 * 16, olmoe.parameters().get(ParameterComponent.ROUTED_EXPERTS));
    Architecture phimoe =
        read(
            "{'model_type':'phimoe','hidden_size':64,'num_attention_heads':4,'num_key_value_heads':2,"
                + "'intermediate_size':16,'num_local_experts':4,'num_experts_per_tok':2,'num_hidden_layers':1,"
                + "'vocab_size':100,'attention_bias':true,'lm_head_bias':true}");
    assertEquals(100 * 64 + 100, phimoe.parameters().get(ParameterComponent.OUTPUT_HEAD));
    assertEquals(3 * 2 * 64, phimoe.parameters().get(ParameterComponent.NORMS));
  }

  /** Baichuan's W_pack has no bias whatever attention_bias says; StableLM's qk_layernorm is per head. */
  @Test
  void baichuanAndStablelm() {
    Architecture baichuan =
        read(
            "{'model_type':'baichuan','hidden_size':64,'num_attention_heads':4,'intermediate_size':32,"
                + "'num_hidden_layers':1,'vocab_size':100,'attention_bias':true}");
    assertEquals(4 * 64 * 64, baichuan.parameters().get(ParameterComponent.ATTENTION));
    Architecture stablelm =
        read(
            "{'model_type':'stablelm','hidden_size':64,'num_attention_heads':4,'num_key_value_heads':2,"
                + "'intermediate_size':32,'num_hidden_layers':1,'vocab_size':100,'qk_layernorm':true}");
    // q/k/v/o 64 x (64 + 32 + 32 + 64), per-head LayerNorm weights over 4 x 16 and 2 x 16.
    assertEquals(64 * 192 + 64 + 32, stablelm.parameters().get(ParameterComponent.ATTENTION));
  }

  /** Llama 4 with interleave_moe_layer_step 2: layers 1 and 3 of 4 are MoE, the others dense of intermediate_size_mlp. */
  @Test
  void llama4InterleavedExperts() {
    Architecture model =
        read(
            "{'model_type':'llama4_text','hidden_size':64,'num_attention_heads':4,'num_key_value_heads':2,'head_dim':16,"
                + "'intermediate_size':16,'intermediate_size_mlp':48,'num_local_experts':4,'num_experts_per_tok':1,"
                + "'interleave_moe_layer_step':2,'num_hidden_layers':4}");
    assertEquals(2, model.sparseLayers());
    assertEquals(202_048, model.vocabSize(), "Llama4TextConfig's vocab_size default");
    assertEquals(2 * 3 * 64 * 48, model.parameters().get(ParameterComponent.FEED_FORWARD));
    assertEquals(2 * 3 * 64 * 16, model.parameters().get(ParameterComponent.SHARED_EXPERTS));
  }

  /** Mamba: time_step_rank "auto" is ceil(hidden / 16); no attention, no MLP; tied by MambaConfig's default. */
  @Test
  void mambaAutoRank() {
    Architecture model =
        read("{'model_type':'mamba','hidden_size':100,'num_hidden_layers':2,'vocab_size':50,'time_step_rank':'auto'}");
    MambaMixer mixer = (MambaMixer) model.sequenceMixer().orElseThrow();
    assertEquals(7, mixer.timeStepRank());
    assertEquals(0, model.attentionLayers());
    assertEquals(0, model.parameters().get(ParameterComponent.ATTENTION));
    assertEquals(0, model.parameters().get(ParameterComponent.FEED_FORWARD));
    assertTrue(model.tiedEmbeddings());
  }

  /**
   * ERNIE 4.5 MoE: layer 0 dense (moe_layer_start_index 1), layers 1 and 2 sparse, each with 4 experts of 8, the
   * shared MLP of 8 x 2 and the router's e_score_correction_bias of 4 (modeling_ernie4_5_moe.py).
   */
  @Test
  void ernieMoePlacementAndSharedExperts() {
    Architecture model =
        read(
            "{'model_type':'ernie4_5_moe','hidden_size':64,'num_attention_heads':4,'num_key_value_heads':2,"
                + "'intermediate_size':32,'moe_intermediate_size':8,'moe_num_experts':4,'moe_k':2,"
                + "'moe_num_shared_experts':2,'moe_layer_start_index':1,'num_hidden_layers':3,'vocab_size':100}");
    assertEquals(2, model.sparseLayers());
    assertEquals(2 * 4 * 3 * 64 * 8, model.parameters().get(ParameterComponent.ROUTED_EXPERTS));
    assertEquals(2 * 3 * 64 * 16, model.parameters().get(ParameterComponent.SHARED_EXPERTS));
    assertEquals(3 * 64 * 32, model.parameters().get(ParameterComponent.FEED_FORWARD));
    assertTrue(model.tiedEmbeddings(), "Ernie4_5_MoeConfig ties by default");
  }

  /** Hunyuan: per-layer lists of one value, per-head q/k norms always, the shared MLP beside the experts. */
  @Test
  void hunyuanListsAndNorms() {
    Architecture model =
        read(
            "{'model_type':'hunyuan_v1_moe','hidden_size':64,'num_attention_heads':4,'num_key_value_heads':2,"
                + "'intermediate_size':16,'moe_intermediate_size':[8,8],'moe_topk':[2,2],'num_shared_expert':[1,1],"
                + "'num_experts':4,'num_hidden_layers':2,'vocab_size':100,'tie_word_embeddings':true}");
    assertEquals(QueryKeyNorm.PER_HEAD, ((GroupedQueryAttention) model.attention()).queryKeyNorm());
    assertEquals(2 * 3 * 64 * 8, model.parameters().get(ParameterComponent.SHARED_EXPERTS));
    assertEquals(2 * 4 * 3 * 64 * 8, model.parameters().get(ParameterComponent.ROUTED_EXPERTS));
    dev.persistence.io.InvalidDocumentException uneven =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.persistence.io.InvalidDocumentException.class,
            () ->
                read(
                    "{'model_type':'hunyuan_v1_moe','hidden_size':64,'num_attention_heads':4,'intermediate_size':16,"
                        + "'moe_intermediate_size':[8,16],'num_experts':4,'num_hidden_layers':2,'vocab_size':100}"));
    assertTrue(uneven.getMessage().contains("moe_intermediate_size"), uneven.getMessage());
  }

  /** Arcee AFM: up_proj and down_proj only (ReLU^2, no gate): 2 x 64 x 32 per layer. */
  @Test
  void arceePlainMlp() {
    Architecture model =
        read(
            "{'model_type':'arcee','hidden_size':64,'num_attention_heads':4,'num_key_value_heads':2,"
                + "'intermediate_size':32,'num_hidden_layers':1,'vocab_size':100}");
    assertEquals(2 * 64 * 32, model.parameters().get(ParameterComponent.FEED_FORWARD));
  }

  /** InternLM3: qkv_bias biases q, k and v; bias biases o_proj and the MLP, each on its own. */
  @Test
  void internlm3TwoBiasKeys() {
    Architecture model =
        read(
            "{'model_type':'internlm3','hidden_size':64,'num_attention_heads':4,'num_key_value_heads':2,"
                + "'intermediate_size':32,'num_hidden_layers':1,'vocab_size':100,'qkv_bias':false,'bias':true}");
    GroupedQueryAttention attention = (GroupedQueryAttention) model.attention();
    assertFalse(attention.queryKeyValueBias());
    assertTrue(attention.outputBias());
    assertEquals(3 * 64 * 32 + 2 * 32 + 64, model.parameters().get(ParameterComponent.FEED_FORWARD));
  }

  /** MiniCPM3: latent attention whose value heads are hidden / heads wide when v_head_dim is absent. */
  @Test
  void minicpm3ValueHeadsFromTheWidth() {
    Architecture model =
        read(
            "{'model_type':'minicpm3','hidden_size':64,'num_attention_heads':4,'q_lora_rank':16,'kv_lora_rank':8,"
                + "'qk_nope_head_dim':8,'qk_rope_head_dim':4,'intermediate_size':32,'num_hidden_layers':1,'vocab_size':100}");
    var mla = (dev.persistence.core.architecture.MultiHeadLatentAttention) model.attention();
    assertEquals(16, mla.valueHeadDim());
    // q_a 64x16 + norm 16 + q_b 16x(4x12) + kv_a 64x(8+4) + norm 8 + kv_b 8x(4x(8+16)) + o (4x16)x64.
    assertEquals(1024 + 16 + 768 + 768 + 8 + 768 + 4096, model.parameters().get(ParameterComponent.ATTENTION));
    assertTrue(model.tiedEmbeddings());
  }
}
