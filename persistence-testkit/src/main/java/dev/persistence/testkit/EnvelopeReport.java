package dev.persistence.testkit;

import dev.persistence.core.check.Checks;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * What an envelope check explored: how many points of each kind, with the seed, and for a limit check the
 * point nearest the limit.
 */
@Value.Immutable
public abstract class EnvelopeReport {

  /** Returns a new builder. */
  public static ImmutableEnvelopeReport.Builder builder() {
    return ImmutableEnvelopeReport.builder();
  }

  /** What was checked. */
  public abstract String description();

  /** 1 (every input at its nominal value). */
  public abstract int nominalPoints();

  /** Points with one input at an end (or choice) and the others nominal. */
  public abstract int edgePoints();

  /** Points with every input at an end. */
  public abstract int cornerPoints();

  /** Random points. */
  public abstract int randomPoints();

  /** The seed of the random points. */
  public abstract long seed();

  /** For a limit check, the point nearest to (or beyond) the limit. */
  public abstract Optional<EnvelopePoint> worstPoint();

  /** For a limit check, the metric at {@code worstPoint}. */
  public abstract OptionalDouble worstValue();

  /**
   * Checks the counts when a report is built (Immutables {@code @Value.Check}).
   *
   * @throws IllegalArgumentException naming the count and its value
   */
  @Value.Check
  protected void check() {
    Checks.positive("nominalPoints", nominalPoints());
    Checks.nonNegative("edgePoints", edgePoints());
    Checks.nonNegative("cornerPoints", cornerPoints());
    Checks.nonNegative("randomPoints", randomPoints());
  }

  /** Points checked in all. */
  public int pointsChecked() {
    return nominalPoints() + edgePoints() + cornerPoints() + randomPoints();
  }

  /** How the points split, for reports: {@code "1 nominal, 4 edge, 4 corner, 200 random"}. */
  String composition() {
    return String.format(
        Locale.ROOT,
        "%d nominal, %d edge, %d corner, %d random; seed %d",
        nominalPoints(),
        edgePoints(),
        cornerPoints(),
        randomPoints(),
        seed());
  }

  /** One line: {@code "<description> holds over N points (...)"}, with the worst point of a limit check. */
  public String summary() {
    String text =
        String.format(
            Locale.ROOT, "%s holds over %d points (%s)", description(), pointsChecked(), composition());
    if (worstPoint().isPresent() && worstValue().isPresent()) {
      text += String.format(
          Locale.ROOT, "; worst %s at %s", EnvelopeInput.format(worstValue().getAsDouble()), worstPoint().get());
    }
    return text;
  }

  @Override
  public String toString() {
    return summary();
  }
}
