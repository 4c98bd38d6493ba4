package dev.persistence.io.architecture;

import static dev.persistence.io.document.ValueCodecs.BOOLEAN;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.integer;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.persistence.io.document.SchemaDefinitions;
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
          .required(
              "numAttentionHeads",
              integer(1),
              GroupedQueryAttention::numAttentionHeads,
              ImmutableGroupedQueryAttention.Builder::numAttentionHeads)
          .optional(
              "numKeyValueHeads",
              integer(1),
              GroupedQueryAttention::numKeyValueHeads,
              ImmutableGroupedQueryAttention.Builder::numKeyValueHeads)
          .required("headDim", integer(1), GroupedQueryAttention::headDim, ImmutableGroupedQueryAttention.Builder::headDim)
          .optional(
              "queryKeyValueBias",
              BOOLEAN,
              GroupedQueryAttention::queryKeyValueBias,
              ImmutableGroupedQueryAttention.Builder::queryKeyValueBias)
          .optional(
              "outputBias", BOOLEAN, GroupedQueryAttention::outputBias, ImmutableGroupedQueryAttention.Builder::outputBias)
          .optional(
              "queryKeyNorm",
              enumeration(QueryKeyNorm.class),
              GroupedQueryAttention::queryKeyNorm,
              ImmutableGroupedQueryAttention.Builder::queryKeyNorm)
          .optional(
              "queryKeyNormKind",
              enumeration(NormKind.class),
              GroupedQueryAttention::queryKeyNormKind,
              ImmutableGroupedQueryAttention.Builder::queryKeyNormKind)
          .optional(
              "attentionSinks",
              BOOLEAN,
              GroupedQueryAttention::attentionSinks,
              ImmutableGroupedQueryAttention.Builder::attentionSinks)
          .optional(
              "outputGate",
              BOOLEAN,
              GroupedQueryAttention::outputGate,
              ImmutableGroupedQueryAttention.Builder::outputGate,
              GroupedQueryAttention::outputGate)
          .build();

  private static final ObjectCodec<MultiHeadLatentAttention, ImmutableMultiHeadLatentAttention.Builder> LATENT =
      ObjectCodec.builder(
              MultiHeadLatentAttention.class,
              "multiHeadLatentAttention",
              MultiHeadLatentAttention::builder,
              ImmutableMultiHeadLatentAttention.Builder::build)
          .allow("type")
          .required(
              "numAttentionHeads",
              integer(1),
              MultiHeadLatentAttention::numAttentionHeads,
              ImmutableMultiHeadLatentAttention.Builder::numAttentionHeads)
          .optionalIntIfSet(
              "queryLowRank",
              integer(1),
              MultiHeadLatentAttention::queryLowRank,
              ImmutableMultiHeadLatentAttention.Builder::queryLowRank)
          .required(
              "keyValueLowRank",
              integer(1),
              MultiHeadLatentAttention::keyValueLowRank,
              ImmutableMultiHeadLatentAttention.Builder::keyValueLowRank)
          .required(
              "queryKeyNoRopeHeadDim",
              integer(1),
              MultiHeadLatentAttention::queryKeyNoRopeHeadDim,
              ImmutableMultiHeadLatentAttention.Builder::queryKeyNoRopeHeadDim)
          .required(
              "queryKeyRopeHeadDim",
              integer(1),
              MultiHeadLatentAttention::queryKeyRopeHeadDim,
              ImmutableMultiHeadLatentAttention.Builder::queryKeyRopeHeadDim)
          .required(
              "valueHeadDim",
              integer(1),
              MultiHeadLatentAttention::valueHeadDim,
              ImmutableMultiHeadLatentAttention.Builder::valueHeadDim)
          .optional("bias", BOOLEAN, MultiHeadLatentAttention::bias, ImmutableMultiHeadLatentAttention.Builder::bias)
          .optional(
              "latentNormKind",
              enumeration(NormKind.class),
              MultiHeadLatentAttention::latentNormKind,
              ImmutableMultiHeadLatentAttention.Builder::latentNormKind)
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
          .required(
              "intermediateSize",
              integer(1),
              DenseFeedForward::intermediateSize,
              ImmutableDenseFeedForward.Builder::intermediateSize)
          .required("gated", BOOLEAN, DenseFeedForward::gated, ImmutableDenseFeedForward.Builder::gated)
          .optional("bias", BOOLEAN, DenseFeedForward::bias, ImmutableDenseFeedForward.Builder::bias)
          .build();

  /** A dense block (no {@code type} needed when it stands inside a mixture of experts). */
  public static final Codec<DenseFeedForward> DENSE =
      new Codec<>() {
        @Override
        public DenseFeedForward read(DocumentNode node) {
          // The type may be left out here, but a wrong one is an error, not silently a dense block.
          if (node.json().isObject() && node.json().hasNonNull("type")) {
            DocumentNode type = node.fields().required("type");
            if (!type.asText().equals("dense")) {
              throw type.error("a dense block's type must be dense, got " + type.describe());
            }
          }
          return DENSE_FIELDS.read(node);
        }

        @Override
        public JsonNode write(DenseFeedForward value) {
          return FEED_FORWARD.write(value);
        }

        @Override
        public ObjectNode schema(SchemaDefinitions definitions) {
          return definitions.ref(
              "denseBlock",
              () -> {
                ObjectNode fragment = DENSE_FIELDS.fragment(definitions);
                ObjectNode properties = (ObjectNode) fragment.get("properties");
                properties.set("type", properties.objectNode().put("const", "dense"));
                return fragment;
              });
        }
      };

  private static final ObjectCodec<MixtureOfExperts, ImmutableMixtureOfExperts.Builder> EXPERTS =
      ObjectCodec.builder(
              MixtureOfExperts.class,
              "mixtureOfExperts",
              MixtureOfExperts::builder,
              ImmutableMixtureOfExperts.Builder::build)
          .allow("type")
          .required("numExperts", integer(1), MixtureOfExperts::numExperts, ImmutableMixtureOfExperts.Builder::numExperts)
          .required(
              "expertsPerToken",
              integer(1),
              MixtureOfExperts::expertsPerToken,
              ImmutableMixtureOfExperts.Builder::expertsPerToken)
          .required(
              "expertIntermediateSize",
              integer(1),
              MixtureOfExperts::expertIntermediateSize,
              ImmutableMixtureOfExperts.Builder::expertIntermediateSize)
          .optional("gated", BOOLEAN, MixtureOfExperts::gated, ImmutableMixtureOfExperts.Builder::gated)
          .optional("expertBias", BOOLEAN, MixtureOfExperts::expertBias, ImmutableMixtureOfExperts.Builder::expertBias)
          .optional(
              "numSharedExperts",
              integer(0),
              MixtureOfExperts::numSharedExperts,
              ImmutableMixtureOfExperts.Builder::numSharedExperts)
          .optional(
              "sharedExpertIntermediateSize",
              integer(0),
              MixtureOfExperts::sharedExpertIntermediateSize,
              ImmutableMixtureOfExperts.Builder::sharedExpertIntermediateSize)
          .optional(
              "sharedExpertGate",
              BOOLEAN,
              MixtureOfExperts::sharedExpertGate,
              ImmutableMixtureOfExperts.Builder::sharedExpertGate)
          .optional("routerBias", BOOLEAN, MixtureOfExperts::routerBias, ImmutableMixtureOfExperts.Builder::routerBias)
          .optional(
              "expertScoreCorrectionBias",
              BOOLEAN,
              MixtureOfExperts::expertScoreCorrectionBias,
              ImmutableMixtureOfExperts.Builder::expertScoreCorrectionBias)
          .optional(
              "firstDenseLayers",
              integer(0),
              MixtureOfExperts::firstDenseLayers,
              ImmutableMixtureOfExperts.Builder::firstDenseLayers)
          .optional(
              "layerPeriod", integer(1), MixtureOfExperts::layerPeriod, ImmutableMixtureOfExperts.Builder::layerPeriod)
          .optional(
              "layerPhase", integer(0), MixtureOfExperts::layerPhase, ImmutableMixtureOfExperts.Builder::layerPhase)
          .optional(
              "denseLayers",
              ValueCodecs.integerSet(0),
              MixtureOfExperts::denseLayers,
              ImmutableMixtureOfExperts.Builder::addAllDenseLayers)
          .optionalIfSet(
              "denseFeedForward",
              DENSE,
              MixtureOfExperts::denseFeedForward,
              ImmutableMixtureOfExperts.Builder::denseFeedForward)
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
          .required("intermediateSize", integer(1), MambaMixer::intermediateSize, ImmutableMambaMixer.Builder::intermediateSize)
          .required("stateSize", integer(1), MambaMixer::stateSize, ImmutableMambaMixer.Builder::stateSize)
          .required("convKernel", integer(1), MambaMixer::convKernel, ImmutableMambaMixer.Builder::convKernel)
          .required("timeStepRank", integer(1), MambaMixer::timeStepRank, ImmutableMambaMixer.Builder::timeStepRank)
          .optional("convBias", BOOLEAN, MambaMixer::convBias, ImmutableMambaMixer.Builder::convBias)
          .optional("projectionBias", BOOLEAN, MambaMixer::projectionBias, ImmutableMambaMixer.Builder::projectionBias)
          .optional(
              "timeStepAndStateNorms",
              BOOLEAN,
              MambaMixer::timeStepAndStateNorms,
              ImmutableMambaMixer.Builder::timeStepAndStateNorms)
          .build();

  private static final ObjectCodec<Mamba2Mixer, ImmutableMamba2Mixer.Builder> MAMBA2 =
      ObjectCodec.builder(Mamba2Mixer.class, "mamba2Mixer", Mamba2Mixer::builder, ImmutableMamba2Mixer.Builder::build)
          .allow("type")
          .required("numHeads", integer(1), Mamba2Mixer::numHeads, ImmutableMamba2Mixer.Builder::numHeads)
          .required("headDim", integer(1), Mamba2Mixer::headDim, ImmutableMamba2Mixer.Builder::headDim)
          .required("stateSize", integer(1), Mamba2Mixer::stateSize, ImmutableMamba2Mixer.Builder::stateSize)
          .optional("numGroups", integer(1), Mamba2Mixer::numGroups, ImmutableMamba2Mixer.Builder::numGroups)
          .required("convKernel", integer(1), Mamba2Mixer::convKernel, ImmutableMamba2Mixer.Builder::convKernel)
          .optional("convBias", BOOLEAN, Mamba2Mixer::convBias, ImmutableMamba2Mixer.Builder::convBias)
          .optional("projectionBias", BOOLEAN, Mamba2Mixer::projectionBias, ImmutableMamba2Mixer.Builder::projectionBias)
          .build();

  private static final ObjectCodec<GatedDeltaNet, ImmutableGatedDeltaNet.Builder> GATED_DELTA_NET =
      ObjectCodec.builder(GatedDeltaNet.class, "gatedDeltaNet", GatedDeltaNet::builder, ImmutableGatedDeltaNet.Builder::build)
          .allow("type")
          .required("numKeyHeads", integer(1), GatedDeltaNet::numKeyHeads, ImmutableGatedDeltaNet.Builder::numKeyHeads)
          .required("keyHeadDim", integer(1), GatedDeltaNet::keyHeadDim, ImmutableGatedDeltaNet.Builder::keyHeadDim)
          .required("numValueHeads", integer(1), GatedDeltaNet::numValueHeads, ImmutableGatedDeltaNet.Builder::numValueHeads)
          .required("valueHeadDim", integer(1), GatedDeltaNet::valueHeadDim, ImmutableGatedDeltaNet.Builder::valueHeadDim)
          .required("convKernel", integer(1), GatedDeltaNet::convKernel, ImmutableGatedDeltaNet.Builder::convKernel)
          .build();

  private static final ObjectCodec<LightningAttention, ImmutableLightningAttention.Builder> LIGHTNING =
      ObjectCodec.builder(
              LightningAttention.class,
              "lightningAttention",
              LightningAttention::builder,
              ImmutableLightningAttention.Builder::build)
          .allow("type")
          .required("numHeads", integer(1), LightningAttention::numHeads, ImmutableLightningAttention.Builder::numHeads)
          .required("headDim", integer(1), LightningAttention::headDim, ImmutableLightningAttention.Builder::headDim)
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
          .required(
              "numModules", integer(1), MultiTokenPrediction::numModules, ImmutableMultiTokenPrediction.Builder::numModules)
          .optional(
              "sparseFeedForward",
              BOOLEAN,
              MultiTokenPrediction::sparseFeedForward,
              ImmutableMultiTokenPrediction.Builder::sparseFeedForward)
          .optional(
              "embeddingAndHeadCopies",
              BOOLEAN,
              MultiTokenPrediction::embeddingAndHeadCopies,
              ImmutableMultiTokenPrediction.Builder::embeddingAndHeadCopies)
          .build();

  /** A whole architecture. */
  public static final Codec<Architecture> ARCHITECTURE =
      ObjectCodec.builder(Architecture.class, "architecture", Architecture::builder, ImmutableArchitecture.Builder::build)
          .optional("family", NAME, Architecture::family, ImmutableArchitecture.Builder::family)
          .required("vocabSize", integer(1), Architecture::vocabSize, ImmutableArchitecture.Builder::vocabSize)
          .required("hiddenSize", integer(1), Architecture::hiddenSize, ImmutableArchitecture.Builder::hiddenSize)
          .required("numLayers", integer(1), Architecture::numLayers, ImmutableArchitecture.Builder::numLayers)
          .required("contextLength", integer(1), Architecture::contextLength, ImmutableArchitecture.Builder::contextLength)
          .required("attention", ATTENTION, Architecture::attention, ImmutableArchitecture.Builder::attention)
          .required("feedForward", FEED_FORWARD, Architecture::feedForward, ImmutableArchitecture.Builder::feedForward)
          .required("normKind", enumeration(NormKind.class), Architecture::normKind, ImmutableArchitecture.Builder::normKind)
          .optional("normsPerLayer", integer(0), Architecture::normsPerLayer, ImmutableArchitecture.Builder::normsPerLayer)
          .optional("finalNorm", BOOLEAN, Architecture::finalNorm, ImmutableArchitecture.Builder::finalNorm)
          .required("tiedEmbeddings", BOOLEAN, Architecture::tiedEmbeddings, ImmutableArchitecture.Builder::tiedEmbeddings)
          .optional("outputHeadBias", BOOLEAN, Architecture::outputHeadBias, ImmutableArchitecture.Builder::outputHeadBias)
          .optional(
              "positionEncoding",
              enumeration(PositionEncoding.class),
              Architecture::positionEncoding,
              ImmutableArchitecture.Builder::positionEncoding)
          .optionalIntIfSet(
              "slidingWindow", integer(1), Architecture::slidingWindow, ImmutableArchitecture.Builder::slidingWindow)
          .optional(
              "slidingWindowLayers",
              integer(0),
              Architecture::slidingWindowLayers,
              ImmutableArchitecture.Builder::slidingWindowLayers)
          .optional(
              "parallelAttentionAndFeedForward",
              BOOLEAN,
              Architecture::parallelAttentionAndFeedForward,
              ImmutableArchitecture.Builder::parallelAttentionAndFeedForward)
          .optionalIfSet(
              "sequenceMixer", SEQUENCE_MIXER, Architecture::sequenceMixer, ImmutableArchitecture.Builder::sequenceMixer)
          .optional(
              "sequenceMixerLayerIndices",
              ValueCodecs.integerSet(0),
              Architecture::sequenceMixerLayerIndices,
              ImmutableArchitecture.Builder::addAllSequenceMixerLayerIndices,
              value -> value.sequenceMixerLayers() > 0)
          .optional(
              "feedForwardLayers",
              integer(0),
              Architecture::feedForwardLayers,
              ImmutableArchitecture.Builder::feedForwardLayers,
              value -> value.feedForwardLayers() != value.numLayers())
          .optionalIfSet(
              "multiTokenPrediction",
              MULTI_TOKEN_PREDICTION,
              Architecture::multiTokenPrediction,
              ImmutableArchitecture.Builder::multiTokenPrediction)
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
          .required("numLayers", integer(1), Architecture::numLayers)
          .required("hiddenSize", integer(1), Architecture::hiddenSize)
          .required("numAttentionHeads", integer(1), value -> value.attention().numAttentionHeads())
          .required("vocabSize", integer(1), Architecture::vocabSize)
          .required("sequenceLength", integer(1), Architecture::contextLength)
          .build();

  /**
   * The Megatron papers' GPT models by their five numbers ({@link Architecture#megatronGpt}); written back as a
   * full architecture, since the shorthand is only a way in.
   */
  public static final Codec<Architecture> MEGATRON_GPT =
      new Codec<>() {
        @Override
        public Architecture read(DocumentNode node) {
          return MEGATRON_GPT_FIELDS.read(node);
        }

        @Override
        public JsonNode write(Architecture value) {
          return ARCHITECTURE.write(value);
        }

        @Override
        public ObjectNode schema(SchemaDefinitions definitions) {
          return MEGATRON_GPT_FIELDS.schema(definitions);
        }
      };
}
