package dev.persistence.io.huggingface;

import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.QueryKeyNorm;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One HuggingFace model family: its {@code model_type}, the layout of its modelling code
 * ({@code src/transformers/models/<family>/modeling_<family>.py}, or the checkpoint's remote code) and every rule
 * that differs between families, stated once: the defaults of its configuration class
 * ({@code configuration_<family>.py}: tied head, head width, context length, keys the class fills in such as Gemma
 * 3's {@code vocab_size} 262208), its biases, query/key norms, norms per layer, sliding-window pattern, attention
 * sinks, feed-forward block and multi-token-prediction modules.
 *
 * <p>The families themselves are listed in {@link HuggingFaceFamilies}; adding one is one entry there (and its
 * test). A family whose modules are laid out unlike the Llama-shaped decoder gets its own {@link FamilyLayout}.
 */
final class HuggingFaceFamily {

  /** Which attention layers slide when a window is set and the config has no {@code layer_types}. */
  enum SlidingLayers {
    /** None (the window key is ignored unless {@code layer_types} names sliding layers). */
    NONE,
    /** Every attention layer (Mistral, Mixtral, Phi-3, Starcoder2). */
    ALL,
    /** With {@code use_sliding_window}, from layer {@code max_window_layers} on (modeling_qwen2.py). */
    QWEN,
    /** Even layers (from 0) local, odd layers global (Gemma 2, gpt-oss). */
    ALTERNATE,
    /** All but every {@code sliding_window_pattern}-th layer (Gemma 3: 5 local to 1 global; Cohere 2: 3 to 1). */
    PATTERN
  }

  final String modelType;
  final FamilyLayout layout;
  final boolean tiedByDefault;
  final int defaultContextLength;
  final OptionalInt defaultHeadDim;
  /** The config key that switches attention biases on; null when the rule is fixed ({@link #biasDefault}). */
  final String biasKey;
  final boolean biasDefault;
  /** Whether the output projection carries the attention bias too (false: q, k and v only, as Qwen2). */
  final boolean biasOnOutput;
  /** The config key that switches the output projection's bias on its own (InternLM3's {@code bias}); or null. */
  final String outputBiasKey;
  final QueryKeyNorm queryKeyNorm;
  final NormKind queryKeyNormKind;
  /** The config key that switches the query/key norm on; null when the family always has it. */
  final String queryKeyNormKey;
  final NormKind normKind;
  final int normsPerLayer;
  final boolean parallelBlock;
  final SlidingLayers slidingLayers;
  final OptionalInt defaultWindow;
  final int defaultSlidingPattern;
  final boolean attentionSinks;
  final boolean latentAttention;
  final String outputHeadBiasKey;
  final FeedForwardReader feedForward;
  /** Whether the checkpoint's multi-token-prediction modules store their own embedding and head copies. */
  final boolean multiTokenPredictionCopies;
  /**
   * Whether {@code use_cla} and {@code cla_share_factor} set cross-layer attention (Hunyuan: layers {@code i} with
   * {@code i % cla_share_factor != 0} reuse the keys and values of the layer before).
   */
  final boolean crossLayerAttention;
  final Map<String, Integer> classDefaults;

  private HuggingFaceFamily(Builder b) {
    this.modelType = b.modelType;
    this.layout = b.layout;
    this.tiedByDefault = b.tiedByDefault;
    this.defaultContextLength = b.defaultContextLength;
    this.defaultHeadDim = b.defaultHeadDim;
    this.biasKey = b.biasKey;
    this.biasDefault = b.biasDefault;
    this.biasOnOutput = b.biasOnOutput;
    this.outputBiasKey = b.outputBiasKey;
    this.queryKeyNorm = b.queryKeyNorm;
    this.queryKeyNormKind = b.queryKeyNormKind;
    this.queryKeyNormKey = b.queryKeyNormKey;
    this.normKind = b.normKind;
    this.normsPerLayer = b.normsPerLayer;
    this.parallelBlock = b.parallelBlock;
    this.slidingLayers = b.slidingLayers;
    this.defaultWindow = b.defaultWindow;
    this.defaultSlidingPattern = b.defaultSlidingPattern;
    this.attentionSinks = b.attentionSinks;
    this.latentAttention = b.latentAttention;
    this.outputHeadBiasKey = b.outputHeadBiasKey;
    this.feedForward = b.feedForward;
    this.multiTokenPredictionCopies = b.multiTokenPredictionCopies;
    this.crossLayerAttention = b.crossLayerAttention;
    this.classDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(b.classDefaults));
  }

  /**
   * A family with the given layout and the Llama defaults: untied, head width {@code hidden / heads},
   * {@code attention_bias} on every projection (default off), RMSNorm, two norms per layer, gated dense block.
   */
  static Builder family(String modelType, FamilyLayout layout, int defaultContextLength) {
    return new Builder(modelType, layout, defaultContextLength);
  }

  /** A Llama-shaped decoder family. */
  static Builder decoder(String modelType, int defaultContextLength) {
    return family(modelType, DecoderLayout.INSTANCE, defaultContextLength);
  }

  String modelType() {
    return modelType;
  }

  /** The config with the keys this family's configuration class fills in when a config leaves them out. */
  ConfigNode withClassDefaults(ConfigNode config) {
    ConfigNode result = config;
    for (Map.Entry<String, Integer> entry : classDefaults.entrySet()) {
      result = result.withDefault(entry.getKey(), entry.getValue());
    }
    return result;
  }

  /** Builds a descriptor; every setter states one rule. */
  static final class Builder {
    private final String modelType;
    private final FamilyLayout layout;
    private final int defaultContextLength;
    private boolean tiedByDefault;
    private OptionalInt defaultHeadDim = OptionalInt.empty();
    private String biasKey = "attention_bias";
    private boolean biasDefault;
    private boolean biasOnOutput = true;
    private String outputBiasKey;
    private QueryKeyNorm queryKeyNorm = QueryKeyNorm.NONE;
    private NormKind queryKeyNormKind = NormKind.RMS_NORM;
    private String queryKeyNormKey;
    private NormKind normKind = NormKind.RMS_NORM;
    private int normsPerLayer = 2;
    private boolean parallelBlock;
    private SlidingLayers slidingLayers = SlidingLayers.NONE;
    private OptionalInt defaultWindow = OptionalInt.empty();
    private int defaultSlidingPattern = 6;
    private boolean attentionSinks;
    private boolean latentAttention;
    private String outputHeadBiasKey;
    private FeedForwardReader feedForward = FeedForwardReaders.GATED_DENSE;
    private boolean multiTokenPredictionCopies;
    private boolean crossLayerAttention;
    private final Map<String, Integer> classDefaults = new LinkedHashMap<>();

    private Builder(String modelType, FamilyLayout layout, int defaultContextLength) {
      this.modelType = modelType;
      this.layout = layout;
      this.defaultContextLength = defaultContextLength;
    }

    /** The configuration class ties the head by default. */
    Builder tied() {
      this.tiedByDefault = true;
      return this;
    }

    /** The head width when {@code head_dim} is absent. */
    Builder headDim(int headDim) {
      this.defaultHeadDim = OptionalInt.of(headDim);
      return this;
    }

    /** Attention biases switched by {@code key}, default {@code byDefault}, on the output projection or not. */
    Builder bias(String key, boolean byDefault, boolean onOutput) {
      this.biasKey = key;
      this.biasDefault = byDefault;
      this.biasOnOutput = onOutput;
      return this;
    }

    /** The output projection's bias switched by its own {@code key} (default off), apart from q, k and v. */
    Builder outputBias(String key) {
      this.outputBiasKey = key;
      return this;
    }

    /** A fixed bias rule no key changes. */
    Builder fixedBias(boolean qkv, boolean onOutput) {
      this.biasKey = null;
      this.biasDefault = qkv;
      this.biasOnOutput = onOutput;
      return this;
    }

    /** Query/key norms, always present ({@code toggleKey} null) or switched on by {@code toggleKey}. */
    Builder queryKeyNorm(QueryKeyNorm norm, NormKind kind, String toggleKey) {
      this.queryKeyNorm = norm;
      this.queryKeyNormKind = kind;
      this.queryKeyNormKey = toggleKey;
      return this;
    }

    Builder norm(NormKind kind, int perLayer) {
      this.normKind = kind;
      this.normsPerLayer = perLayer;
      return this;
    }

    /** Attention and feed-forward in parallel on one input. */
    Builder parallel() {
      this.parallelBlock = true;
      return this;
    }

    Builder sliding(SlidingLayers rule) {
      this.slidingLayers = rule;
      return this;
    }

    /** Sliding layers with a window the class fills in when {@code sliding_window} is absent. */
    Builder sliding(SlidingLayers rule, int defaultWindow) {
      this.slidingLayers = rule;
      this.defaultWindow = OptionalInt.of(defaultWindow);
      return this;
    }

    /** The default of {@code sliding_window_pattern} for {@link SlidingLayers#PATTERN}. */
    Builder slidingPattern(int pattern) {
      this.defaultSlidingPattern = pattern;
      return this;
    }

    Builder attentionSinks() {
      this.attentionSinks = true;
      return this;
    }

    /** Multi-head latent attention (DeepSeek-V2/V3, Kimi K2). */
    Builder latentAttention() {
      this.latentAttention = true;
      return this;
    }

    Builder outputHeadBias(String key) {
      this.outputHeadBiasKey = key;
      return this;
    }

    Builder feedForward(FeedForwardReader reader) {
      this.feedForward = reader;
      return this;
    }

    /** Multi-token-prediction modules that store their own embedding and head copies. */
    Builder multiTokenPredictionCopies() {
      this.multiTokenPredictionCopies = true;
      return this;
    }

    /** Cross-layer attention from {@code use_cla} and {@code cla_share_factor}. */
    Builder crossLayerAttention() {
      this.crossLayerAttention = true;
      return this;
    }

    /** A key the configuration class fills in when absent. */
    Builder classDefault(String key, int value) {
      this.classDefaults.put(key, value);
      return this;
    }

    HuggingFaceFamily build() {
      return new HuggingFaceFamily(this);
    }
  }
}
