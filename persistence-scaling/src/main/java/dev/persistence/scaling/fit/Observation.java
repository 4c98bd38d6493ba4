package dev.persistence.scaling.fit;

import dev.persistence.core.check.Checks;

/**
 * One training run: model size, training tokens and final loss.
 *
 * <p>Two public types are named {@code Observation}, one per thing a team measures: this one, a run's final loss
 * (to fit a scaling law), and {@code dev.persistence.costing.calibration.Observation}, a measured step time (to
 * calibrate the step-time model). Each lives in the package of the fitter that takes it, and no calculation
 * takes both, so the package names them apart.
 *
 * @param parameters N, must be finite and &gt; 0
 * @param tokens D, must be finite and &gt; 0
 * @param loss final loss in nats per token, must be finite and &gt; 0
 */
public record Observation(double parameters, double tokens, double loss) {
  /** @throws IllegalArgumentException if a component is not finite and positive */
  public Observation {
    Checks.positive("parameters", parameters);
    Checks.positive("tokens", tokens);
    Checks.positive("loss", loss);
    // Bounded so that the training FLOPs 6 N D stay finite.
    if (parameters > dev.persistence.core.exact.Amounts.MAX_QUANTITY || tokens > dev.persistence.core.exact.Amounts.MAX_QUANTITY) {
      throw new IllegalArgumentException(
          "parameters (" + parameters + ") and tokens (" + tokens + ") must be <= "
              + dev.persistence.core.exact.Amounts.MAX_QUANTITY);
    }
  }

  /**
   * An observation given training FLOPs instead of tokens, with D = C / (6N) (the convention of Besiroglu et al.
   * 2024 for the data extracted from Hoffmann et al. 2022).
   *
   * @throws IllegalArgumentException if an argument is not finite and positive
   */
  public static Observation fromTrainingFlops(double parameters, double trainingFlops, double loss) {
    Checks.positive("parameters", parameters);
    Checks.positive("trainingFlops", trainingFlops);
    return new Observation(parameters, trainingFlops / (6 * parameters), loss);
  }

  /** Training compute 6ND in FLOPs. */
  public double trainingFlops() {
    return 6 * parameters * tokens;
  }
}
