package dev.persistence.scaling.forecast;

import dev.persistence.core.check.Checks;
import java.util.Locale;
import java.util.OptionalDouble;
import org.immutables.value.Value;

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
 */
@Value.Immutable
public abstract class CapabilityForecast {

  /** Returns a new builder. */
  public static ImmutableCapabilityForecast.Builder builder() {
    return ImmutableCapabilityForecast.builder();
  }

  /** The planned N, when the forecast starts from a model and data. */
  public abstract OptionalDouble parameters();

  /** The planned D, when the forecast starts from a model and data. */
  public abstract OptionalDouble tokens();

  /** The planned compute, when known (6ND, or the compute given). */
  public abstract OptionalDouble trainingFlops();

  /** The loss the forecast starts from: given, or step 1's prediction. */
  public abstract double loss();

  /** Lower end of step 1's interval, when step 1 ran. */
  public abstract OptionalDouble lossLower();

  /** Upper end of step 1's interval, when step 1 ran. */
  public abstract OptionalDouble lossUpper();

  /** The point forecast: the full-data fits at the point loss. */
  public abstract double score();

  /** Lower end of the interval. */
  public abstract double scoreLower();

  /** Upper end of the interval. */
  public abstract double scoreUpper();

  /** The interval's level. */
  public abstract double confidence();

  /** Bootstrap resamples. */
  public abstract int samples();

  /** Orders of magnitude of compute beyond the largest run ({@code log10(C / C_max)}), when the compute is known. */
  public abstract OptionalDouble extrapolationOom();

  /** How far the loss is below the lowest run's loss, nats (negative inside the runs' range). */
  public abstract double lossBeyondRuns();

  /** Lower end of the bootstrap component. */
  public abstract double bootstrapLower();

  /** Upper end of the bootstrap component. */
  public abstract double bootstrapUpper();

  /** Orders of magnitude of scaled compute (the compute a compute-optimal model needs to reach the loss, by the fitted law) beyond the lowest run's loss, {@code >= 0} (0 inside the runs' range); 0 when the extrapolation term is off. */
  public abstract double scaledComputeOom();

  /** The extrapolation component's source, {@link ExtrapolationError#NONE} when off. */
  public abstract ExtrapolationError extrapolationError();

  /** The extrapolation component's half-width at the interval's level, score units. */
  public abstract double extrapolationHalfWidth();


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
        String.format(Locale.ROOT, "bootstrap -%.4f/+%.4f", score() - bootstrapLower(), bootstrapUpper() - score());
    if (extrapolationError() == ExtrapolationError.NONE) {
      return bootstrap + ", extrapolation term off";
    }
    return bootstrap
        + String.format(
            Locale.ROOT,
            ", extrapolation +-%.4f (%s, %.0f points per order of magnitude; %.2f orders of magnitude of scaled"
                + " compute beyond the runs)",
            extrapolationHalfWidth(),
            extrapolationError().source(),
            extrapolationError().meanAbsoluteErrorPointsPerOom(),
            scaledComputeOom());
  }

  /** Whether {@code value} lies in the interval. */
  public boolean covers(double value) {
    return value >= scoreLower() && value <= scoreUpper();
  }

  /**
   * Checks the forecast when one is built (Immutables {@code @Value.Check}): every number finite, the interval's
   * level in (0, 1), at least one resample, the half-width and distance beyond the runs {@code >= 0}.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    Checks.positive("loss", loss());
    Checks.finite("score", score());
    Checks.finite("scoreLower", scoreLower());
    Checks.finite("scoreUpper", scoreUpper());
    Checks.check(confidence() > 0 && confidence() < 1, "confidence", confidence(), "must be in (0, 1)");
    Checks.positive("samples", samples());
    Checks.finite("lossBeyondRuns", lossBeyondRuns());
    Checks.finite("bootstrapLower", bootstrapLower());
    Checks.finite("bootstrapUpper", bootstrapUpper());
    Checks.nonNegative("scaledComputeOom", scaledComputeOom());
    Checks.nonNegative("extrapolationHalfWidth", extrapolationHalfWidth());
    parameters().ifPresent(n -> Checks.positive("parameters", n));
    tokens().ifPresent(d -> Checks.positive("tokens", d));
    trainingFlops().ifPresent(c -> Checks.positive("trainingFlops", c));
    lossLower().ifPresent(l -> Checks.finite("lossLower", l));
    lossUpper().ifPresent(l -> Checks.finite("lossUpper", l));
    extrapolationOom().ifPresent(o -> Checks.finite("extrapolationOom", o));
  }
}
