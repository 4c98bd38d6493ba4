package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;

/**
 * The hyperparameter and allocation laws of DeepSeek LLM (DeepSeek-AI 2024, arXiv:2401.02954), which measures
 * model scale by M, non-embedding FLOPs per token, and compute as C = M D:
 *
 * <ul>
 *   <li>eta_opt = 0.3118 C^-0.1250, B_opt = 0.2920 C^0.3271 tokens (eq. 1; fitted for C in [1e17, 2e19]);
 *   <li>M_opt = 0.1715 C^0.5243, D_opt = 5.8316 C^0.4757 (eq. 4, Table 4 "Ours (Current Data)");
 *   <li>M = 72 n_layer d_model^2 + 12 n_layer d_model l_seq (eq. 2).
 * </ul>
 */
public record DeepSeekLaw(
    String name,
    String description,
    String source,
    double learningRateCoefficient,
    double learningRateExponent,
    double batchTokensCoefficient,
    double batchTokensExponent,
    double modelScaleCoefficient,
    double modelScaleExponent,
    double tokensCoefficient,
    double tokensExponent)
    implements ScalingLaw {

  /**
   * Validates the constants.
   *
   * @throws IllegalArgumentException if a figure is NaN or infinite
   */
  public DeepSeekLaw {
    Checks.finite("learningRateCoefficient", learningRateCoefficient);
    Checks.finite("learningRateExponent", learningRateExponent);
    Checks.finite("batchTokensCoefficient", batchTokensCoefficient);
    Checks.finite("batchTokensExponent", batchTokensExponent);
    Checks.finite("modelScaleCoefficient", modelScaleCoefficient);
    Checks.finite("modelScaleExponent", modelScaleExponent);
    Checks.finite("tokensCoefficient", tokensCoefficient);
    Checks.finite("tokensExponent", tokensExponent);
  }

  /** The constants of DeepSeek-AI 2024, arXiv:2401.02954, eq. (1) and eq. (4). */
  public static final DeepSeekLaw DEEPSEEK_LLM_2024 =
      new DeepSeekLaw(
          "deepseek",
          "DeepSeek LLM: optimal learning rate, batch size and M/D allocation from compute C = M D",
          "DeepSeek-AI 2024, arXiv:2401.02954, eq. (1), (2), (4), Table 4",
          0.3118,
          -0.1250,
          0.2920,
          0.3271,
          0.1715,
          0.5243,
          5.8316,
          0.4757);

  /**
   * eta_opt = 0.3118 C^-0.125 (eq. 1).
   *
   * @param flops C = M D, must be finite and &gt; 0
   * @throws IllegalArgumentException if {@code flops} is not finite and positive
   */
  public double optimalLearningRate(double flops) {
    return learningRateCoefficient * Math.pow(Checks.positive("flops", flops), learningRateExponent);
  }

  /**
   * B_opt = 0.2920 C^0.3271 tokens per batch (eq. 1).
   *
   * @throws IllegalArgumentException if {@code flops} is not finite and positive
   */
  public double optimalBatchTokens(double flops) {
    return batchTokensCoefficient * Math.pow(Checks.positive("flops", flops), batchTokensExponent);
  }

  /**
   * M_opt = 0.1715 C^0.5243 non-embedding FLOPs per token (eq. 4).
   *
   * @throws IllegalArgumentException if {@code flops} is not finite and positive
   */
  public double optimalFlopsPerToken(double flops) {
    return modelScaleCoefficient * Math.pow(Checks.positive("flops", flops), modelScaleExponent);
  }

  /**
   * D_opt = 5.8316 C^0.4757 tokens (eq. 4).
   *
   * @throws IllegalArgumentException if {@code flops} is not finite and positive
   */
  public double optimalTokens(double flops) {
    return tokensCoefficient * Math.pow(Checks.positive("flops", flops), tokensExponent);
  }

  /**
   * M = 72 n_layer d_model^2 + 12 n_layer d_model l_seq, non-embedding FLOPs per token including attention
   * (eq. 2).
   *
   * @param layers n_layer, must be &gt; 0
   * @param modelWidth d_model, must be &gt; 0
   * @param sequenceLength l_seq, must be &gt; 0
   * @throws IllegalArgumentException if an argument is not positive
   */
  public static double nonEmbeddingFlopsPerToken(long layers, long modelWidth, long sequenceLength) {
    Checks.positive("layers", layers);
    Checks.positive("modelWidth", modelWidth);
    Checks.positive("sequenceLength", sequenceLength);
    return 72.0 * layers * modelWidth * modelWidth + 12.0 * layers * modelWidth * sequenceLength;
  }
}
