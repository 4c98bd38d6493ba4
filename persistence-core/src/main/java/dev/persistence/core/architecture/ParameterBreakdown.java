package dev.persistence.core.architecture;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.exact.ExactCounts;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Parameters of a model by component, with the totals that papers and model cards report.
 *
 * <p>Conventions, since sources differ:
 *
 * <ul>
 *   <li>{@link #totalParameters()} counts every trainable parameter once (a tied head is the embedding);
 *       buffers that checkpoints store but that are not parameters (rotary inverse frequencies, causal masks)
 *       are never counted.
 *   <li>{@link #embeddingParameters()} is the input token embedding plus learned positions.
 *   <li>{@link #nonEmbeddingParameters()} is Kaplan et al. 2020's {@code N} (arXiv:2001.08361 section 2.1): the
 *       total without the embedding, positions and an untied output head.
 *   <li>{@link #activeParameters()} is what one token uses: everything except the routed experts it is not sent
 *       to (router and shared experts included).
 *   <li>{@link #activeParametersExcludingEmbedding()} leaves out the input lookup tables but keeps the output
 *       head, tied or not, since the head does matrix-multiply work for every token (the gpt-oss model card's
 *       "active parameters" convention).
 * </ul>
 *
 * @param components parameters per component; every component is present, zero where the model has none
 * @param activeParameters parameters one token uses
 * @param tiedEmbeddings whether the output head is the token embedding
 * @param vocabularyTimesHidden {@code vocabSize x hiddenSize}, the size of a tied head
 */
public record ParameterBreakdown(
    Map<ParameterComponent, Long> components,
    long activeParameters,
    boolean tiedEmbeddings,
    long vocabularyTimesHidden) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a component is missing or negative, or active exceeds total
   */
  public ParameterBreakdown {
    EnumMap<ParameterComponent, Long> copy = new EnumMap<>(ParameterComponent.class);
    for (ParameterComponent component : ParameterComponent.values()) {
      Long count = components.get(component);
      checkArgument(count != null, "components must include %s", component);
      checkArgument(count >= 0, "components %s (%s) must be >= 0", component, count);
      copy.put(component, count);
    }
    components = Collections.unmodifiableMap(copy);
    long total = 0;
    for (long count : copy.values()) {
      total = ExactCounts.plus(total, count);
    }
    checkArgument(
        activeParameters >= 0 && activeParameters <= total,
        "activeParameters (%s) must be in [0, totalParameters (%s)]",
        activeParameters,
        total);
  }

  /**
   * Parameters of one component.
   *
   * @param component the component
   */
  public long get(ParameterComponent component) {
    return components.get(component);
  }

  /** Every trainable parameter, counted once: the sum of the components. */
  public long totalParameters() {
    long total = 0;
    for (long count : components.values()) {
      total = ExactCounts.plus(total, count);
    }
    return total;
  }

  /** Input token embedding plus learned position embeddings. */
  public long embeddingParameters() {
    return get(ParameterComponent.TOKEN_EMBEDDING) + get(ParameterComponent.POSITION_EMBEDDING);
  }

  /** Kaplan's non-embedding count: the total less embeddings, positions and an untied output head. */
  public long nonEmbeddingParameters() {
    return totalParameters() - embeddingParameters() - get(ParameterComponent.OUTPUT_HEAD);
  }

  /** Active parameters without the input lookup tables, keeping the output head (see the class notes). */
  public long activeParametersExcludingEmbedding() {
    long excluded = embeddingParameters();
    if (tiedEmbeddings) {
      excluded -= vocabularyTimesHidden;
    }
    return activeParameters - excluded;
  }
}
