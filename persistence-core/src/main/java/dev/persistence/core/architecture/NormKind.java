package dev.persistence.core.architecture;

import dev.persistence.core.check.Checks;

/**
 * The normalisation layer a model uses, and how many trainable parameters it holds per normalised channel.
 */
public enum NormKind {
  /** RMSNorm (Zhang and Sennrich 2019): one gain per channel (Gemma's {@code 1 + w} form counts the same). */
  RMS_NORM(1),
  /** LayerNorm (Ba et al. 2016) with gain and bias: two parameters per channel (GPT-2, Phi, GPT-NeoX). */
  LAYER_NORM(2),
  /** LayerNorm with a gain but no bias: one parameter per channel. */
  LAYER_NORM_WITHOUT_BIAS(1),
  /** LayerNorm with neither gain nor bias (OLMo 1, Groeneveld et al. 2024 section 2.1): no parameters. */
  NON_PARAMETRIC_LAYER_NORM(0);

  private final int parametersPerChannel;

  NormKind(int parametersPerChannel) {
    this.parametersPerChannel = parametersPerChannel;
  }

  /** Trainable parameters per normalised channel (0, 1 or 2). */
  public int parametersPerChannel() {
    return parametersPerChannel;
  }

  /**
   * Trainable parameters of one norm over {@code width} channels.
   *
   * @param width channels normalised, for example the hidden size
   */
  public long parameters(long width) {
    Checks.inRange("width", width, 1, Integer.MAX_VALUE);
    return dev.persistence.core.exact.ExactCounts.times(parametersPerChannel, width);
  }
}
