package dev.persistence.scaling.forecast;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;

/**
 * How a two-step forecast is fitted and bootstrapped.
 *
 * @param floor the score at chance, the sigmoid's lower asymptote (0 for a chance-adjusted average such as
 *     MosaicML's gauntlet, 0.25 for four-way multiple choice), finite
 * @param maxScore the highest score possible, the cap on the sigmoid's ceiling ({@code 1} for an accuracy,
 *     {@code 100} for a percentage), {@code > floor}; with an extrapolation term also {@code > 0}, since Epoch's
 *     percentage points are scaled to it ({@code 6} points are {@code 0.06} of a {@code maxScore} of 1)
 * @param samples bootstrap resamples, {@code >= 20}
 * @param seed the bootstrap's seed
 * @param confidence level of the intervals, in (0, 1)
 * @param extrapolationError the optional extrapolation component of the interval ({@link ExtrapolationError#NONE}
 *     for the bootstrap alone), not null
 */
public record ForecastSettings(
    double floor, double maxScore, int samples, long seed, double confidence, ExtrapolationError extrapolationError) {

  /**
   * Floor 0, ceiling at most 1, 1,000 resamples, seed 1, 90% intervals, Epoch's aggregate extrapolation error
   * ({@link ExtrapolationError#EPOCH_BBH_AGGREGATE}).
   */
  public static final ForecastSettings DEFAULT = new ForecastSettings(0, 1, 1_000, 1, 0.90);

  /** Validates the settings. */
  public ForecastSettings {
    Checks.finite("floor", floor);
    checkArgument(Double.isFinite(maxScore) && maxScore > floor, "maxScore (%s) must be finite and > floor (%s)", maxScore, floor);
    checkArgument(samples >= 20, "samples (%s) must be >= 20", samples);
    checkArgument(confidence > 0 && confidence < 1, "confidence (%s) must be in (0, 1)", confidence);
    checkArgument(extrapolationError != null, "extrapolationError must not be null");
    checkArgument(
        extrapolationError == ExtrapolationError.NONE || maxScore > 0,
        "maxScore (%s) must be > 0 with an extrapolation error (%s) in points",
        maxScore,
        extrapolationError);
  }

  /** Settings with Epoch's aggregate extrapolation error ({@link ExtrapolationError#EPOCH_BBH_AGGREGATE}). */
  public ForecastSettings(double floor, double maxScore, int samples, long seed, double confidence) {
    this(floor, maxScore, samples, seed, confidence, ExtrapolationError.EPOCH_BBH_AGGREGATE);
  }

  /** These settings with another extrapolation component. */
  public ForecastSettings withExtrapolationError(ExtrapolationError error) {
    return new ForecastSettings(floor, maxScore, samples, seed, confidence, error);
  }
}
