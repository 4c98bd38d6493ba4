package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.SplittableRandom;

/**
 * A quantity whose logarithm is normal: {@code exp(mu + sigma Z)}. Its median is {@code exp(mu)}; a factor of
 * {@code exp(1.2816 sigma)} separates the median from P90.
 *
 * @param mu mean of the logarithm, finite
 * @param sigma standard deviation of the logarithm, {@code > 0}
 */
public record LogNormal(double mu, double sigma) implements Distribution {

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException if {@code mu} is not finite or {@code sigma} not positive
   */
  public LogNormal {
    checkArgument(Double.isFinite(mu), "log-normal mu (%s) must be finite", mu);
    checkArgument(sigma > 0 && Double.isFinite(sigma), "log-normal sigma (%s) must be finite and > 0", sigma);
    // A standard normal draw stays within about 8.6 of 0 (the polar method with 53-bit uniforms), so with
    // |mu| + 10 sigma <= 709 every sample exp(mu + sigma z) is finite and above zero.
    checkArgument(
        Math.abs(mu) + 10 * sigma <= MAX_LOG,
        "log-normal mu (%s) and sigma (%s) must satisfy |mu| + 10 sigma <= %s, or samples reach 0 or Infinity",
        mu,
        sigma,
        MAX_LOG);
  }

  /** The largest {@code |mu| + 10 sigma}: {@code exp(709)} is about 8e307, just inside a double. */
  public static final double MAX_LOG = 709;

  /**
   * The log-normal with this median.
   *
   * @param median the median, {@code > 0}
   * @param sigma standard deviation of the logarithm, {@code > 0}
   * @throws IllegalArgumentException if the median is not positive or {@code sigma} not positive
   */
  public static LogNormal withMedian(double median, double sigma) {
    checkArgument(median > 0 && Double.isFinite(median), "log-normal median (%s) must be finite and > 0", median);
    return new LogNormal(Math.log(median), sigma);
  }

  @Override
  public double sample(SplittableRandom random) {
    return Math.exp(mu + sigma * random.nextGaussian());
  }

  @Override
  public double lowerSupport() {
    return 0.0;
  }

  @Override
  public double upperSupport() {
    return Double.POSITIVE_INFINITY;
  }
}
