package dev.persistence.core.flops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.Attention;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.PositionEncoding;
import dev.persistence.core.architecture.SequenceMixer;
import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.ExactCounts;
import dev.persistence.core.parallelism.ActivationRecomputation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FLOPs per token of an {@link Architecture} under each {@link FlopConvention}.
 *
 * <p>Every convention counts 2 FLOPs per multiply-accumulate and a backward pass of twice the forward pass
 * (Kaplan et al. 2020 section 2.1; Hoffmann et al. 2022 Appendix F). Recomputation adds forward work: the whole
 * forward pass of the layers under {@link ActivationRecomputation#FULL}, the attention core (scores, softmax,
 * attention over values) under {@link ActivationRecomputation#SELECTIVE}, except under
 * {@link FlopConvention#MEGATRON}, which reproduces the papers' equations as printed.
 *
 * <p>Hybrid stacks: only the attention layers pay the attention core, which grows with the sequence; the
 * sequence-mixer layers (Mamba, Mamba-2, gated DeltaNet) pay their projections and a recurrence whose cost per
 * token is constant ({@link SequenceMixer#recurrenceFlopsPerToken()}), so their FLOPs are linear in the sequence
 * length (Gu and Dao 2023, arXiv:2312.00752 section 3.3). {@link FlopConvention#MEGATRON} is the GPT formula of
 * its papers and ignores them.
 */
public final class FlopAccounting {

  private FlopAccounting() {}

  /**
   * FLOPs per token without recomputation, for causal training.
   *
   * @param architecture the model
   * @param sequenceLength tokens per sequence, {@code > 0}
   * @param convention how to count
   * @throws IllegalArgumentException if {@code sequenceLength} is not positive, or exceeds a learned position
   *     table
   */
  public static FlopEstimate estimate(Architecture architecture, int sequenceLength, FlopConvention convention) {
    return estimate(architecture, sequenceLength, convention, ActivationRecomputation.NONE);
  }

  /**
   * FLOPs per token for causal training with the given recomputation.
   *
   * @param architecture the model
   * @param sequenceLength tokens per sequence, {@code > 0}
   * @param convention how to count
   * @param recomputation which activations the backward pass recomputes
   * @throws IllegalArgumentException if {@code sequenceLength} is not positive, or exceeds a learned position
   *     table
   */
  public static FlopEstimate estimate(
      Architecture architecture,
      int sequenceLength,
      FlopConvention convention,
      ActivationRecomputation recomputation) {
    Checks.positive("sequenceLength", sequenceLength);
    checkArgument(
        architecture.positionEncoding() != PositionEncoding.LEARNED_ABSOLUTE
            || sequenceLength <= architecture.contextLength(),
        "sequenceLength (%s) must be <= contextLength (%s) with learned absolute positions",
        sequenceLength,
        architecture.contextLength());
    return ExactCounts.within(
        "FLOPs per token of " + architecture.family() + " config",
        ExactCounts.inputs(
            "numLayers", architecture.numLayers(),
            "hiddenSize", architecture.hiddenSize(),
            "vocabSize", architecture.vocabSize()),
        () -> dispatch(architecture, sequenceLength, convention, recomputation));
  }

  private static FlopEstimate dispatch(
      Architecture architecture,
      int sequenceLength,
      FlopConvention convention,
      ActivationRecomputation recomputation) {
    switch (convention) {
      case EXACT:
        return exact(architecture, sequenceLength, recomputation);
      case KAPLAN:
      case KAPLAN_6N:
        return kaplan(architecture, sequenceLength, convention, recomputation);
      case CHINCHILLA:
      case CHINCHILLA_TABLE_A4:
        return chinchilla(architecture, sequenceLength, convention, recomputation);
      case MEGATRON:
        return megatron(architecture, sequenceLength, recomputation);
      default:
        throw new AssertionError(convention);
    }
  }

  /**
   * Mean number of keys a query attends to in a causal sequence: {@code (s + 1) / 2} without a window, and
   * {@code (w(w+1)/2 + (s - w) w) / s} with a window {@code w < s}.
   *
   * @param sequenceLength tokens per sequence, {@code > 0}
   * @param window attention window in tokens, or {@code 0} for none
   */
  public static double meanCausalContext(int sequenceLength, int window) {
    double s = sequenceLength;
    if (window <= 0 || window >= sequenceLength) {
      return (s + 1) / 2;
    }
    double w = window;
    return (w * (w + 1) / 2 + (s - w) * w) / s;
  }

  /** Attention-core FLOPs per token summed over layers: scores and attention over values, causal. */
  private static double attentionCoreFlops(Architecture architecture, int sequenceLength) {
    Attention attention = architecture.attention();
    double perAttendedToken =
        2.0 * attention.numAttentionHeads() * (attention.queryKeyHeadDim() + attention.valueHeadDim());
    int slidingLayers = architecture.slidingWindowLayers();
    int globalLayers = architecture.attentionLayers() - slidingLayers;
    double context = globalLayers * meanCausalContext(sequenceLength, 0);
    if (slidingLayers > 0) {
      context += slidingLayers * meanCausalContext(sequenceLength, architecture.slidingWindow().getAsInt());
    }
    return perAttendedToken * context;
  }

  /**
   * Forward FLOPs per token of the sequence mixers' convolutions and recurrences, summed over their layers
   * ({@link SequenceMixer#recurrenceFlopsPerToken()}): constant in the sequence length.
   */
  static double recurrenceFlops(Architecture architecture) {
    return architecture
        .sequenceMixer()
        .map(mixer -> architecture.sequenceMixerLayers() * mixer.recurrenceFlopsPerToken())
        .orElse(0.0);
  }

  /**
   * Forward FLOPs per token by component under {@link FlopConvention#EXACT}, without recomputation: attention
   * projections, attention core (scores and values; grows with the sequence), sequence-mixer projections,
   * sequence-mixer recurrence (constant in the sequence), feed-forward (dense and active experts with routers),
   * output head, and the multi-token-prediction modules (trained beside the model, not part of
   * {@link #estimate}). The components other than the last sum to the exact forward FLOPs up to norms and biases.
   *
   * @param architecture the model
   * @param sequenceLength tokens per sequence, {@code > 0}
   * @throws IllegalArgumentException if {@code sequenceLength} is not positive
   */
  public static Map<String, Double> forwardFlopsByComponent(Architecture architecture, int sequenceLength) {
    Checks.positive("sequenceLength", sequenceLength);
    long hidden = architecture.hiddenSize();
    Map<String, Double> result = new LinkedHashMap<>();
    result.put("attention projections", 2.0 * attentionMatrixWeights(architecture));
    result.put("attention core", attentionCoreFlops(architecture, sequenceLength));
    double mixerWeights =
        architecture
            .sequenceMixer()
            .map(mixer -> (double) architecture.sequenceMixerLayers() * mixer.matrixWeights(hidden))
            .orElse(0.0);
    result.put("sequence-mixer projections", 2 * mixerWeights);
    result.put("sequence-mixer recurrence", recurrenceFlops(architecture));
    double feedForward = 0;
    if (architecture.denseLayers() > 0) {
      feedForward += (double) architecture.denseLayers()
          * architecture.denseFeedForward().orElseThrow().matrixWeights(hidden);
    }
    if (architecture.feedForward() instanceof MixtureOfExperts) {
      feedForward += (double) architecture.sparseLayers()
          * ((MixtureOfExperts) architecture.feedForward()).activeMatrixWeights(hidden);
    }
    result.put("feed-forward", 2 * feedForward);
    result.put("output head", 2.0 * architecture.vocabSize() * hidden);
    double mtp =
        architecture
            .multiTokenPrediction()
            .map(
                modules ->
                    2.0 * modules.activeMatrixWeights(architecture)
                        + modules.numModules()
                            * attentionCoreFlops(architecture, sequenceLength)
                            / Math.max(1, architecture.attentionLayers()))
            .orElse(0.0);
    result.put("multi-token prediction", mtp);
    return result;
  }

  private static FlopEstimate exact(
      Architecture architecture, int sequenceLength, ActivationRecomputation recomputation) {
    double activeParameters = architecture.parameters().activeParametersExcludingEmbedding();
    double attentionCore = attentionCoreFlops(architecture, sequenceLength);
    double forward = 2 * activeParameters + attentionCore + recurrenceFlops(architecture);
    double head = 2.0 * architecture.vocabSize() * architecture.hiddenSize();
    return of(FlopConvention.EXACT, sequenceLength, recomputation, forward, forward - head, attentionCore);
  }

  /**
   * Attention projection weights summed over the attention layers, less the key and value projections that
   * cross-layer attention leaves out ({@link Architecture#crossLayerKeyValueShare()}).
   */
  static double attentionMatrixWeights(Architecture architecture) {
    long hidden = architecture.hiddenSize();
    double weights = (double) architecture.attentionLayers() * architecture.attention().matrixWeights(hidden);
    int reusing = architecture.attentionLayers() - architecture.keyValueLayers();
    if (reusing > 0) {
      weights -= reusing * 2.0 * hidden * ((GroupedQueryAttention) architecture.attention()).keyValueWidth();
    }
    return weights;
  }

  /** Non-embedding matrix weights one token uses: Kaplan et al. 2020 eq. 2.1, generalised. */
  static double activeMatrixWeightsWithoutHead(Architecture architecture) {
    long hidden = architecture.hiddenSize();
    double weights = attentionMatrixWeights(architecture);
    if (architecture.sequenceMixer().isPresent()) {
      weights += (double) architecture.sequenceMixerLayers()
          * architecture.sequenceMixer().get().matrixWeights(hidden);
    }
    if (architecture.denseLayers() > 0) {
      weights += (double) architecture.denseLayers()
          * architecture.denseFeedForward().orElseThrow().matrixWeights(hidden);
    }
    if (architecture.feedForward() instanceof MixtureOfExperts) {
      weights += (double) architecture.sparseLayers()
          * ((MixtureOfExperts) architecture.feedForward()).activeMatrixWeights(hidden);
    }
    return weights;
  }

  private static FlopEstimate kaplan(
      Architecture architecture,
      int sequenceLength,
      FlopConvention convention,
      ActivationRecomputation recomputation) {
    double n = activeMatrixWeightsWithoutHead(architecture);
    double attentionDim =
        (double) architecture.attention().numAttentionHeads() * architecture.attention().queryKeyHeadDim();
    double context =
        convention == FlopConvention.KAPLAN_6N
            ? 0
            : 2.0 * architecture.attentionLayers() * sequenceLength * attentionDim;
    double forward = 2 * n + context;
    return of(convention, sequenceLength, recomputation, forward, forward, context);
  }

  private static FlopEstimate chinchilla(
      Architecture architecture,
      int sequenceLength,
      FlopConvention convention,
      ActivationRecomputation recomputation) {
    Attention attention = architecture.attention();
    double s = sequenceLength;
    double heads = attention.numAttentionHeads();
    // Hoffmann et al. 2022 Appendix F, per token (the paper's per-sequence terms divided by seq).
    double logits = 2 * s * heads * attention.queryKeyHeadDim();
    double softmax = 3 * heads * s;
    double softmaxTimesValues = 2 * s * heads * attention.valueHeadDim();
    double attentionCore = architecture.attentionLayers() * (logits + softmax + softmaxTimesValues);
    double layers = 2 * activeMatrixWeightsWithoutHead(architecture) + attentionCore;
    double forward = layers;
    if (convention == FlopConvention.CHINCHILLA) {
      double vocabTimesHidden = (double) architecture.vocabSize() * architecture.hiddenSize();
      forward += 2 * vocabTimesHidden /* embeddings */ + 2 * vocabTimesHidden /* final logits */;
    }
    return of(convention, sequenceLength, recomputation, forward, layers, attentionCore);
  }

  private static FlopEstimate megatron(
      Architecture architecture, int sequenceLength, ActivationRecomputation recomputation) {
    double layers = architecture.numLayers();
    double h = architecture.hiddenSize();
    double s = sequenceLength;
    double vocab = architecture.vocabSize();
    // Korthikanti et al. 2022 eq. 7 divided by B*s, split into the forward third: 24Lh^2 + 4Lsh + 2hV.
    double forward = 24 * layers * h * h + 4 * layers * s * h + 2 * h * vocab;
    double recomputed;
    switch (recomputation) {
      case SELECTIVE:
        // eq. 8 minus eq. 7 as printed: 72BLsh^2 (s/(3h) - s/(6h)) = 12 B L s^2 h.
        recomputed = 12 * layers * s * h;
        break;
      case FULL:
        // Narayanan et al. 2021 eq. 3 minus eq. 7: one more forward pass of every layer.
        recomputed = 24 * layers * h * h + 4 * layers * s * h;
        break;
      case NONE:
      default:
        recomputed = 0;
    }
    return new FlopEstimate(
        FlopConvention.MEGATRON, sequenceLength, recomputation, forward, 2 * forward, recomputed);
  }

  private static FlopEstimate of(
      FlopConvention convention,
      int sequenceLength,
      ActivationRecomputation recomputation,
      double forward,
      double fullRecomputation,
      double selectiveRecomputation) {
    double recomputed;
    switch (recomputation) {
      case FULL:
        recomputed = fullRecomputation;
        break;
      case SELECTIVE:
        recomputed = selectiveRecomputation;
        break;
      case NONE:
      default:
        recomputed = 0;
    }
    return new FlopEstimate(convention, sequenceLength, recomputation, forward, 2 * forward, recomputed);
  }
}
