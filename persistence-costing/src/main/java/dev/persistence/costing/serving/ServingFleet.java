package dev.persistence.costing.serving;

/**
 * What a daily demand needs.
 *
 * @param replicas model replicas
 * @param accelerators accelerators, {@code replicas x tensorParallel}
 * @param busySecondsPerDay replica-seconds of prefill and decode work per day
 * @param usdPerDay the fleet's price per day, all replicas for 24 hours
 */
public record ServingFleet(long replicas, long accelerators, double busySecondsPerDay, double usdPerDay) {}
