package dev.persistence.core.architecture;

import static dev.persistence.core.exact.ExactCounts.plus;
import static dev.persistence.core.exact.ExactCounts.times;

import dev.persistence.core.exact.ExactCounts;
import java.util.EnumMap;
import java.util.Map;

/**
 * Exact parameter accounting of an {@link Architecture}, to the parameter.
 *
 * <p>The counts follow each family's reference modelling code: every {@code nn.Parameter} of the HuggingFace
 * implementation is counted once, and buffers (rotary {@code inv_freq}, GPT-2's causal {@code attn.bias} masks)
 * are not. Per layer: the attention block (attention layers, less the key and value projections of those that
 * reuse another layer's under cross-layer attention) or the sequence mixer (hybrid layers), ({@link
 * Attention#parameters(long)}), the feed-forward block (dense, or routed experts, shared experts and router; none
 * in a layer without one) and {@code normsPerLayer} norms of width {@code hidden}; then the
 * final norm, the token embedding {@code vocab x hidden}, learned positions {@code contextLength x hidden}, and an
 * untied head {@code vocab x hidden} with its optional bias.
 */
public final class ParameterAccounting {

  private ParameterAccounting() {}

  /**
   * Counts the parameters of {@code architecture} by component.
   *
   * @param architecture the model
   * @return the breakdown, whose components sum to the total
   */
  public static ParameterBreakdown count(Architecture architecture) {
    Map<ParameterComponent, Long> components = new EnumMap<>(ParameterComponent.class);
    long[] activeAndVocab = new long[2];
    ExactCounts.of(
        "parameters of " + architecture.family() + " config",
        shape(architecture),
        () -> {
          countInto(architecture, components, activeAndVocab);
          return 0;
        });
    return new ParameterBreakdown(
        components, activeAndVocab[0], architecture.tiedEmbeddings(), activeAndVocab[1]);
  }

  /** The inputs that size the count, for an overflow message. */
  private static String shape(Architecture architecture) {
    String shape =
        ExactCounts.inputs(
            "numLayers", architecture.numLayers(),
            "hiddenSize", architecture.hiddenSize(),
            "vocabSize", architecture.vocabSize());
    if (architecture.feedForward() instanceof MixtureOfExperts) {
      MixtureOfExperts moe = (MixtureOfExperts) architecture.feedForward();
      shape +=
          ", "
              + ExactCounts.inputs(
                  "numExperts", moe.numExperts(), "expertIntermediateSize", moe.expertIntermediateSize());
    } else if (architecture.feedForward() instanceof DenseFeedForward) {
      shape +=
          ", "
              + ExactCounts.inputs(
                  "intermediateSize", ((DenseFeedForward) architecture.feedForward()).intermediateSize());
    }
    return shape;
  }

  private static void countInto(
      Architecture architecture, Map<ParameterComponent, Long> components, long[] activeAndVocab) {
    long hidden = architecture.hiddenSize();
    long layers = architecture.numLayers();
    long vocabTimesHidden = times(architecture.vocabSize(), hidden);
    for (ParameterComponent component : ParameterComponent.values()) {
      components.put(component, 0L);
    }

    components.put(ParameterComponent.TOKEN_EMBEDDING, vocabTimesHidden);
    if (architecture.positionEncoding() == PositionEncoding.LEARNED_ABSOLUTE) {
      components.put(ParameterComponent.POSITION_EMBEDDING, times(architecture.contextLength(), hidden));
    }
    long attention = times(architecture.attentionLayers(), architecture.attention().parameters(hidden));
    long reusing = architecture.attentionLayers() - architecture.keyValueLayers();
    if (reusing > 0) {
      // Cross-layer attention: these layers hold no key and value projections.
      attention -= times(reusing, ((GroupedQueryAttention) architecture.attention()).keyValueProjectionParameters(hidden));
    }
    components.put(ParameterComponent.ATTENTION, attention);
    architecture
        .sequenceMixer()
        .ifPresent(
            mixer ->
                components.put(
                    ParameterComponent.SEQUENCE_MIXERS,
                    times(architecture.sequenceMixerLayers(), mixer.parameters(hidden))));

    long denseLayers = architecture.denseLayers();
    long sparseLayers = architecture.sparseLayers();
    long inactiveRoutedExperts = 0;
    if (architecture.denseFeedForward().isPresent()) {
      components.put(
          ParameterComponent.FEED_FORWARD,
          times(denseLayers, architecture.denseFeedForward().get().parameters(hidden)));
    }
    if (architecture.feedForward() instanceof MixtureOfExperts) {
      MixtureOfExperts moe = (MixtureOfExperts) architecture.feedForward();
      long perExpert = moe.routedExpertParameters(hidden);
      components.put(
          ParameterComponent.ROUTED_EXPERTS, ExactCounts.product(sparseLayers, moe.numExperts(), perExpert));
      components.put(ParameterComponent.SHARED_EXPERTS, times(sparseLayers, moe.sharedExpertParameters(hidden)));
      components.put(ParameterComponent.ROUTER, times(sparseLayers, moe.routerParameters(hidden)));
      inactiveRoutedExperts =
          ExactCounts.product(sparseLayers, moe.numExperts() - moe.expertsPerToken(), perExpert);
    }

    long normsPerModel = plus(times(layers, architecture.normsPerLayer()), architecture.finalNorm() ? 1 : 0);
    components.put(
        ParameterComponent.NORMS, times(normsPerModel, architecture.normKind().parameters(hidden)));

    long head = architecture.tiedEmbeddings() ? 0 : vocabTimesHidden;
    if (architecture.outputHeadBias()) {
      head = plus(head, architecture.vocabSize());
    }
    components.put(ParameterComponent.OUTPUT_HEAD, head);

    long total = 0;
    for (long count : components.values()) {
      total = plus(total, count);
    }
    activeAndVocab[0] = total - inactiveRoutedExperts;
    activeAndVocab[1] = vocabTimesHidden;
  }
}
