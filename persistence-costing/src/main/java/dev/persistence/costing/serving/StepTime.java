package dev.persistence.costing.serving;

import dev.persistence.core.check.Checks;

/**
 * The roofline time of one step: the larger of its compute time and its memory time (no overlap loss, no
 * communication).
 *
 * @param computeSeconds FLOPs over achievable FLOP/s
 * @param memorySeconds bytes per rank over achievable bandwidth
 */
public record StepTime(double computeSeconds, double memorySeconds) {

  /**
   * Validates the times.
   *
   * @throws IllegalArgumentException if a time is negative or not finite
   */
  public StepTime {
    Checks.nonNegative("computeSeconds", computeSeconds);
    Checks.nonNegative("memorySeconds", memorySeconds);
  }

  /** The step's time, {@code max(compute, memory)}. */
  public double seconds() {
    return Math.max(computeSeconds, memorySeconds);
  }

  /** The roof that bounds the step. */
  public Bound bound() {
    return computeSeconds >= memorySeconds ? Bound.COMPUTE : Bound.MEMORY;
  }
}
