package dev.persistence.scaling.law;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

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
@Value.Immutable
public abstract class DeepSeekLaw implements ScalingLaw {

  /** Returns a new builder. */
  public static ImmutableDeepSeekLaw.Builder builder() {
    return ImmutableDeepSeekLaw.builder();
  }

  /** The coefficient of eta_opt (0.3118 in eq. 1). */
  public abstract double learningRateCoefficient();

  /** The exponent of compute in eta_opt (-0.1250). */
  public abstract double learningRateExponent();

  /** The coefficient of B_opt, tokens (0.2920). */
  public abstract double batchTokensCoefficient();

  /** The exponent of compute in B_opt (0.3271). */
  public abstract double batchTokensExponent();

  /** The coefficient of M_opt, non-embedding FLOPs per token (0.1715 in eq. 4). */
  public abstract double modelScaleCoefficient();

  /** The exponent of compute in M_opt (0.5243). */
  public abstract double modelScaleExponent();

  /** The coefficient of D_opt, tokens (5.8316). */
  public abstract double tokensCoefficient();

  /** The exponent of compute in D_opt (0.4757). */
  public abstract double tokensExponent();

  /**
   * Checks the constants when one is built (Immutables {@code @Value.Check}).
   *
   * Validates the constants.
   *
   * @throws IllegalArgumentException if a figure is NaN or infinite
   */
  @Value.Check
  protected void check() {
    Checks.finite("learningRateCoefficient", learningRateCoefficient());
    Checks.finite("learningRateExponent", learningRateExponent());
    Checks.finite("batchTokensCoefficient", batchTokensCoefficient());
    Checks.finite("batchTokensExponent", batchTokensExponent());
    Checks.finite("modelScaleCoefficient", modelScaleCoefficient());
    Checks.finite("modelScaleExponent", modelScaleExponent());
    Checks.finite("tokensCoefficient", tokensCoefficient());
    Checks.finite("tokensExponent", tokensExponent());
  }

  /** The constants of DeepSeek-AI 2024, arXiv:2401.02954, eq. (1) and eq. (4). */
  public static final DeepSeekLaw DEEPSEEK_LLM_2024 =
      builder()
          .name("deepseek")
          .description("DeepSeek LLM: optimal learning rate, batch size and M/D allocation from compute C = M D")
          .source("DeepSeek-AI 2024, arXiv:2401.02954, eq. (1), (2), (4), Table 4")
          .learningRateCoefficient(0.3118)
          .learningRateExponent(-0.1250)
          .batchTokensCoefficient(0.2920)
          .batchTokensExponent(0.3271)
          .modelScaleCoefficient(0.1715)
          .modelScaleExponent(0.5243)
          .tokensCoefficient(5.8316)
          .tokensExponent(0.4757)
          .build();

  /**
   * eta_opt = 0.3118 C^-0.125 (eq. 1).
   *
   * @param flops C = M D, must be finite and &gt; 0
   * @throws IllegalArgumentException if {@code flops} is not finite and positive
   */
  public double optimalLearningRate(double flops) {
    return learningRateCoefficient() * Math.pow(Checks.positive("flops", flops), learningRateExponent());
  }

  /**
   * B_opt = 0.2920 C^0.3271 tokens per batch (eq. 1).
   *
   * @throws IllegalArgumentException if {@code flops} is not finite and positive
   */
  public double optimalBatchTokens(double flops) {
    return batchTokensCoefficient() * Math.pow(Checks.positive("flops", flops), batchTokensExponent());
  }

  /**
   * M_opt = 0.1715 C^0.5243 non-embedding FLOPs per token (eq. 4).
   *
   * @throws IllegalArgumentException if {@code flops} is not finite and positive
   */
  public double optimalFlopsPerToken(double flops) {
    return modelScaleCoefficient() * Math.pow(Checks.positive("flops", flops), modelScaleExponent());
  }

  /**
   * D_opt = 5.8316 C^0.4757 tokens (eq. 4).
   *
   * @throws IllegalArgumentException if {@code flops} is not finite and positive
   */
  public double optimalTokens(double flops) {
    return tokensCoefficient() * Math.pow(Checks.positive("flops", flops), tokensExponent());
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
