package dev.persistence.io.architecture;

import static dev.persistence.io.document.ValueCodecs.BOOLEAN;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.integer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.Attention;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.FeedForward;
import dev.persistence.core.architecture.GatedDeltaNet;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.ImmutableArchitecture;
import dev.persistence.core.architecture.ImmutableDenseFeedForward;
import dev.persistence.core.architecture.ImmutableGatedDeltaNet;
import dev.persistence.core.architecture.ImmutableGroupedQueryAttention;
import dev.persistence.core.architecture.ImmutableLightningAttention;
import dev.persistence.core.architecture.ImmutableMamba2Mixer;
import dev.persistence.core.architecture.ImmutableMambaMixer;
import dev.persistence.core.architecture.ImmutableMixtureOfExperts;
import dev.persistence.core.architecture.ImmutableMultiHeadLatentAttention;
import dev.persistence.core.architecture.ImmutableMultiTokenPrediction;
import dev.persistence.core.architecture.LightningAttention;
import dev.persistence.core.architecture.Mamba2Mixer;
import dev.persistence.core.architecture.MambaMixer;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.MultiHeadLatentAttention;
import dev.persistence.core.architecture.MultiTokenPrediction;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.architecture.PositionEncoding;
import dev.persistence.core.architecture.QueryKeyNorm;
import dev.persistence.core.architecture.SequenceMixer;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.TypedUnion;
import dev.persistence.io.document.ValueCodecs;

/**
 * Codecs of the architecture types. Field names are the accessors' names; enums are kebab-case; the attention and
 * feed-forward kinds carry a {@code type} discriminator ({@code grouped-query} or {@code multi-head-latent};
 * {@code dense} or {@code mixture-of-experts}). Optional fields left out take the types' documented defaults.
 *
 * <pre>{@code
 * family: llama
 * vocabSize: 32000
 * hiddenSize: 4096
 * numLayers: 32
 * contextLength: 4096
 * normKind: rms-norm
 * tiedEmbeddings: false
 * attention: {type: grouped-query, numAttentionHeads: 32, numKeyValueHeads: 8, headDim: 128}
 * feedForward: {type: dense, intermediateSize: 14336, gated: true}
 * }</pre>
 */
public final class ArchitectureCodecs {
  private ArchitectureCodecs() {}

  private static final ObjectCodec<GroupedQueryAttention, ImmutableGroupedQueryAttention.Builder> GROUPED_QUERY =
      ObjectCodec.builder(
              GroupedQueryAttention.class,
              "groupedQueryAttention",
              GroupedQueryAttention::builder,
              ImmutableGroupedQueryAttention.Builder::build)
          .allow("type")
          .required("numAttentionHeads", integer(1))
          .optional("numKeyValueHeads", integer(1))
          .required("headDim", integer(1))
          .optional("queryKeyValueBias", BOOLEAN)
          .optional("outputBias", BOOLEAN)
          .optional("queryKeyNorm", enumeration(QueryKeyNorm.class))
          .optional("queryKeyNormKind", enumeration(NormKind.class))
          .optional("attentionSinks", BOOLEAN)
          .optional("outputGate", BOOLEAN)
          .writtenWhen(GroupedQueryAttention::outputGate)
          .build();

  private static final ObjectCodec<MultiHeadLatentAttention, ImmutableMultiHeadLatentAttention.Builder> LATENT =
      ObjectCodec.builder(
              MultiHeadLatentAttention.class,
              "multiHeadLatentAttention",
              MultiHeadLatentAttention::builder,
              ImmutableMultiHeadLatentAttention.Builder::build)
          .allow("type")
          .required("numAttentionHeads", integer(1))
          .optional("queryLowRank", integer(1))
          .required("keyValueLowRank", integer(1))
          .required("queryKeyNoRopeHeadDim", integer(0))
          .required("queryKeyRopeHeadDim", integer(0))
          .required("valueHeadDim", integer(1))
          .optional("bias", BOOLEAN)
          .optional("latentNormKind", enumeration(NormKind.class))
          .build();

  /** Grouped-query (multi-head, multi-query) and multi-head latent attention. */
  public static final Codec<Attention> ATTENTION =
      TypedUnion.<Attention>builder("attention", "attention")
          .kind("grouped-query", GroupedQueryAttention.class, GROUPED_QUERY)
          .kind("multi-head-latent", MultiHeadLatentAttention.class, LATENT)
          .build();

  private static final ObjectCodec<DenseFeedForward, ImmutableDenseFeedForward.Builder> DENSE_FIELDS =
      ObjectCodec.builder(
              DenseFeedForward.class,
              "denseFeedForward",
              DenseFeedForward::builder,
              ImmutableDenseFeedForward.Builder::build)
          .allow("type")
          .required("intermediateSize", integer(1))
          .required("gated", BOOLEAN)
          .optional("bias", BOOLEAN)
          .build();

  /** A dense block (no {@code type} needed when it stands inside a mixture of experts). */
  public static final Codec<DenseFeedForward> DENSE =
      ValueCodecs.composed(
          node -> {
            // The type may be left out here, but a wrong one is an error, not silently a dense block.
            if (node.json().isObject() && node.json().hasNonNull("type")) {
              DocumentNode type = node.fields().required("type");
              if (!type.asText().equals("dense")) {
                throw type.error("a dense block's type must be dense, got " + type.describe());
              }
            }
            return DENSE_FIELDS.read(node);
          },
          value -> ArchitectureCodecs.FEED_FORWARD.write(value), // declared below, read when written
          definitions ->
              definitions.ref(
                  "denseBlock",
                  () -> {
                    ObjectNode fragment = DENSE_FIELDS.fragment(definitions);
                    ObjectNode properties = (ObjectNode) fragment.get("properties");
                    properties.set("type", properties.objectNode().put("const", "dense"));
                    return fragment;
                  }));

  private static final ObjectCodec<MixtureOfExperts, ImmutableMixtureOfExperts.Builder> EXPERTS =
      ObjectCodec.builder(
              MixtureOfExperts.class,
              "mixtureOfExperts",
              MixtureOfExperts::builder,
              ImmutableMixtureOfExperts.Builder::build)
          .allow("type")
          .required("numExperts", integer(1))
          .required("expertsPerToken", integer(1))
          .required("expertIntermediateSize", integer(1))
          .optional("gated", BOOLEAN)
          .optional("expertBias", BOOLEAN)
          .optional("numSharedExperts", integer(0))
          .optional("sharedExpertIntermediateSize", integer(0))
          .optional("sharedExpertGate", BOOLEAN)
          .optional("routerBias", BOOLEAN)
          .optional("expertScoreCorrectionBias", BOOLEAN)
          .optional("firstDenseLayers", integer(0))
          .optional("layerPeriod", integer(1))
          .optional("layerPhase", integer(0))
          .optional(
              "denseLayers",
              ValueCodecs.integerSet(0),
              MixtureOfExperts::denseLayers,
              ImmutableMixtureOfExperts.Builder::addAllDenseLayers)
          .optional("denseFeedForward", DENSE)
          .build();

  /** Dense blocks and mixtures of experts. */
  public static final Codec<FeedForward> FEED_FORWARD =
      TypedUnion.<FeedForward>builder("feedForward", "feed-forward")
          .kind("dense", DenseFeedForward.class, DENSE_FIELDS)
          .kind("mixture-of-experts", MixtureOfExperts.class, EXPERTS)
          .build();

  private static final ObjectCodec<MambaMixer, ImmutableMambaMixer.Builder> MAMBA =
      ObjectCodec.builder(MambaMixer.class, "mambaMixer", MambaMixer::builder, ImmutableMambaMixer.Builder::build)
          .allow("type")
          .required("intermediateSize", integer(1))
          .required("stateSize", integer(1))
          .required("convKernel", integer(1))
          .required("timeStepRank", integer(1))
          .optional("convBias", BOOLEAN)
          .optional("projectionBias", BOOLEAN)
          .optional("timeStepAndStateNorms", BOOLEAN)
          .build();

  private static final ObjectCodec<Mamba2Mixer, ImmutableMamba2Mixer.Builder> MAMBA2 =
      ObjectCodec.builder(Mamba2Mixer.class, "mamba2Mixer", Mamba2Mixer::builder, ImmutableMamba2Mixer.Builder::build)
          .allow("type")
          .required("numHeads", integer(1))
          .required("headDim", integer(1))
          .required("stateSize", integer(1))
          .optional("numGroups", integer(1))
          .required("convKernel", integer(1))
          .optional("convBias", BOOLEAN)
          .optional("projectionBias", BOOLEAN)
          .build();

  private static final ObjectCodec<GatedDeltaNet, ImmutableGatedDeltaNet.Builder> GATED_DELTA_NET =
      ObjectCodec.builder(GatedDeltaNet.class, "gatedDeltaNet", GatedDeltaNet::builder, ImmutableGatedDeltaNet.Builder::build)
          .allow("type")
          .required("numKeyHeads", integer(1))
          .required("keyHeadDim", integer(1))
          .required("numValueHeads", integer(1))
          .required("valueHeadDim", integer(1))
          .required("convKernel", integer(1))
          .build();

  private static final ObjectCodec<LightningAttention, ImmutableLightningAttention.Builder> LIGHTNING =
      ObjectCodec.builder(
              LightningAttention.class,
              "lightningAttention",
              LightningAttention::builder,
              ImmutableLightningAttention.Builder::build)
          .allow("type")
          .required("numHeads", integer(1))
          .required("headDim", integer(1))
          .build();

  /**
   * The sequence mixers of hybrid and state-space stacks, by {@code type}: {@code mamba} ({@link MambaMixer}),
   * {@code mamba2} ({@link Mamba2Mixer}), {@code gated-deltanet} ({@link GatedDeltaNet}) or {@code lightning}
   * ({@link LightningAttention}); fields are the accessors' names.
   */
  public static final Codec<SequenceMixer> SEQUENCE_MIXER =
      TypedUnion.<SequenceMixer>builder("sequenceMixer", "sequence mixer")
          .kind("mamba", MambaMixer.class, MAMBA)
          .kind("mamba2", Mamba2Mixer.class, MAMBA2)
          .kind("gated-deltanet", GatedDeltaNet.class, GATED_DELTA_NET)
          .kind("lightning", LightningAttention.class, LIGHTNING)
          .build();

  /** Multi-token-prediction modules ({@link MultiTokenPrediction}). */
  public static final Codec<MultiTokenPrediction> MULTI_TOKEN_PREDICTION =
      ObjectCodec.builder(
              MultiTokenPrediction.class,
              "multiTokenPrediction",
              MultiTokenPrediction::builder,
              ImmutableMultiTokenPrediction.Builder::build)
          .required("numModules", integer(1))
          .optional("sparseFeedForward", BOOLEAN)
          .optional("embeddingAndHeadCopies", BOOLEAN)
          .build();

  /** A whole architecture. */
  public static final Codec<Architecture> ARCHITECTURE =
      ObjectCodec.builder(Architecture.class, "architecture", Architecture::builder, ImmutableArchitecture.Builder::build)
          .optional("family", NAME)
          .required("vocabSize", integer(1))
          .required("hiddenSize", integer(1))
          .required("numLayers", integer(1))
          .required("contextLength", integer(1))
          .required("attention", ATTENTION)
          .required("feedForward", FEED_FORWARD)
          .required("normKind", enumeration(NormKind.class))
          .optional("normsPerLayer", integer(0))
          .optional("finalNorm", BOOLEAN)
          .required("tiedEmbeddings", BOOLEAN)
          .optional("outputHeadBias", BOOLEAN)
          .optional("positionEncoding", enumeration(PositionEncoding.class))
          .optional("slidingWindow", integer(1))
          .optional("slidingWindowLayers", integer(0))
          .optional("parallelAttentionAndFeedForward", BOOLEAN)
          .optional("crossLayerKeyValueShare", integer(1))
          .optional("sequenceMixer", SEQUENCE_MIXER)
          .optional(
              "sequenceMixerLayerIndices",
              ValueCodecs.integerSet(0),
              Architecture::sequenceMixerLayerIndices,
              ImmutableArchitecture.Builder::addAllSequenceMixerLayerIndices,
              value -> value.sequenceMixerLayers() > 0)
          .optional(
              "feedForwardOnlyLayerIndices",
              ValueCodecs.integerSet(0),
              Architecture::feedForwardOnlyLayerIndices,
              ImmutableArchitecture.Builder::addAllFeedForwardOnlyLayerIndices,
              value -> !value.feedForwardOnlyLayerIndices().isEmpty())
          .optional(
              "noFeedForwardLayerIndices",
              ValueCodecs.integerSet(0),
              Architecture::noFeedForwardLayerIndices,
              ImmutableArchitecture.Builder::addAllNoFeedForwardLayerIndices,
              value -> !value.noFeedForwardLayerIndices().isEmpty())
          .optional("multiTokenPrediction", MULTI_TOKEN_PREDICTION)
          .build();

  private static final ObjectCodec<Architecture, ObjectCodec.Values> MEGATRON_GPT_FIELDS =
      ObjectCodec.components(
              Architecture.class,
              "megatronGpt",
              v ->
                  Architecture.megatronGpt(
                      v.<Integer>get("numLayers"),
                      v.<Integer>get("hiddenSize"),
                      v.<Integer>get("numAttentionHeads"),
                      v.<Integer>get("vocabSize"),
                      v.<Integer>get("sequenceLength")))
          .required("numLayers", integer(1))
          .required("hiddenSize", integer(1))
          .required("numAttentionHeads", integer(1), value -> value.attention().numAttentionHeads())
          .required("vocabSize", integer(1))
          .required("sequenceLength", integer(1), Architecture::contextLength)
          .build();

  /**
   * The Megatron papers' GPT models by their five numbers ({@link Architecture#megatronGpt}); written back as a
   * full architecture, since the shorthand is only a way in.
   */
  public static final Codec<Architecture> MEGATRON_GPT =
      ValueCodecs.composed(MEGATRON_GPT_FIELDS::read, value -> ARCHITECTURE.write(value), MEGATRON_GPT_FIELDS::schema);
}
