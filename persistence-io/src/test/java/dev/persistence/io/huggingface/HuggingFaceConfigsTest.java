package dev.persistence.io.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.AttentionVariant;
import dev.persistence.core.architecture.ParameterComponent;
import dev.persistence.io.InvalidDocumentException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Family defaults and every rejection path of the importer, with the message a user sees. */
class HuggingFaceConfigsTest {

  static String message(String json) {
    return assertThrows(InvalidDocumentException.class, () -> HuggingFaceConfigs.fromJson(json, "config.json"))
        .getMessage();
  }

  static final String LLAMA =
      "{\"model_type\":\"llama\",\"hidden_size\":256,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
          + "\"intermediate_size\":512,\"vocab_size\":1000%s}";

  static final String NEMOTRON_H =
      "{\"model_type\":\"nemotron_h\",\"hidden_size\":256,\"num_hidden_layers\":%d,\"num_attention_heads\":4,"
          + "\"num_key_value_heads\":2,\"head_dim\":64,\"intermediate_size\":512,\"vocab_size\":1000,"
          + "\"mamba_num_heads\":8,\"mamba_head_dim\":64,\"n_groups\":2,\"ssm_state_size\":16,"
          + "\"hybrid_override_pattern\":\"%s\"}";

  /** Nemotron-H's pattern must name one block per layer, from the four it knows. */
  @Test
  void nemotronHPatternErrorsNameTheKey() {
    assertEquals(
        "config.json: hybrid_override_pattern: hybrid_override_pattern (3 characters) must have num_hidden_layers (4)"
            + " characters",
        message(String.format(java.util.Locale.ROOT, NEMOTRON_H, 4, "M*-")));
    assertEquals(
        "config.json: hybrid_override_pattern: hybrid_override_pattern character 'X' at layer 1 must be one of M, *,"
            + " -, E",
        message(String.format(java.util.Locale.ROOT, NEMOTRON_H, 3, "MX-")));
    var model = HuggingFaceConfigs.fromJson(String.format(java.util.Locale.ROOT, NEMOTRON_H, 3, "M*-"), "config.json");
    assertEquals(1, model.sequenceMixerLayers());
    assertEquals(1, model.attentionLayers());
    assertEquals(1, model.feedForwardLayers());
    // Nemotron 3's E layers: routed experts beside a shared one, the dense MLP in the - layers.
    String moe =
        String.format(java.util.Locale.ROOT, NEMOTRON_H, 4, "ME*-")
            .replace(
                "}",
                ",\"n_routed_experts\":8,\"num_experts_per_tok\":2,\"moe_intermediate_size\":128,"
                    + "\"moe_shared_expert_intermediate_size\":256}");
    var sparse = HuggingFaceConfigs.fromJson(moe, "config.json");
    assertEquals(1, sparse.sparseLayers());
    assertEquals(1, sparse.denseLayers());
    assertEquals(2, sparse.feedForwardOnlyLayerIndices().size());
    var experts = (dev.persistence.core.architecture.MixtureOfExperts) sparse.feedForward();
    // up and down per expert (no gate), the router with its score-correction bias.
    assertEquals(2L * 256 * 128, experts.routedExpertParameters(256));
    assertEquals(256L * 8 + 8, experts.routerParameters(256));
  }

  @Test
  void supportsTheFamiliesOfIssuesNineAndNineteen() {
    assertEquals(
        "arcee, baichuan, chatglm, cohere, cohere2, dbrx, deepseek_v2, deepseek_v3, ernie4_5, ernie4_5_moe, falcon, "
            + "falcon_mamba, gemma, gemma2, gemma3, gemma3_text, glm4_moe, gpt2, gpt_neox, gpt_oss, granite, granitemoe, "
            + "granitemoehybrid, hunyuan_v1_moe, internlm2, internlm3, jamba, kimi_k2, llama, llama4, llama4_text, mamba, "
            + "minicpm, minicpm3, minimax, minimax_m1, minimax_text_01, mistral, mistral3, "
            + "mixtral, nemotron_h, olmo, olmo2, olmoe, "
            + "phi, phi3, phimoe, qwen2, qwen2_moe, qwen3, qwen3_moe, qwen3_next, smollm3, stablelm, starcoder2",
        String.join(", ", HuggingFaceConfigs.supportedModelTypes()));
  }

  @Test
  void unknownModelTypeListsTheSupportedOnes() {
    assertEquals(
        "config.json: model_type: unsupported model_type \"bert\"; supported: "
            + String.join(", ", HuggingFaceConfigs.supportedModelTypes()),
        message("{\"model_type\":\"bert\"}"));
    assertTrue(message("{}").startsWith("config.json: model_type: missing required key; supported: arcee, baichuan, chatglm"));
  }

  @Test
  void missingKeyWrongTypeAndBadShapesNameTheKey() {
    assertEquals(
        "config.json: vocab_size: missing required key",
        message(String.format(LLAMA, "").replace(",\"vocab_size\":1000", "")));
    assertEquals(
        "config.json: num_key_value_heads: expected an integer, got the string \"four\"",
        message(String.format(LLAMA, ",\"num_key_value_heads\":\"four\"")));
    assertEquals(
        "config.json: tie_word_embeddings: expected true or false, got 1",
        message(String.format(LLAMA, ",\"tie_word_embeddings\":1")));
    assertEquals(
        "config.json: numKeyValueHeads (3) must divide numAttentionHeads (4)",
        message(String.format(LLAMA, ",\"num_key_value_heads\":3")));
    assertEquals(
        "config.json: num_attention_heads: num_attention_heads (3) must be > 0 and divide hidden_size (256)",
        message(String.format(LLAMA, "").replace("\"num_attention_heads\":4", "\"num_attention_heads\":3")));
    assertEquals(
        "config.json: hidden_size: expected an integer, got 256.5",
        message(String.format(LLAMA, "").replace("\"hidden_size\":256", "\"hidden_size\":256.5")));
  }

  @Test
  void notJsonOrNotAnObject() {
    assertTrue(message("{\"model_type\":").startsWith("config.json: not valid JSON: "));
    assertEquals("config.json: expected a JSON object", message("[1, 2]"));
    InvalidDocumentException missing =
        assertThrows(InvalidDocumentException.class, () -> HuggingFaceConfigs.read(Path.of("no-such-config.json")));
    assertEquals("no-such-config.json: no such file", missing.getMessage());
  }

  @Test
  void unknownKeysAreIgnored() {
    Architecture model = HuggingFaceConfigs.fromJson(String.format(LLAMA, ",\"something_new\":[1,2,3]"), "c");
    assertEquals(AttentionVariant.MULTI_HEAD, model.attention().variant());
    assertEquals(64, model.attention().queryKeyHeadDim());
    assertEquals(false, model.tiedEmbeddings());
  }

  /** Gemma's configuration class ties embeddings by default; a Gemma config without the key is tied. */
  @Test
  void familyDefaultsForTying() {
    String gemma = String.format(LLAMA, "").replace("llama", "gemma");
    Architecture model = HuggingFaceConfigs.fromJson(gemma, "c");
    assertTrue(model.tiedEmbeddings());
    assertEquals(0, model.parameters().get(ParameterComponent.OUTPUT_HEAD));
    assertEquals(256, model.attention().queryKeyHeadDim());
  }

  /** Gemma 2 alternates local and global layers (even layers local) and has four norms per layer. */
  @Test
  void gemma2LayoutDefaults() {
    String gemma2 =
        String.format(LLAMA, ",\"num_hidden_layers\":5,\"sliding_window\":4096")
            .replace("llama", "gemma2")
            .replace("\"num_hidden_layers\":2,", "");
    Architecture model = HuggingFaceConfigs.fromJson(gemma2, "c");
    assertEquals(3, model.slidingWindowLayers());
    assertEquals(4, model.normsPerLayer());
  }

  /** Qwen2 slides only with use_sliding_window, from layer max_window_layers on. */
  @Test
  void qwen2SlidingWindowNeedsTheSwitch() {
    String off = String.format(LLAMA, ",\"sliding_window\":4096,\"max_window_layers\":1").replace("llama", "qwen2");
    assertEquals(0, HuggingFaceConfigs.fromJson(off, "c").slidingWindowLayers());
    String on = off.replace("\"max_window_layers\":1", "\"max_window_layers\":1,\"use_sliding_window\":true");
    assertEquals(1, HuggingFaceConfigs.fromJson(on, "c").slidingWindowLayers());
  }
}
