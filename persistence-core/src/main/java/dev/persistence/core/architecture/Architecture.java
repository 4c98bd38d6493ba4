package dev.persistence.core.architecture;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A decoder-only transformer: embeddings, {@code numLayers} layers of attention and feed-forward with their norms,
 * a final norm and an output head.
 *
 * <p>Every attention layer shares the same attention block; the feed-forward block is the same in every layer
 * unless it is a {@link MixtureOfExperts} whose placement leaves some layers dense (Llama 4's MoE every k-th
 * layer, DeepSeek's dense first layers). A hybrid stack replaces attention in the layers of
 * {@link #sequenceMixerLayerIndices()} with a {@link SequenceMixer} (Mamba, Mamba-2, gated DeltaNet), whose cost and inference state do not
 * grow with the context. A layer may also hold one block only, as the placement sets say: no token mixer in the
 * layers of {@link #feedForwardOnlyLayerIndices()}, no feed-forward block in those of
 * {@link #noFeedForwardLayerIndices()} (Nemotron-H, whose {@code hybrid_override_pattern} gives each layer a
 * Mamba-2 mixer, attention or an MLP alone; Falcon-Mamba, whose layers are the mixer alone). Build one with {@link #builder()}, or import
 * a HuggingFace {@code config.json} with {@code persistence-io}. Invalid shapes are rejected at construction with
 * an {@link IllegalArgumentException} naming the field, the value and the rule.
 */
@Value.Immutable
public abstract class Architecture {

  /** Returns a new builder. */
  public static ImmutableArchitecture.Builder builder() {
    return ImmutableArchitecture.builder();
  }

  /**
   * A GPT model as Megatron-LM describes it (Narayanan et al. 2021, arXiv:2104.04473, eq. 2): multi-head
   * attention with {@code hidden/heads} head width, a plain {@code 4h} feed-forward, biases on every projection,
   * LayerNorm with bias (two per layer and a final one), learned positions and a tied output head.
   *
   * <p>Its parameter count is eq. 2's {@code 12lh^2(1 + 13/(12h) + (V+s)/(12lh))} plus the final LayerNorm's
   * {@code 2h}, which eq. 2 leaves out.
   *
   * @param numLayers layers ({@code l})
   * @param hiddenSize hidden size ({@code h})
   * @param numAttentionHeads attention heads ({@code a}); must divide {@code h}
   * @param vocabSize vocabulary ({@code V})
   * @param contextLength sequence length ({@code s}), the size of the learned position table
   * @throws IllegalArgumentException if any value is not positive or the heads do not divide the hidden size
   */
  public static Architecture megatronGpt(
      int numLayers, int hiddenSize, int numAttentionHeads, int vocabSize, int contextLength) {
    Checks.positive("numLayers", numLayers);
    // The feed-forward width is 4h (Shoeybi et al. 2019 section 3): h past 2^31 / 4 would wrap it.
    Checks.inRange("hiddenSize", hiddenSize, 1, Integer.MAX_VALUE / 4);
    Checks.positive("vocabSize", vocabSize);
    Checks.positive("contextLength", contextLength);
    Checks.positive("numAttentionHeads", numAttentionHeads);
    checkArgument(
        hiddenSize % numAttentionHeads == 0,
        "numAttentionHeads (%s) must divide hiddenSize (%s)",
        numAttentionHeads,
        hiddenSize);
    return builder()
        .family("megatron-gpt")
        .numLayers(numLayers)
        .hiddenSize(hiddenSize)
        .vocabSize(vocabSize)
        .contextLength(contextLength)
        .attention(
            GroupedQueryAttention.builder()
                .numAttentionHeads(numAttentionHeads)
                .headDim(hiddenSize / numAttentionHeads)
                .queryKeyValueBias(true)
                .outputBias(true)
                .build())
        .feedForward(
            DenseFeedForward.builder().intermediateSize(4 * hiddenSize).gated(false).bias(true).build())
        .normKind(NormKind.LAYER_NORM)
        .positionEncoding(PositionEncoding.LEARNED_ABSOLUTE)
        .tiedEmbeddings(true)
        .build();
  }

  /** The family this architecture came from (a HuggingFace {@code model_type}, or {@code custom}). */
  @Value.Default
  public String family() {
    return "custom";
  }

  /** Vocabulary size (rows of the embedding table). */
  public abstract int vocabSize();

  /** Hidden (model) width. */
  public abstract int hiddenSize();

  /** Transformer layers. */
  public abstract int numLayers();

  /**
   * The attention block of the attention layers. In a hybrid stack only {@link #attentionLayers()} layers use it;
   * when every layer is a {@link #sequenceMixer()} (Falcon-Mamba) it is never used.
   */
  public abstract Attention attention();

  /**
   * The token mixer of the layers that do not use softmax attention (Mamba in Jamba, Falcon-Mamba and Granite 4,
   * gated DeltaNet in Qwen3-Next); empty for an all-attention model.
   */
  public abstract Optional<SequenceMixer> sequenceMixer();

  /**
   * The layers (from 0) that use {@link #sequenceMixer()} instead of attention: Jamba's seven in eight, Qwen3-Next's
   * three in four, Granite 4's {@code layer_types}; empty unless a mixer is set.
   */
  public abstract Set<Integer> sequenceMixerLayerIndices();

  /** How many layers use {@link #sequenceMixer()} instead of attention. */
  public int sequenceMixerLayers() {
    return sequenceMixerLayerIndices().size();
  }

  /**
   * Whether layer {@code layerIndex} (from 0) is a sequence-mixer layer rather than an attention layer.
   *
   * @param layerIndex the layer, from 0
   */
  public boolean isSequenceMixerLayer(int layerIndex) {
    return sequenceMixerLayerIndices().contains(layerIndex);
  }

  /**
   * The layers (from 0) that have no token mixer, neither attention nor {@link #sequenceMixer()}: a feed-forward
   * block alone (Nemotron-H's {@code -} layers); empty for a stack whose every layer mixes tokens.
   */
  public abstract Set<Integer> feedForwardOnlyLayerIndices();

  /**
   * The layers (from 0) that have no feed-forward block, only their token mixer (Nemotron-H's {@code M} and
   * {@code *} layers, every layer of Falcon-Mamba); empty when every layer has one.
   */
  public abstract Set<Integer> noFeedForwardLayerIndices();

  /**
   * Whether layer {@code layerIndex} (from 0) is a feed-forward block alone, with no token mixer.
   *
   * @param layerIndex the layer, from 0
   */
  public boolean isFeedForwardOnlyLayer(int layerIndex) {
    return feedForwardOnlyLayerIndices().contains(layerIndex);
  }

  /**
   * Whether layer {@code layerIndex} (from 0) has a feed-forward block.
   *
   * @param layerIndex the layer, from 0
   */
  public boolean hasFeedForward(int layerIndex) {
    return !noFeedForwardLayerIndices().contains(layerIndex);
  }

  /**
   * Whether layer {@code layerIndex} (from 0) uses {@link #attention()}: neither a sequence-mixer layer nor a
   * feed-forward-only layer.
   *
   * @param layerIndex the layer, from 0
   */
  public boolean isAttentionLayer(int layerIndex) {
    return !isSequenceMixerLayer(layerIndex) && !isFeedForwardOnlyLayer(layerIndex);
  }

  /** Layers that use {@link #attention()}: all but the sequence-mixer and feed-forward-only layers. */
  public int attentionLayers() {
    return numLayers() - sequenceMixerLayers() - feedForwardOnlyLayerIndices().size();
  }

  /**
   * Layers that have a feed-forward block: all but {@link #noFeedForwardLayerIndices()} (0 in a pure state-space
   * model such as Falcon-Mamba, whose {@link #feedForward()} is never used).
   */
  public int feedForwardLayers() {
    return numLayers() - noFeedForwardLayerIndices().size();
  }

  /**
   * Blocks (token mixer, feed-forward) in layer {@code layerIndex}: 2, or 1 for a layer that holds one of them
   * only.
   *
   * @param layerIndex the layer, from 0
   */
  public int blocksInLayer(int layerIndex) {
    return (isFeedForwardOnlyLayer(layerIndex) ? 0 : 1) + (hasFeedForward(layerIndex) ? 1 : 0);
  }

  /**
   * Multi-token-prediction modules trained beside the model (DeepSeek-V3, GLM-4.5, Qwen3-Next); not part of
   * {@link #parameters()}, counted by {@link MultiTokenPrediction#parameters(Architecture)}.
   */
  public abstract Optional<MultiTokenPrediction> multiTokenPrediction();

  /** The feed-forward block (see {@link MixtureOfExperts} for layers that stay dense). */
  public abstract FeedForward feedForward();

  /** The norm kind used in the layers and for the final norm. */
  public abstract NormKind normKind();

  /**
   * Norms per layer: 2 for pre-norm blocks, 1 for a parallel block with one shared input norm (Phi, GPT-J) or a
   * layer of one block (Falcon-Mamba, Nemotron-H), 4 for Gemma 2 and 3 (pre- and post-norms around both
   * sub-blocks). The same in every layer.
   */
  @Value.Default
  public int normsPerLayer() {
    return 2;
  }

  /**
   * Cross-layer attention (Brandon et al. 2024, "Reducing Transformer Key-Value Cache Size with Cross-Layer
   * Attention", arXiv:2405.12981 section 3; Hunyuan-Large's {@code use_cla} and {@code cla_share_factor}, Sun et
   * al. 2024, arXiv:2411.02265 section 2.2): an attention layer {@code i} with {@code i % share != 0} has no key
   * and value projections and attends to the keys and values of the last layer before it that computed them, so
   * it holds no key/value cache of its own. 1 (the default): every attention layer computes its own.
   */
  @Value.Default
  public int crossLayerKeyValueShare() {
    return 1;
  }

  /**
   * Whether layer {@code layerIndex} (from 0) is an attention layer that computes (and caches) its own keys and
   * values: every attention layer, except under {@link #crossLayerKeyValueShare()} those that reuse an earlier
   * layer's.
   *
   * @param layerIndex the layer, from 0
   */
  public boolean computesKeyValues(int layerIndex) {
    return isAttentionLayer(layerIndex) && layerIndex % crossLayerKeyValueShare() == 0;
  }

  /** Attention layers that compute and cache their own keys and values (all of them without cross-layer attention). */
  public int keyValueLayers() {
    if (crossLayerKeyValueShare() == 1) {
      return attentionLayers();
    }
    // The multiples of the share below numLayers, less those that hold a mixer or a feed-forward block alone.
    int share = crossLayerKeyValueShare();
    int count = (int) (((long) numLayers() + share - 1) / share);
    for (int layer : sequenceMixerLayerIndices()) {
      count -= layer % share == 0 ? 1 : 0;
    }
    for (int layer : feedForwardOnlyLayerIndices()) {
      count -= layer % share == 0 ? 1 : 0;
    }
    return count;
  }

  /** Whether a norm follows the last layer. */
  @Value.Default
  public boolean finalNorm() {
    return true;
  }

  /** Whether the output head shares the input embedding matrix. */
  public abstract boolean tiedEmbeddings();

  /** Whether the output head carries a bias of {@code vocabSize} (Phi-2). */
  @Value.Default
  public boolean outputHeadBias() {
    return false;
  }

  /** How positions are encoded. */
  @Value.Default
  public PositionEncoding positionEncoding() {
    return PositionEncoding.ROTARY;
  }

  /** Maximum sequence length the model is built for, in tokens. */
  public abstract int contextLength();

  /** Attention window of the sliding-window layers, in tokens; empty when every layer attends globally. */
  public abstract OptionalInt slidingWindow();

  /**
   * How many attention layers use the sliding window; defaults to every attention layer when a window is set,
   * otherwise none. Gemma 2 and gpt-oss alternate (half the layers), Gemma 3 has five local layers for each
   * global one.
   */
  @Value.Default
  public int slidingWindowLayers() {
    return slidingWindow().isPresent() ? attentionLayers() : 0;
  }

  /** Whether attention and feed-forward run in parallel on the same input (GPT-J, Phi, Falcon). */
  @Value.Default
  public boolean parallelAttentionAndFeedForward() {
    return false;
  }

  /**
   * Checks the rules of a valid {@code Architecture} when one is built (Immutables {@code @Value.Check});
   * callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("vocabSize", vocabSize());
    Checks.positive("hiddenSize", hiddenSize());
    Checks.positive("numLayers", numLayers());
    Checks.positive("contextLength", contextLength());
    // Gemma 2 and 3 have the most norms a layer, 4 (pre- and post-norm of attention and MLP; Gemma Team 2024,
    // arXiv:2408.00118 section 2); 64 leaves room for any design and keeps the byte totals far from overflow.
    Checks.nonNegative("normsPerLayer", normsPerLayer());
    Checks.check(normsPerLayer() <= 64, "normsPerLayer", normsPerLayer(), "must be <= 64");
    checkArgument(!family().isBlank(), "family must not be blank");
    slidingWindow()
        .ifPresent(window -> Checks.positive("slidingWindow", window));
    for (int layer : sequenceMixerLayerIndices()) {
      checkArgument(
          layer >= 0 && layer < numLayers(),
          "sequenceMixerLayerIndices entry (%s) must be in [0, numLayers (%s))",
          layer,
          numLayers());
    }
    checkArgument(
        (sequenceMixerLayers() > 0) == sequenceMixer().isPresent(),
        "sequenceMixerLayerIndices (%s layers) must be non-empty exactly when a sequenceMixer is set",
        sequenceMixerLayers());
    for (int layer : feedForwardOnlyLayerIndices()) {
      checkArgument(
          layer >= 0 && layer < numLayers(),
          "feedForwardOnlyLayerIndices entry (%s) must be in [0, numLayers (%s))",
          layer,
          numLayers());
      checkArgument(
          !isSequenceMixerLayer(layer),
          "feedForwardOnlyLayerIndices entry (%s) must not be a sequenceMixerLayerIndices entry",
          layer);
      checkArgument(
          hasFeedForward(layer),
          "feedForwardOnlyLayerIndices entry (%s) must not be a noFeedForwardLayerIndices entry (a layer needs a block)",
          layer);
    }
    Checks.check(crossLayerKeyValueShare() >= 1, "crossLayerKeyValueShare", crossLayerKeyValueShare(), "must be >= 1");
    if (crossLayerKeyValueShare() > 1) {
      Checks.check(
          attention() instanceof GroupedQueryAttention,
          "crossLayerKeyValueShare",
          crossLayerKeyValueShare(),
          "must be 1 for " + attention().variant() + " attention (key and value projections are shared only with"
              + " grouped-query attention)");
      Checks.check(
          slidingWindowLayers() == 0,
          "crossLayerKeyValueShare",
          crossLayerKeyValueShare(),
          "must be 1 with sliding-window layers (" + slidingWindowLayers() + ")");
      for (int layer = 0; layer < numLayers(); layer++) {
        if (isAttentionLayer(layer)) {
          Checks.check(
              computesKeyValues(layer),
              "crossLayerKeyValueShare",
              crossLayerKeyValueShare(),
              "must leave the first attention layer (" + layer + ") computing its own keys and values");
          break;
        }
      }
    }
    for (int layer : noFeedForwardLayerIndices()) {
      checkArgument(
          layer >= 0 && layer < numLayers(),
          "noFeedForwardLayerIndices entry (%s) must be in [0, numLayers (%s))",
          layer,
          numLayers());
    }
    checkArgument(
        slidingWindowLayers() >= 0 && slidingWindowLayers() <= attentionLayers(),
        "slidingWindowLayers (%s) must be in [0, attentionLayers (%s)]",
        slidingWindowLayers(),
        attentionLayers());
    checkArgument(
        slidingWindowLayers() == 0 || slidingWindow().isPresent(),
        "slidingWindowLayers (%s) needs a slidingWindow",
        slidingWindowLayers());
    if (feedForward() instanceof MixtureOfExperts) {
      MixtureOfExperts moe = (MixtureOfExperts) feedForward();
      checkArgument(
          sparseLayers() > 0,
          "mixture of experts places no sparse layer among feedForwardLayers (%s)",
          feedForwardLayers());
      checkArgument(
          sparseLayers() == feedForwardLayers() || moe.denseFeedForward().isPresent(),
          "denseFeedForward is required: %s of feedForwardLayers (%s) are dense",
          feedForwardLayers() - sparseLayers(),
          feedForwardLayers());
    }
  }

  /** Exact parameter counts by component (derived, never serialized). */
  @Value.Lazy
  public ParameterBreakdown parameters() {
    return ParameterAccounting.count(this);
  }

  /** Layers whose feed-forward block is a mixture of experts (0 for a dense model). */
  @Value.Derived
  @Value.Auxiliary
  public int sparseLayers() {
    if (!(feedForward() instanceof MixtureOfExperts)) {
      return 0;
    }
    int count = 0;
    for (int layer = 0; layer < numLayers(); layer++) {
      if (isSparseLayer(layer)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Whether layer {@code layerIndex} (from 0) has a feed-forward block and it is sparse (the placement of
   * {@link MixtureOfExperts#isSparseLayer}, among the layers that have a feed-forward block).
   *
   * @param layerIndex the layer, from 0
   */
  public boolean isSparseLayer(int layerIndex) {
    return feedForward() instanceof MixtureOfExperts
        && hasFeedForward(layerIndex)
        && ((MixtureOfExperts) feedForward()).isSparseLayer(layerIndex);
  }

  /** Layers whose feed-forward block is dense. */
  public int denseLayers() {
    return feedForwardLayers() - sparseLayers();
  }

  /** Whether any layer is a mixture of experts. */
  public boolean isMixtureOfExperts() {
    return feedForward() instanceof MixtureOfExperts;
  }

  /**
   * The dense feed-forward block of the dense layers, or empty when every layer is sparse.
   */
  public Optional<DenseFeedForward> denseFeedForward() {
    if (feedForward() instanceof DenseFeedForward) {
      return Optional.of((DenseFeedForward) feedForward());
    }
    return denseLayers() == 0
        ? Optional.empty()
        : ((MixtureOfExperts) feedForward()).denseFeedForward();
  }
}
