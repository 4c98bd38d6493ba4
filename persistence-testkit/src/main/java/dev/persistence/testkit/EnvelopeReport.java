package dev.persistence.testkit;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an envelope check explored: how many points of each kind, with the seed, and for a limit check the
 * point nearest the limit.
 *
 * @param description what was checked
 * @param nominalPoints 1 (every input at its nominal value)
 * @param edgePoints points with one input at an end (or choice) and the others nominal
 * @param cornerPoints points with every input at an end
 * @param randomPoints random points
 * @param seed the seed of the random points
 * @param worstPoint for a limit check, the point nearest to (or beyond) the limit
 * @param worstValue for a limit check, the metric at {@code worstPoint}
 */
public record EnvelopeReport(
    String description,
    int nominalPoints,
    int edgePoints,
    int cornerPoints,
    int randomPoints,
    long seed,
    Optional<EnvelopePoint> worstPoint,
    OptionalDouble worstValue) {

  /** Points checked in all. */
  public int pointsChecked() {
    return nominalPoints + edgePoints + cornerPoints + randomPoints;
  }

  /** How the points split, for reports: {@code "1 nominal, 4 edge, 4 corner, 200 random"}. */
  String composition() {
    return String.format(
        Locale.ROOT,
        "%d nominal, %d edge, %d corner, %d random; seed %d",
        nominalPoints,
        edgePoints,
        cornerPoints,
        randomPoints,
        seed);
  }

  /** One line: {@code "<description> holds over N points (...)"}, with the worst point of a limit check. */
  public String summary() {
    String text =
        String.format(
            Locale.ROOT, "%s holds over %d points (%s)", description, pointsChecked(), composition());
    if (worstPoint.isPresent() && worstValue.isPresent()) {
      text += String.format(
          Locale.ROOT, "; worst %s at %s", EnvelopeInput.format(worstValue.getAsDouble()), worstPoint.get());
    }
    return text;
  }

  @Override
  public String toString() {
    return summary();
  }
}
