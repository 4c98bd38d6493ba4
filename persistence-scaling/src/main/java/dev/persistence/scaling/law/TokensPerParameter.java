package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;

/** Rules of thumb for training tokens per parameter, as named presets rather than magic numbers. */
public enum TokensPerParameter {
  /**
   * About 20 tokens per parameter: Hoffmann et al. 2022 (arXiv:2203.15556) trained Chinchilla, 70B parameters,
   * on 1.4T tokens (Table 1, Table 4); Table 3's Approach 1 projections range from 20 to 22.4.
   */
  CHINCHILLA(20, "Hoffmann et al. 2022, arXiv:2203.15556, Table 1 and Table 4 (70B on 1.4T tokens)"),

  /**
   * Llama 3 405B: 15.6T tokens for 405.85B parameters, about 38.4 (Llama Team 2024, arXiv:2407.21783, Sec. 3.2.1
   * and Table 3).
   */
  LLAMA_3_405B(15.6e12 / 405.853388800e9, "Llama Team 2024, arXiv:2407.21783 (405B on 15.6T tokens)"),

  /** Llama 3 8B: over 15T tokens for 8B parameters, 1,875 (meta-llama/llama-models Llama 3 model card). */
  LLAMA_3_8B(15e12 / 8e9, "meta-llama/llama-models models/llama3/MODEL_CARD.md (8B on >15T tokens)");

  private final double ratio;
  private final String source;

  TokensPerParameter(double ratio, String source) {
    this.ratio = ratio;
    this.source = source;
  }

  /** Training tokens per parameter. */
  public double ratio() {
    return ratio;
  }

  /** Where the rule comes from. */
  public String source() {
    return source;
  }

  /**
   * The model size that spends {@code trainingFlops} at this ratio under C = 6ND: N = sqrt(C / (6 r)).
   *
   * @throws IllegalArgumentException if {@code trainingFlops} is not finite and positive
   */
  public double parametersForCompute(double trainingFlops) {
    return Math.sqrt(Checks.positive("trainingFlops", trainingFlops) / (6 * ratio));
  }

  /**
   * Training tokens for a model of {@code parameters}: r N.
   *
   * @throws IllegalArgumentException if {@code parameters} is not finite and positive
   */
  public double tokensForParameters(double parameters) {
    return ratio * Checks.inRange("parameters", parameters, 0, dev.persistence.core.exact.Amounts.MAX_QUANTITY);
  }
}
