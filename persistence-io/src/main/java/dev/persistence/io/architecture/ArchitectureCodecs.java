package dev.persistence.io.architecture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.Attention;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.FeedForward;
import dev.persistence.core.architecture.GatedDeltaNet;
import dev.persistence.core.architecture.GroupedQueryAttention;
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
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectFields;
import java.util.List;
import java.util.TreeSet;

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
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ArchitectureCodecs() {}

  /** Grouped-query (multi-head, multi-query) and multi-head latent attention. */
  public static final Codec<Attention> ATTENTION =
      new Codec<>() {
        @Override
        public Attention read(DocumentNode node) {
          ObjectFields fields = node.fields();
          String type = fields.requiredText("type");
          Attention attention;
          switch (type) {
            case "grouped-query":
              attention = readGroupedQuery(node, fields);
              break;
            case "multi-head-latent":
              attention = readLatent(node, fields);
              break;
            default:
              throw fields
                  .required("type")
                  .error("unknown attention type \"" + type + "\"; expected grouped-query or multi-head-latent");
          }
          fields.finish();
          return attention;
        }

        @Override
        public JsonNode write(Attention value) {
          ObjectNode out = NODES.objectNode();
          if (value instanceof GroupedQueryAttention) {
            GroupedQueryAttention gqa = (GroupedQueryAttention) value;
            out.put("type", "grouped-query");
            out.put("numAttentionHeads", gqa.numAttentionHeads());
            out.put("numKeyValueHeads", gqa.numKeyValueHeads());
            out.put("headDim", gqa.headDim());
            out.put("queryKeyValueBias", gqa.queryKeyValueBias());
            out.put("outputBias", gqa.outputBias());
            out.put("queryKeyNorm", EnumNames.kebabCase(gqa.queryKeyNorm()));
            out.put("queryKeyNormKind", EnumNames.kebabCase(gqa.queryKeyNormKind()));
            out.put("attentionSinks", gqa.attentionSinks());
            if (gqa.outputGate()) {
              out.put("outputGate", true);
            }
          } else {
            MultiHeadLatentAttention mla = (MultiHeadLatentAttention) value;
            out.put("type", "multi-head-latent");
            out.put("numAttentionHeads", mla.numAttentionHeads());
            mla.queryLowRank().ifPresent(rank -> out.put("queryLowRank", rank));
            out.put("keyValueLowRank", mla.keyValueLowRank());
            out.put("queryKeyNoRopeHeadDim", mla.queryKeyNoRopeHeadDim());
            out.put("queryKeyRopeHeadDim", mla.queryKeyRopeHeadDim());
            out.put("valueHeadDim", mla.valueHeadDim());
            out.put("bias", mla.bias());
            out.put("latentNormKind", EnumNames.kebabCase(mla.latentNormKind()));
          }
          return out;
        }
      };

  private static Attention readGroupedQuery(DocumentNode node, ObjectFields fields) {
    var builder =
        GroupedQueryAttention.builder()
            .numAttentionHeads(fields.requiredInt("numAttentionHeads"))
            .headDim(fields.requiredInt("headDim"));
    fields.optionalInt("numKeyValueHeads").ifPresent(builder::numKeyValueHeads);
    fields.optionalBoolean("queryKeyValueBias").ifPresent(builder::queryKeyValueBias);
    fields.optionalBoolean("outputBias").ifPresent(builder::outputBias);
    fields.optionalEnum("queryKeyNorm", QueryKeyNorm.class).ifPresent(builder::queryKeyNorm);
    fields.optionalEnum("queryKeyNormKind", NormKind.class).ifPresent(builder::queryKeyNormKind);
    fields.optionalBoolean("attentionSinks").ifPresent(builder::attentionSinks);
    fields.optionalBoolean("outputGate").ifPresent(builder::outputGate);
    return node.build(builder::build);
  }

  private static Attention readLatent(DocumentNode node, ObjectFields fields) {
    var builder =
        MultiHeadLatentAttention.builder()
            .numAttentionHeads(fields.requiredInt("numAttentionHeads"))
            .keyValueLowRank(fields.requiredInt("keyValueLowRank"))
            .queryKeyNoRopeHeadDim(fields.requiredInt("queryKeyNoRopeHeadDim"))
            .queryKeyRopeHeadDim(fields.requiredInt("queryKeyRopeHeadDim"))
            .valueHeadDim(fields.requiredInt("valueHeadDim"));
    fields.optionalInt("queryLowRank").ifPresent(builder::queryLowRank);
    fields.optionalBoolean("bias").ifPresent(builder::bias);
    fields.optionalEnum("latentNormKind", NormKind.class).ifPresent(builder::latentNormKind);
    return node.build(builder::build);
  }

  /** A dense block (no {@code type} needed when it stands inside a mixture of experts). */
  public static final Codec<DenseFeedForward> DENSE =
      new Codec<>() {
        @Override
        public DenseFeedForward read(DocumentNode node) {
          ObjectFields fields = node.fields();
          // The type may be left out here, but a wrong one is an error, not silently a dense block.
          fields.optional("type").ifPresent(
              type -> {
                if (!type.asText().equals("dense")) {
                  throw type.error("a dense block's type must be dense, got " + type.describe());
                }
              });
          DenseFeedForward dense = readDense(node, fields);
          fields.finish();
          return dense;
        }

        @Override
        public JsonNode write(DenseFeedForward value) {
          ObjectNode out = NODES.objectNode();
          out.put("type", "dense");
          out.put("intermediateSize", value.intermediateSize());
          out.put("gated", value.gated());
          out.put("bias", value.bias());
          return out;
        }
      };

  private static DenseFeedForward readDense(DocumentNode node, ObjectFields fields) {
    var builder =
        DenseFeedForward.builder()
            .intermediateSize(fields.requiredInt("intermediateSize"))
            .gated(fields.requiredBoolean("gated"));
    fields.optionalBoolean("bias").ifPresent(builder::bias);
    return node.build(builder::build);
  }

  /** Dense blocks and mixtures of experts. */
  public static final Codec<FeedForward> FEED_FORWARD =
      new Codec<>() {
        @Override
        public FeedForward read(DocumentNode node) {
          ObjectFields fields = node.fields();
          String type = fields.requiredText("type");
          FeedForward result;
          switch (type) {
            case "dense":
              result = readDense(node, fields);
              break;
            case "mixture-of-experts":
              result = readExperts(node, fields);
              break;
            default:
              throw fields
                  .required("type")
                  .error("unknown feed-forward type \"" + type + "\"; expected dense or mixture-of-experts");
          }
          fields.finish();
          return result;
        }

        @Override
        public JsonNode write(FeedForward value) {
          if (value instanceof DenseFeedForward) {
            return DENSE.write((DenseFeedForward) value);
          }
          MixtureOfExperts moe = (MixtureOfExperts) value;
          ObjectNode out = NODES.objectNode();
          out.put("type", "mixture-of-experts");
          out.put("numExperts", moe.numExperts());
          out.put("expertsPerToken", moe.expertsPerToken());
          out.put("expertIntermediateSize", moe.expertIntermediateSize());
          out.put("gated", moe.gated());
          out.put("expertBias", moe.expertBias());
          out.put("numSharedExperts", moe.numSharedExperts());
          out.put("sharedExpertIntermediateSize", moe.sharedExpertIntermediateSize());
          out.put("sharedExpertGate", moe.sharedExpertGate());
          out.put("routerBias", moe.routerBias());
          out.put("expertScoreCorrectionBias", moe.expertScoreCorrectionBias());
          out.put("firstDenseLayers", moe.firstDenseLayers());
          out.put("layerPeriod", moe.layerPeriod());
          out.put("layerPhase", moe.layerPhase());
          var dense = out.putArray("denseLayers");
          new TreeSet<>(moe.denseLayers()).forEach(dense::add);
          moe.denseFeedForward().ifPresent(block -> out.set("denseFeedForward", DENSE.write(block)));
          return out;
        }
      };

  private static FeedForward readExperts(DocumentNode node, ObjectFields fields) {
    var builder =
        MixtureOfExperts.builder()
            .numExperts(fields.requiredInt("numExperts"))
            .expertsPerToken(fields.requiredInt("expertsPerToken"))
            .expertIntermediateSize(fields.requiredInt("expertIntermediateSize"));
    fields.optionalBoolean("gated").ifPresent(builder::gated);
    fields.optionalBoolean("expertBias").ifPresent(builder::expertBias);
    fields.optionalInt("numSharedExperts").ifPresent(builder::numSharedExperts);
    fields.optionalInt("sharedExpertIntermediateSize").ifPresent(builder::sharedExpertIntermediateSize);
    fields.optionalBoolean("sharedExpertGate").ifPresent(builder::sharedExpertGate);
    fields.optionalBoolean("routerBias").ifPresent(builder::routerBias);
    fields.optionalBoolean("expertScoreCorrectionBias").ifPresent(builder::expertScoreCorrectionBias);
    fields.optionalInt("firstDenseLayers").ifPresent(builder::firstDenseLayers);
    fields.optionalInt("layerPeriod").ifPresent(builder::layerPeriod);
    fields.optionalInt("layerPhase").ifPresent(builder::layerPhase);
    List<Integer> denseLayers = fields.intList("denseLayers");
    builder.addAllDenseLayers(denseLayers);
    fields.optional("denseFeedForward", DENSE).ifPresent(builder::denseFeedForward);
    return node.build(builder::build);
  }

  /**
   * The sequence mixers of hybrid and state-space stacks, by {@code type}: {@code mamba} ({@link MambaMixer}),
   * {@code mamba2} ({@link Mamba2Mixer}), {@code gated-deltanet} ({@link GatedDeltaNet}) or {@code lightning}
   * ({@link LightningAttention}); fields are the
   * accessors' names.
   */
  public static final Codec<SequenceMixer> SEQUENCE_MIXER =
      new Codec<>() {
        @Override
        public SequenceMixer read(DocumentNode node) {
          ObjectFields fields = node.fields();
          String type = fields.requiredText("type");
          SequenceMixer result;
          switch (type) {
            case "mamba":
              {
                var builder =
                    MambaMixer.builder()
                        .intermediateSize(fields.requiredInt("intermediateSize"))
                        .stateSize(fields.requiredInt("stateSize"))
                        .convKernel(fields.requiredInt("convKernel"))
                        .timeStepRank(fields.requiredInt("timeStepRank"));
                fields.optionalBoolean("convBias").ifPresent(builder::convBias);
                fields.optionalBoolean("projectionBias").ifPresent(builder::projectionBias);
                fields.optionalBoolean("timeStepAndStateNorms").ifPresent(builder::timeStepAndStateNorms);
                result = node.build(builder::build);
                break;
              }
            case "mamba2":
              {
                var builder =
                    Mamba2Mixer.builder()
                        .numHeads(fields.requiredInt("numHeads"))
                        .headDim(fields.requiredInt("headDim"))
                        .stateSize(fields.requiredInt("stateSize"))
                        .convKernel(fields.requiredInt("convKernel"));
                fields.optionalInt("numGroups").ifPresent(builder::numGroups);
                fields.optionalBoolean("convBias").ifPresent(builder::convBias);
                fields.optionalBoolean("projectionBias").ifPresent(builder::projectionBias);
                result = node.build(builder::build);
                break;
              }
            case "gated-deltanet":
              {
                var builder =
                    GatedDeltaNet.builder()
                        .numKeyHeads(fields.requiredInt("numKeyHeads"))
                        .keyHeadDim(fields.requiredInt("keyHeadDim"))
                        .numValueHeads(fields.requiredInt("numValueHeads"))
                        .valueHeadDim(fields.requiredInt("valueHeadDim"))
                        .convKernel(fields.requiredInt("convKernel"));
                result = node.build(builder::build);
                break;
              }
            case "lightning":
              {
                var builder =
                    LightningAttention.builder()
                        .numHeads(fields.requiredInt("numHeads"))
                        .headDim(fields.requiredInt("headDim"));
                result = node.build(builder::build);
                break;
              }
            default:
              throw fields
                  .required("type")
                  .error(
                      "unknown sequence mixer type \""
                          + type
                          + "\"; expected mamba, mamba2, gated-deltanet or lightning");
          }
          fields.finish();
          return result;
        }

        @Override
        public JsonNode write(SequenceMixer value) {
          ObjectNode out = NODES.objectNode();
          out.put("type", value.kind());
          if (value instanceof MambaMixer) {
            MambaMixer mamba = (MambaMixer) value;
            out.put("intermediateSize", mamba.intermediateSize());
            out.put("stateSize", mamba.stateSize());
            out.put("convKernel", mamba.convKernel());
            out.put("timeStepRank", mamba.timeStepRank());
            out.put("convBias", mamba.convBias());
            out.put("projectionBias", mamba.projectionBias());
            out.put("timeStepAndStateNorms", mamba.timeStepAndStateNorms());
          } else if (value instanceof Mamba2Mixer) {
            Mamba2Mixer mamba = (Mamba2Mixer) value;
            out.put("numHeads", mamba.numHeads());
            out.put("headDim", mamba.headDim());
            out.put("stateSize", mamba.stateSize());
            out.put("numGroups", mamba.numGroups());
            out.put("convKernel", mamba.convKernel());
            out.put("convBias", mamba.convBias());
            out.put("projectionBias", mamba.projectionBias());
          } else if (value instanceof LightningAttention) {
            LightningAttention lightning = (LightningAttention) value;
            out.put("numHeads", lightning.numHeads());
            out.put("headDim", lightning.headDim());
          } else {
            GatedDeltaNet net = (GatedDeltaNet) value;
            out.put("numKeyHeads", net.numKeyHeads());
            out.put("keyHeadDim", net.keyHeadDim());
            out.put("numValueHeads", net.numValueHeads());
            out.put("valueHeadDim", net.valueHeadDim());
            out.put("convKernel", net.convKernel());
          }
          return out;
        }
      };

  /** Multi-token-prediction modules ({@link MultiTokenPrediction}). */
  public static final Codec<MultiTokenPrediction> MULTI_TOKEN_PREDICTION =
      new Codec<>() {
        @Override
        public MultiTokenPrediction read(DocumentNode node) {
          ObjectFields fields = node.fields();
          var builder = MultiTokenPrediction.builder().numModules(fields.requiredInt("numModules"));
          fields.optionalBoolean("sparseFeedForward").ifPresent(builder::sparseFeedForward);
          fields.optionalBoolean("embeddingAndHeadCopies").ifPresent(builder::embeddingAndHeadCopies);
          fields.finish();
          return node.build(builder::build);
        }

        @Override
        public JsonNode write(MultiTokenPrediction value) {
          ObjectNode out = NODES.objectNode();
          out.put("numModules", value.numModules());
          out.put("sparseFeedForward", value.sparseFeedForward());
          out.put("embeddingAndHeadCopies", value.embeddingAndHeadCopies());
          return out;
        }
      };

  /** A whole architecture. */
  public static final Codec<Architecture> ARCHITECTURE =
      new Codec<>() {
        @Override
        public Architecture read(DocumentNode node) {
          ObjectFields fields = node.fields();
          var builder =
              Architecture.builder()
                  .vocabSize(fields.requiredInt("vocabSize"))
                  .hiddenSize(fields.requiredInt("hiddenSize"))
                  .numLayers(fields.requiredInt("numLayers"))
                  .contextLength(fields.requiredInt("contextLength"))
                  .attention(fields.required("attention", ATTENTION))
                  .feedForward(fields.required("feedForward", FEED_FORWARD))
                  .normKind(fields.requiredEnum("normKind", NormKind.class))
                  .tiedEmbeddings(fields.requiredBoolean("tiedEmbeddings"));
          fields.optionalText("family").ifPresent(builder::family);
          fields.optionalInt("normsPerLayer").ifPresent(builder::normsPerLayer);
          fields.optionalBoolean("finalNorm").ifPresent(builder::finalNorm);
          fields.optionalBoolean("outputHeadBias").ifPresent(builder::outputHeadBias);
          fields.optionalEnum("positionEncoding", PositionEncoding.class).ifPresent(builder::positionEncoding);
          fields.optionalInt("slidingWindow").ifPresent(builder::slidingWindow);
          fields.optionalInt("slidingWindowLayers").ifPresent(builder::slidingWindowLayers);
          fields
              .optionalBoolean("parallelAttentionAndFeedForward")
              .ifPresent(builder::parallelAttentionAndFeedForward);
          fields.optional("sequenceMixer", SEQUENCE_MIXER).ifPresent(builder::sequenceMixer);
          builder.addAllSequenceMixerLayerIndices(fields.intList("sequenceMixerLayerIndices"));
          fields.optionalInt("feedForwardLayers").ifPresent(builder::feedForwardLayers);
          fields.optional("multiTokenPrediction", MULTI_TOKEN_PREDICTION).ifPresent(builder::multiTokenPrediction);
          fields.finish();
          return node.build(builder::build);
        }

        @Override
        public JsonNode write(Architecture value) {
          ObjectNode out = NODES.objectNode();
          out.put("family", value.family());
          out.put("vocabSize", value.vocabSize());
          out.put("hiddenSize", value.hiddenSize());
          out.put("numLayers", value.numLayers());
          out.put("contextLength", value.contextLength());
          out.set("attention", ATTENTION.write(value.attention()));
          out.set("feedForward", FEED_FORWARD.write(value.feedForward()));
          out.put("normKind", EnumNames.kebabCase(value.normKind()));
          out.put("normsPerLayer", value.normsPerLayer());
          out.put("finalNorm", value.finalNorm());
          out.put("tiedEmbeddings", value.tiedEmbeddings());
          out.put("outputHeadBias", value.outputHeadBias());
          out.put("positionEncoding", EnumNames.kebabCase(value.positionEncoding()));
          value.slidingWindow().ifPresent(window -> out.put("slidingWindow", window));
          out.put("slidingWindowLayers", value.slidingWindowLayers());
          out.put("parallelAttentionAndFeedForward", value.parallelAttentionAndFeedForward());
          value.sequenceMixer().ifPresent(mixer -> out.set("sequenceMixer", SEQUENCE_MIXER.write(mixer)));
          if (value.sequenceMixerLayers() > 0) {
            var indices = out.putArray("sequenceMixerLayerIndices");
            new TreeSet<>(value.sequenceMixerLayerIndices()).forEach(indices::add);
          }
          if (value.feedForwardLayers() != value.numLayers()) {
            out.put("feedForwardLayers", value.feedForwardLayers());
          }
          value
              .multiTokenPrediction()
              .ifPresent(mtp -> out.set("multiTokenPrediction", MULTI_TOKEN_PREDICTION.write(mtp)));
          return out;
        }
      };

  /**
   * The Megatron papers' GPT models by their five numbers ({@link Architecture#megatronGpt}); written back as a
   * full architecture, since the shorthand is only a way in.
   */
  public static final Codec<Architecture> MEGATRON_GPT =
      new Codec<>() {
        @Override
        public Architecture read(DocumentNode node) {
          ObjectFields fields = node.fields();
          int layers = fields.requiredInt("numLayers");
          int hidden = fields.requiredInt("hiddenSize");
          int heads = fields.requiredInt("numAttentionHeads");
          int vocab = fields.requiredInt("vocabSize");
          int sequence = fields.requiredInt("sequenceLength");
          fields.finish();
          return node.build(() -> Architecture.megatronGpt(layers, hidden, heads, vocab, sequence));
        }

        @Override
        public JsonNode write(Architecture value) {
          return ARCHITECTURE.write(value);
        }
      };
}
