package dev.persistence.scaling.forecast;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A forecast benchmark score with its interval, in two named components.
 *
 * <p>The bootstrap component ({@code bootstrapLower}, {@code bootstrapUpper}) is a prediction interval: each
 * resample of the runs refits both steps, predicts with its own law and sigmoid, and adds a residual drawn from
 * the full fit's residuals (of the loss for step 1, of the score for step 2), so it covers the scatter of single
 * runs around the curves as well as the curves' own uncertainty, given their functional forms. The optional
 * extrapolation component ({@code extrapolationHalfWidth}, see {@link ExtrapolationError}) is Epoch AI's measured
 * error of extrapolating beyond the runs, scaled by the distance in orders of magnitude of scaled compute; it is
 * zero inside the runs' range. {@code scoreLower} and {@code scoreUpper} combine the two in quadrature, each side
 * of the point forecast separately. Neither covers a change of regime (a different data mix, post-training).
 *
 * @param parameters the planned N, when the forecast starts from a model and data
 * @param tokens the planned D, when the forecast starts from a model and data
 * @param trainingFlops the planned compute, when known (6ND, or the compute given)
 * @param loss the loss the forecast starts from: given, or step 1's prediction
 * @param lossLower lower end of step 1's interval, when step 1 ran
 * @param lossUpper upper end of step 1's interval, when step 1 ran
 * @param score the point forecast: the full-data fits at the point loss
 * @param scoreLower lower end of the interval
 * @param scoreUpper upper end of the interval
 * @param confidence the interval's level
 * @param samples bootstrap resamples
 * @param extrapolationOom orders of magnitude of compute beyond the largest run ({@code log10(C / C_max)}), when
 *     the compute is known
 * @param lossBeyondRuns how far the loss is below the lowest run's loss, nats (negative inside the runs' range)
 * @param bootstrapLower lower end of the bootstrap component
 * @param bootstrapUpper upper end of the bootstrap component
 * @param scaledComputeOom orders of magnitude of scaled compute (the compute a compute-optimal model needs to
 *     reach the loss, by the fitted law) beyond the lowest run's loss, {@code >= 0} (0 inside the runs' range);
 *     0 when the extrapolation term is off
 * @param extrapolationError the extrapolation component's source, {@link ExtrapolationError#NONE} when off
 * @param extrapolationHalfWidth the extrapolation component's half-width at the interval's level, score units
 */
public record CapabilityForecast(
    OptionalDouble parameters,
    OptionalDouble tokens,
    OptionalDouble trainingFlops,
    double loss,
    OptionalDouble lossLower,
    OptionalDouble lossUpper,
    double score,
    double scoreLower,
    double scoreUpper,
    double confidence,
    int samples,
    OptionalDouble extrapolationOom,
    double lossBeyondRuns,
    double bootstrapLower,
    double bootstrapUpper,
    double scaledComputeOom,
    ExtrapolationError extrapolationError,
    double extrapolationHalfWidth) {

  /**
   * Owen 2024 (Epoch AI, "How Predictable Is Language Model Benchmark Performance?", arXiv:2401.04757; blog at
   * epoch.ai): "when extrapolating BIG-Bench Hard performance across one order of magnitude in compute, we observe
   * average absolute errors of 6 percentage points". Quoted in reference/evaluation.json,
   * ev-epoch-predictability.
   */
  public static final double EPOCH_ONE_OOM_AGGREGATE_ERROR_PP = 6;

  /** Same source: "extrapolation for individual BIG-Bench tasks across an order of magnitude in compute yields
   * higher average errors of 18pp". */
  public static final double EPOCH_ONE_OOM_TASK_ERROR_PP = 18;

  /** The caveat every forecast is printed with. */
  public static String caveat() {
    return String.format(
        Locale.ROOT,
        "In Epoch AI's test (Owen 2024, arXiv:2401.04757), extrapolating one order of magnitude in compute carried"
            + " about %.0f points of average absolute error on aggregate BIG-Bench Hard and %.0f points on single"
            + " BIG-Bench tasks. The bootstrap part of the interval covers only the scatter of these runs and the"
            + " fits' uncertainty; the extrapolation part, when on, adds Epoch's error in proportion to the"
            + " distance beyond the runs.",
        EPOCH_ONE_OOM_AGGREGATE_ERROR_PP,
        EPOCH_ONE_OOM_TASK_ERROR_PP);
  }

  /**
   * The interval's components, {@code bootstrap -0.012/+0.015, extrapolation +-0.052 (Epoch AI (Owen 2024,
   * arXiv:2401.04757): aggregate BIG-Bench Hard, 6 points per order of magnitude; 0.42 orders of magnitude of
   * scaled compute beyond the runs)}.
   */
  public String intervalComponents() {
    String bootstrap =
        String.format(Locale.ROOT, "bootstrap -%.4f/+%.4f", score - bootstrapLower, bootstrapUpper - score);
    if (extrapolationError == ExtrapolationError.NONE) {
      return bootstrap + ", extrapolation term off";
    }
    return bootstrap
        + String.format(
            Locale.ROOT,
            ", extrapolation +-%.4f (%s, %.0f points per order of magnitude; %.2f orders of magnitude of scaled"
                + " compute beyond the runs)",
            extrapolationHalfWidth,
            extrapolationError.source(),
            extrapolationError.meanAbsoluteErrorPointsPerOom(),
            scaledComputeOom);
  }

  /** Whether {@code value} lies in the interval. */
  public boolean covers(double value) {
    return value >= scoreLower && value <= scoreUpper;
  }
}
