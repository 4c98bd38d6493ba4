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
  }

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
