package dev.persistence.scaling.fit;

import dev.persistence.core.check.Checks;

/**
 * The minimum of one isoFLOP profile's parabola.
 *
 * @param trainingFlops the profile's budget C
 * @param parameters N at the parabola's minimum
 * @param tokens C / (6N)
 * @param loss the parabola's minimum loss
 */
public record IsoFlopMinimum(double trainingFlops, double parameters, double tokens, double loss) {

  /**
   * Validates the figures.
   *
   * @throws IllegalArgumentException if a figure is NaN or infinite
   */
  public IsoFlopMinimum {
    Checks.finite("trainingFlops", trainingFlops);
    Checks.finite("parameters", parameters);
    Checks.finite("tokens", tokens);
    Checks.finite("loss", loss);
  }}
