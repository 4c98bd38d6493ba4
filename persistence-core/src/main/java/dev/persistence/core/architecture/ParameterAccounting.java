package dev.persistence.core.architecture;

import java.util.EnumMap;
import java.util.Map;

/**
 * Exact parameter accounting of an {@link Architecture}, to the parameter.
 *
 * <p>The counts follow each family's reference modelling code: every {@code nn.Parameter} of the HuggingFace
 * implementation is counted once, and buffers (rotary {@code inv_freq}, GPT-2's causal {@code attn.bias} masks)
 * are not. Per layer: the attention block (attention layers) or the sequence mixer (hybrid layers), ({@link Attention#parameters(long)}), the feed-forward block (dense,
 * or routed experts, shared experts and router) and {@code normsPerLayer} norms of width {@code hidden}; then the
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
    long hidden = architecture.hiddenSize();
    long layers = architecture.numLayers();
    long vocabTimesHidden = (long) architecture.vocabSize() * hidden;
    Map<ParameterComponent, Long> components = new EnumMap<>(ParameterComponent.class);
    for (ParameterComponent component : ParameterComponent.values()) {
      components.put(component, 0L);
    }

    components.put(ParameterComponent.TOKEN_EMBEDDING, vocabTimesHidden);
    if (architecture.positionEncoding() == PositionEncoding.LEARNED_ABSOLUTE) {
      components.put(ParameterComponent.POSITION_EMBEDDING, (long) architecture.contextLength() * hidden);
    }
    components.put(
        ParameterComponent.ATTENTION, (long) architecture.attentionLayers() * architecture.attention().parameters(hidden));
    architecture
        .sequenceMixer()
        .ifPresent(
            mixer ->
                components.put(
                    ParameterComponent.SEQUENCE_MIXERS,
                    (long) architecture.sequenceMixerLayers() * mixer.parameters(hidden)));

    long denseLayers = architecture.denseLayers();
    long sparseLayers = architecture.sparseLayers();
    long inactiveRoutedExperts = 0;
    architecture
        .denseFeedForward()
        .ifPresent(
            dense -> components.put(ParameterComponent.FEED_FORWARD, denseLayers * dense.parameters(hidden)));
    if (architecture.feedForward() instanceof MixtureOfExperts) {
      MixtureOfExperts moe = (MixtureOfExperts) architecture.feedForward();
      long perExpert = moe.routedExpertParameters(hidden);
      components.put(ParameterComponent.ROUTED_EXPERTS, sparseLayers * moe.numExperts() * perExpert);
      components.put(ParameterComponent.SHARED_EXPERTS, sparseLayers * moe.sharedExpertParameters(hidden));
      components.put(ParameterComponent.ROUTER, sparseLayers * moe.routerParameters(hidden));
      inactiveRoutedExperts =
          sparseLayers * (long) (moe.numExperts() - moe.expertsPerToken()) * perExpert;
    }

    long normsPerModel = layers * architecture.normsPerLayer() + (architecture.finalNorm() ? 1 : 0);
    components.put(ParameterComponent.NORMS, normsPerModel * architecture.normKind().parameters(hidden));

    long head = architecture.tiedEmbeddings() ? 0 : vocabTimesHidden;
    if (architecture.outputHeadBias()) {
      head += architecture.vocabSize();
    }
    components.put(ParameterComponent.OUTPUT_HEAD, head);

    long total = components.values().stream().mapToLong(Long::longValue).sum();
    return new ParameterBreakdown(
        components, total - inactiveRoutedExperts, architecture.tiedEmbeddings(), vocabTimesHidden);
  }
}
