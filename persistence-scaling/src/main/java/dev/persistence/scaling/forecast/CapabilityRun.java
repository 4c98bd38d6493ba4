package dev.persistence.scaling.forecast;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.exact.Amounts;

/**
 * One training run of a team's ladder: its size, its data, the loss it reached and its score on one benchmark.
 *
 * @param parameters N, finite and {@code > 0}
 * @param tokens D, finite and {@code > 0}
 * @param loss the final (smoothed) loss, nats, finite and {@code > 0}
 * @param score the benchmark score (accuracy, or a chance-adjusted average), finite
 */
public record CapabilityRun(double parameters, double tokens, double loss, double score) {

  /** Validates the run. */
  public CapabilityRun {
    // Bounded by Amounts.MAX_QUANTITY so that 6ND stays finite.
    checkArgument(
        parameters > 0 && parameters <= Amounts.MAX_QUANTITY,
        "parameters (%s) must be in (0, %s]",
        parameters,
        Amounts.MAX_QUANTITY);
    checkArgument(
        tokens > 0 && tokens <= Amounts.MAX_QUANTITY, "tokens (%s) must be in (0, %s]", tokens, Amounts.MAX_QUANTITY);
    Checks.positive("loss", loss);
    Checks.finite("score", score);
  }

  /** Training compute by the 6ND approximation (Kaplan et al. 2020, section 2.1), FLOP. */
  public double trainingFlops() {
    return 6 * parameters * tokens;
  }
}
