package dev.persistence.scaling.forecast;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A forecast benchmark score with its bootstrap interval.
 *
 * <p>The interval is a bootstrap prediction interval: each resample of the runs refits both steps, predicts, and
 * adds a residual drawn from the full fit's residuals (of the loss for step 1, of the score for step 2), so it
 * covers the scatter of single runs around the curves as well as the curves' own uncertainty. It does not cover
 * a change of regime beyond the runs (a different data mix, post-training, emergent behaviour): see {@link
 * #EPOCH_ONE_OOM_AGGREGATE_ERROR_PP}.
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
    double lossBeyondRuns) {

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
            + " BIG-Bench tasks; the interval here covers only the scatter of these runs.",
        EPOCH_ONE_OOM_AGGREGATE_ERROR_PP,
        EPOCH_ONE_OOM_TASK_ERROR_PP);
  }

  /** Whether {@code value} lies in the interval. */
  public boolean covers(double value) {
    return value >= scoreLower && value <= scoreUpper;
  }
}
