package dev.persistence.io.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.ComponentKind;
import dev.persistence.core.architecture.CompositeModel;
import dev.persistence.core.architecture.MultiTokenPrediction;
import dev.persistence.core.memory.KeyValueCache;
import dev.persistence.core.precision.NumericFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The 2024-25 configs of {@code reference/hf-configs-2025}: every config there, and every one added in its
 * {@code added/} folder, gives exactly the published total of {@code INDEX.json} (HuggingFace's
 * {@code safetensors} total as third-party copies record it), or differs by a published fact asserted as such.
 */
class HfConfigs2025Test {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path folder() {
    return ReferenceParameterCountsTest.reference().resolve("hf-configs-2025");
  }

  /**
   * INDEX.json's configs. Two are copies that changed the model, and the changes are undone as their sources
   * state: the TensorRT-LLM fixture of Mistral Small 3.1 cut the text layers from 40 to 4 (the fixture's comment:
   * "reduced from the original 40"), and the aiconfigurator copy of Llama 4 Scout dropped its
   * {@code vision_config}, kept in {@code llama-4.vision_config.from-repr-doc.json}.
   */
  @TestFactory
  Stream<DynamicTest> indexConfigsGiveThePublishedTotals() throws IOException {
    Path folder = folder();
    JsonNode index = JSON.readTree(folder.resolve("INDEX.json").toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : index) {
      if (entry.get("config_file").isNull()) {
        continue;
      }
      String name = entry.get("name").asText();
      String file = entry.get("config_file").asText();
      tests.add(
          dynamicTest(
              name,
              () -> {
                ObjectNode tree = (ObjectNode) JSON.readTree(folder.resolve(file).toFile());
                if (file.endsWith(".trtllm-test.json")) {
                  ((ObjectNode) tree.get("text_config")).put("num_hidden_layers", 40);
                }
                if (file.endsWith(".trimmed.json")) {
                  JsonNode vision = JSON.readTree(folder.resolve("llama-4.vision_config.from-repr-doc.json").toFile());
                  tree.set("vision_config", vision.get("vision_config"));
                }
                CompositeModel model = HuggingFaceConfigs.compositeFromTree(tree, file);
                assertEquals(entry.get("total_parameters").asLong(), model.totalParameters(), () -> name + " " + model);
                if (entry.has("text_only_recount")) {
                  assertEquals(entry.get("text_only_recount").asLong(), model.languageModelParameters(), name);
                }
              }));
    }
    assertEquals(6, tests.size(), "INDEX.json lists six configs");
    return tests.stream();
  }

  /**
   * The configs added beside it ({@code added/ADDED.json}, each with its source): exact, or off by the
   * difference the entry names and explains (Qwen3-Next's {@code mtp.*} module, which its config does not
   * describe).
   */
  @TestFactory
  Stream<DynamicTest> addedConfigsGiveThePublishedTotals() throws IOException {
    Path added = folder().resolve("added");
    JsonNode entries = JSON.readTree(added.resolve("ADDED.json").toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : entries) {
      String name = entry.get("name").asText();
      if (entry.get("totalParameters").isNull()) {
        continue; // a fixture whose total no source gives (its totalSource says why)
      }
      tests.add(
          dynamicTest(
              name,
              () -> {
                CompositeModel model = HuggingFaceConfigs.readComposite(added.resolve(entry.get("config").asText()));
                long published = entry.get("totalParameters").asLong();
                JsonNode difference = entry.get("difference");
                if (difference == null) {
                  assertEquals(published, model.totalParameters(), () -> name + " " + model);
                  return;
                }
                long missing = difference.get("parameters").asLong();
                assertEquals(published - missing, model.totalParameters(), () -> name + " " + model);
                if (difference.has("bf16CheckpointBytes")) {
                  // Two bytes a parameter and a safetensors header (an 8-byte length and its JSON) under 64 KiB.
                  long header = difference.get("bf16CheckpointBytes").asLong() - 2 * model.totalParameters();
                  assertTrue(header > 8 && header < 65_536, name + ": header of " + header + " bytes");
                }
                if (difference.has("multiTokenPredictionModules")) {
                  Architecture language = model.languageModel();
                  MultiTokenPrediction mtp =
                      MultiTokenPrediction.builder()
                          .numModules(difference.get("multiTokenPredictionModules").asInt())
                          .sparseFeedForward(language.isMixtureOfExperts())
                          .build();
                  assertEquals(missing, mtp.parameters(language), name + ": the MTP module explains the difference");
                }
              }));
    }
    return tests.stream();
  }

  /**
   * Four INDEX totals are closed-form estimates, not checkpoint counts: each equals, to the parameter, a formula
   * over its config's dimensions that leaves out norms (and, for Hunyuan, the shared MLP and q/k norms while
   * counting the tied embedding twice), so the difference from the modelling code's count is the estimate's, as
   * {@code added/ADDED.json} records. The dimensions are read from the config files here, not from the importer.
   */
  @Test
  void indexEstimatesAreClosedForms() throws IOException {
    Path added = folder().resolve("added");
    JsonNode index = JSON.readTree(folder().resolve("INDEX.json").toFile());
    JsonNode minicpm = JSON.readTree(added.resolve("minicpm3-4b.json").toFile());
    long h = minicpm.get("hidden_size").asLong();
    assertEquals(
        indexTotal(index, "openbmb/MiniCPM3-4B"),
        h * (minicpm.get("vocab_size").asLong()
            + minicpm.get("num_hidden_layers").asLong() * (3 * minicpm.get("intermediate_size").asLong() + 3 * h / 2)));
    JsonNode internlm = JSON.readTree(added.resolve("internlm3-8b.json").toFile());
    h = internlm.get("hidden_size").asLong();
    assertEquals(
        indexTotal(index, "internlm/internlm3-8b-instruct"),
        h * (internlm.get("vocab_size").asLong()
            + internlm.get("num_hidden_layers").asLong() * (3 * internlm.get("intermediate_size").asLong() + 3 * h / 2)));
    JsonNode ernie = JSON.readTree(added.resolve("ernie-4.5-0.3b.json").toFile());
    h = ernie.get("hidden_size").asLong();
    assertEquals(
        indexTotal(index, "baidu/ERNIE-4.5-0.3B-PT"),
        h * (ernie.get("vocab_size").asLong()
            + ernie.get("num_hidden_layers").asLong() * (3 * ernie.get("intermediate_size").asLong() + h)));
    JsonNode hunyuan = JSON.readTree(added.resolve("hunyuan-a13b.json").toFile());
    h = hunyuan.get("hidden_size").asLong();
    long experts = hunyuan.get("num_experts").asLong();
    long kvWidth = hunyuan.get("num_key_value_heads").asLong() * hunyuan.get("head_dim").asLong();
    long layer = 2 * h * h + 2 * h * kvWidth + h * experts + experts * 3 * h * hunyuan.get("moe_intermediate_size").get(0).asLong();
    assertEquals(
        indexTotal(index, "tencent/Hunyuan-A13B-Instruct"),
        2 * hunyuan.get("vocab_size").asLong() * h + hunyuan.get("num_hidden_layers").asLong() * layer);
  }

  private static long indexTotal(JsonNode index, String name) {
    for (JsonNode entry : index) {
      if (entry.get("name").asText().equals(name)) {
        return entry.get("total_parameters").asLong();
      }
    }
    throw new AssertionError(name + " is not in INDEX.json");
  }

  /** The multimodal totals split into the text model and the named vision components the INDEX notes give. */
  @Test
  void multimodalComponentsAreNamed() {
    CompositeModel gemma = HuggingFaceConfigs.readComposite(folder().resolve("gemma-3-27b-it.json"));
    // INDEX.json notes: SigLIP 411,466,608 + 5,397,120 + 2,304 and projector 6,194,304.
    assertEquals(411_466_608L + 5_397_120L + 2_304L, gemma.componentParameters(ComponentKind.VISION_TOWER));
    assertEquals(6_194_304L, gemma.componentParameters(ComponentKind.PROJECTOR));
    assertEquals(262_208, gemma.languageModel().vocabSize());
    CompositeModel mistral = HuggingFaceConfigs.readComposite(folder().resolve("mistral-small-3.1-24b-instruct-2503.trtllm-test.json"));
    // INDEX.json notes: Pixtral encoder 403,305,472 and projector 35,652,608.
    assertEquals(403_305_472L, mistral.componentParameters(ComponentKind.VISION_TOWER));
    assertEquals(35_652_608L, mistral.componentParameters(ComponentKind.PROJECTOR));
  }

  /**
   * Jamba's KV cache at 256K tokens against Mixtral's, bf16 (Lieber et al. 2024 Table 1, in
   * {@code added/jamba-table1.json}): 4 GB against 32 GB, within 5%; and the Mamba layers' state does not grow
   * with the context.
   */
  @Test
  void jambaKeyValueCacheAgainstMixtralAt256k() throws IOException {
    JsonNode table = JSON.readTree(folder().resolve("added/jamba-table1.json").toFile());
    long tokens = table.get("contextTokens").asLong();
    NumericFormat bf16 = NumericFormat.parse("bf16");
    Architecture jamba = HuggingFaceConfigs.read(folder().resolve("added/ai21-jamba-1.5-mini.json"));
    Architecture mixtral =
        HuggingFaceConfigs.read(ReferenceParameterCountsTest.reference().resolve("hf-configs/mixtral-8x7b-v0.1.json"));
    double gib = 1L << 30;
    double jambaGb = KeyValueCache.bytes(jamba, bf16, 1, 1, tokens) / gib;
    double mixtralGb = KeyValueCache.bytes(mixtral, bf16, 1, 1, tokens) / gib;
    double jambaPaper = table.get("kvCacheGB").get("Jamba 52B").asDouble();
    double mixtralPaper = table.get("kvCacheGB").get("Mixtral 46.7B").asDouble();
    assertTrue(Math.abs(jambaGb / jambaPaper - 1) <= 0.05, "Jamba " + jambaGb + " GiB vs " + jambaPaper);
    assertTrue(Math.abs(mixtralGb / mixtralPaper - 1) <= 0.05, "Mixtral " + mixtralGb + " GiB vs " + mixtralPaper);
    assertTrue(
        Math.abs((mixtralGb / jambaGb) / (mixtralPaper / jambaPaper) - 1) <= 0.05, "saving " + mixtralGb / jambaGb);
    assertEquals(4, jamba.attentionLayers());
    // attn_layer_period 8, attn_layer_offset 4: layers 4, 12, 20, 28 attend.
    for (int layer = 0; layer < jamba.numLayers(); layer++) {
      assertEquals(layer % 8 != 4, jamba.isSequenceMixerLayer(layer), "layer " + layer);
    }
    assertTrue(KeyValueCache.stateBytesPerSequence(jamba, bf16) > 0);
  }

  /**
   * Granite 3.0 1B-A400M's base checkpoint (the INDEX total) and its instruct checkpoint are different shapes: the
   * base config has a vocabulary of 49,152 and leaves tying to GraniteMoeConfig's default (untied), the instruct
   * config 49,155 and ties, so their totals differ by {@code h x (2 x 49,152 - 49,155)}; the instruct count is the
   * bf16 checkpoint of its geometry that {@code added/ADDED.json} cites, two bytes a parameter and a header.
   */
  @Test
  void graniteMoeBaseAndInstructDifferByTheirVocabularyAndTying() throws IOException {
    Path added = folder().resolve("added");
    JsonNode entry = null;
    for (JsonNode candidate : JSON.readTree(added.resolve("ADDED.json").toFile())) {
      if (candidate.get("name").asText().equals("ibm-granite/granite-3.0-1b-a400m-base")) {
        entry = candidate;
      }
    }
    JsonNode instructEntry = entry.get("instructConfig");
    Architecture base = HuggingFaceConfigs.read(added.resolve(entry.get("config").asText()));
    Architecture instruct = HuggingFaceConfigs.read(added.resolve(instructEntry.get("config").asText()));
    assertTrue(instruct.tiedEmbeddings());
    assertTrue(!base.tiedEmbeddings());
    long h = base.hiddenSize();
    assertEquals(
        h * (2L * base.vocabSize() - instruct.vocabSize()),
        base.parameters().totalParameters() - instruct.parameters().totalParameters());
    assertEquals(entry.get("totalParameters").asLong(), base.parameters().totalParameters());
    long header = instructEntry.get("bf16CheckpointBytes").asLong() - 2 * instruct.parameters().totalParameters();
    assertTrue(header > 8 && header < 65_536, "header of " + header + " bytes");
  }

  /**
   * Cross-layer attention (Hunyuan's {@code use_cla}, {@code cla_share_factor}; A13B ships with it off): turned on
   * in A13B's config, every second layer has no key and value projections and no cache of its own, and with
   * Hunyuan-Large's attention shape ({@code added/hunyuan-large-cla.json}) the KV cache against multi-head
   * attention of the same heads is the fraction the paper's table gives for GQA, CLA and both, within 5%.
   */
  @Test
  void hunyuanCrossLayerAttentionSharesKeysAndValues() throws IOException {
    Path added = folder().resolve("added");
    ObjectNode a13b = (ObjectNode) JSON.readTree(added.resolve("hunyuan-a13b.json").toFile());
    Architecture off = HuggingFaceConfigs.compositeFromTree(a13b.deepCopy(), "a13b").languageModel();
    ObjectNode shared = a13b.deepCopy().put("use_cla", true).put("cla_share_factor", 2);
    Architecture on = HuggingFaceConfigs.compositeFromTree(shared, "a13b-cla").languageModel();
    assertEquals(1, off.crossLayerKeyValueShare());
    assertEquals(2, on.crossLayerKeyValueShare());
    long h = a13b.get("hidden_size").asLong();
    long kvWidth = a13b.get("num_key_value_heads").asLong() * a13b.get("head_dim").asLong();
    long layers = a13b.get("num_hidden_layers").asLong();
    assertEquals(layers / 2 * 2 * h * kvWidth, off.parameters().totalParameters() - on.parameters().totalParameters());
    NumericFormat bf16 = NumericFormat.parse("bf16");
    assertEquals(KeyValueCache.bytes(off, bf16, 1, 1, 4096) / 2, KeyValueCache.bytes(on, bf16, 1, 1, 4096));
    assertEquals(layers / 2, on.keyValueLayers());
    for (int layer = 0; layer < on.numLayers(); layer++) {
      assertEquals(layer % 2 == 0, on.computesKeyValues(layer), "layer " + layer);
    }

    JsonNode paper = JSON.readTree(added.resolve("hunyuan-large-cla.json").toFile());
    int heads = paper.get("numAttentionHeads").asInt();
    int groups = paper.get("numKeyValueHeads").asInt();
    int factor = paper.get("claShareFactor").asInt();
    ObjectNode large =
        a13b.deepCopy()
            .put("hidden_size", paper.get("hiddenSize").asInt())
            .put("num_attention_heads", heads)
            .put("head_dim", paper.get("hiddenSize").asInt() / heads)
            .put("attention_head_dim", paper.get("hiddenSize").asInt() / heads);
    double multiHead = cache(large.deepCopy().put("num_key_value_heads", heads).put("use_cla", false), bf16);
    JsonNode fractions = paper.get("kvCacheFractionOfMultiHead");
    double[] measured = {
      cache(large.deepCopy().put("num_key_value_heads", groups).put("use_cla", false), bf16) / multiHead,
      cache(large.deepCopy().put("num_key_value_heads", heads).put("use_cla", true).put("cla_share_factor", factor), bf16)
          / multiHead,
      cache(large.deepCopy().put("num_key_value_heads", groups).put("use_cla", true).put("cla_share_factor", factor), bf16)
          / multiHead
    };
    String[] names = {"GQA", "CLA", "GQA+CLA"};
    for (int i = 0; i < names.length; i++) {
      double published = fractions.get(names[i]).asDouble();
      assertTrue(Math.abs(measured[i] / published - 1) <= 0.05, names[i] + ": " + measured[i] + " vs " + published);
    }
  }

  private static double cache(ObjectNode config, NumericFormat format) {
    Architecture model = HuggingFaceConfigs.compositeFromTree(config, "hunyuan variant").languageModel();
    return KeyValueCache.bytes(model, format, 1, 1, 32768);
  }

  /**
   * Nemotron-H's layers hold one block each ({@code hybrid_override_pattern}: {@code M} Mamba-2, {@code *}
   * attention, {@code -} an MLP): Nemotron Nano 9B v2 has 27, 4 and 25 of them, and Nemotron-H-8B 24, 4 and 24
   * (arXiv:2504.03624 section 2.1: "24 Mamba-2 layers, 24 MLP layers and 4 self-attention layers"). The KV cache
   * is the four attention layers' alone, and the Mamba layers' state per sequence does not grow with the context.
   */
  @Test
  void nemotronHLayersHoldOneBlockEach() {
    Path added = folder().resolve("added");
    NumericFormat bf16 = NumericFormat.parse("bf16");
    for (String file : List.of("nvidia-nemotron-nano-9b-v2.json", "nemotron-h-8b-base-8k.trtllm-test.json")) {
      Architecture model = HuggingFaceConfigs.read(added.resolve(file));
      boolean nano = file.startsWith("nvidia");
      assertEquals(nano ? 27 : 24, model.sequenceMixerLayers(), file);
      assertEquals(4, model.attentionLayers(), file);
      assertEquals(nano ? 25 : 24, model.feedForwardOnlyLayerIndices().size(), file);
      assertEquals(model.feedForwardOnlyLayerIndices().size(), model.feedForwardLayers(), file);
      for (int layer = 0; layer < model.numLayers(); layer++) {
        assertEquals(1, model.blocksInLayer(layer), file + " layer " + layer);
      }
      // The KV cache: 2 (K and V) x kv heads x head width x 2 bytes per attention layer and token.
      var attention = (dev.persistence.core.architecture.GroupedQueryAttention) model.attention();
      long perToken = 2L * attention.numKeyValueHeads() * attention.headDim() * 2 * 4;
      double state = KeyValueCache.stateBytesPerSequence(model, bf16);
      assertTrue(state > 0, file);
      for (long tokens : new long[] {1_024, 8_192, 131_072}) {
        assertEquals(perToken * tokens, KeyValueCache.bytes(model, bf16, 1, 1, tokens), 1e-6 * perToken * tokens, file);
      }
      assertEquals(state, KeyValueCache.stateBytesPerSequence(model, bf16), file);
    }
  }

  /**
   * DeepSeek-V3's HuggingFace total, 684,531,386,000 ({@code added/deepseek-v3-safetensors.json}): the model, its
   * MTP module with that module's embedding and head copies, and the FP8 checkpoint's F32 tensors, which are the
   * 128 x 128 block scales of every FP8 linear and the score-correction biases, 41,555,600 as the API's F32 count
   * says.
   */
  @Test
  void deepSeekV3TotalIsTheModelItsMtpModuleAndItsFp8Scales() throws IOException {
    JsonNode published = JSON.readTree(folder().resolve("added/deepseek-v3-safetensors.json").toFile());
    CompositeModel model;
    try (var in = getClass().getResourceAsStream("/dev/persistence/io/huggingface/published/deepseek-v3.json")) {
      model = HuggingFaceConfigs.compositeFromTree(JSON.readTree(in), "deepseek-v3.json");
    }
    Architecture v3 = model.languageModel();
    assertEquals(671_026_419_200L, model.languageModelParameters());
    var mla = (dev.persistence.core.architecture.MultiHeadLatentAttention) v3.attention();
    var moe = (dev.persistence.core.architecture.MixtureOfExperts) v3.feedForward();
    long h = v3.hiddenSize();
    long heads = mla.numAttentionHeads();
    long qk = mla.queryKeyHeadDim();
    long attention =
        blocks(mla.queryLowRank().getAsInt(), h)
            + blocks(heads * qk, mla.queryLowRank().getAsInt())
            + blocks(mla.keyValueLowRank() + mla.queryKeyRopeHeadDim(), h)
            + blocks(heads * (mla.queryKeyNoRopeHeadDim() + mla.valueHeadDim()), mla.keyValueLowRank())
            + blocks(h, heads * mla.valueHeadDim());
    long expert = 3 * blocks(moe.expertIntermediateSize(), h);
    long dense = 3 * blocks(moe.denseFeedForward().orElseThrow().intermediateSize(), h);
    long sparseLayers = v3.sparseLayers() + 1; // and the MTP layer
    long scales =
        (v3.numLayers() + 1) * attention
            + v3.denseLayers() * dense
            + sparseLayers * (moe.numExperts() + moe.numSharedExperts()) * expert;
    long scoreBiases = sparseLayers * moe.numExperts();
    assertEquals(published.get("safetensors").get("parameters").get("F32").asLong(), scales + scoreBiases);
    assertEquals(published.get("safetensors").get("total").asLong(), model.totalParameters() + scales);
    assertEquals(1, model.components().size());
  }

  /** Scale blocks of one {@code [out, in]} FP8 weight with 128 x 128 blocks. */
  private static long blocks(long out, long in) {
    return ((out + 127) / 128) * ((in + 127) / 128);
  }
}
