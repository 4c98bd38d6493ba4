package dev.persistence.core.architecture;

/**
 * The depthwise causal {@code conv1d} the state-space mixers run before their scan (Gu and Dao 2023,
 * arXiv:2312.00752 section 3.4 and Figure 3; Dao and Gu 2024, arXiv:2405.21060 section 7.1): one filter of
 * {@code K} taps per channel, an optional bias per channel.
 */
final class CausalConvolution {

  private CausalConvolution() {}

  /** {@code C x K} weights plus {@code C} biases when it has them. */
  static long parameters(long channels, int kernel, boolean bias) {
    return channels * kernel + (bias ? channels : 0);
  }

  /** A multiply and an add per tap and channel: {@code 2CK}. */
  static double flopsPerToken(long channels, int kernel) {
    return 2.0 * channels * kernel;
  }

  /** The last {@code K - 1} inputs per channel a decoder keeps. */
  static long stateElements(long channels, int kernel) {
    return channels * (kernel - 1);
  }
}
