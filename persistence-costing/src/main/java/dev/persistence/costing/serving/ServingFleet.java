package dev.persistence.costing.serving;

/**
 * What a daily demand needs.
 *
 * @param replicas model replicas
 * @param accelerators accelerators, {@code replicas x tensorParallel}
 * @param busySecondsPerDay replica-seconds of prefill and decode work per day
 * @param usdPerDay the fleet's price per day, all replicas for 24 hours
 */
public record ServingFleet(long replicas, long accelerators, double busySecondsPerDay, double usdPerDay) {

  /**
   * Validates the fleet.
   *
   * @throws IllegalArgumentException if a count is negative or a figure is not finite and {@code >= 0}
   */
  public ServingFleet {
    if (replicas < 0 || accelerators < 0) {
      throw new IllegalArgumentException(
          "replicas (" + replicas + ") and accelerators (" + accelerators + ") must be >= 0");
    }
    if (!(busySecondsPerDay >= 0 && busySecondsPerDay < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("busySecondsPerDay (" + busySecondsPerDay + ") must be finite and >= 0");
    }
    if (!(usdPerDay >= 0 && usdPerDay < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("usdPerDay (" + usdPerDay + ") must be finite and >= 0");
    }
  }
}
