package dev.persistence.scaling.fit;

/**
 * The minimum of one isoFLOP profile's parabola.
 *
 * @param trainingFlops the profile's budget C
 * @param parameters N at the parabola's minimum
 * @param tokens C / (6N)
 * @param loss the parabola's minimum loss
 */
public record IsoFlopMinimum(double trainingFlops, double parameters, double tokens, double loss) {}
