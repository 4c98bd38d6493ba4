package dev.persistence.testkit;

import java.util.Locale;
import java.util.SplittableRandom;

/** Reads the run-wide defaults from system properties. */
final class Settings {

  private Settings() {}

  /** The seed to use when a property sets none: {@code persistence.seed}, a long or {@code random}. */
  static long defaultSeed() {
    String configured = System.getProperty(Property.SEED_PROPERTY);
    if (configured == null || configured.isBlank() || configured.trim().equalsIgnoreCase("random")) {
      return freshSeed();
    }
    try {
      return Long.parseLong(configured.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "system property %s (%s) must be a long or 'random'",
              Property.SEED_PROPERTY,
              configured),
          e);
    }
  }

  /** Whether a seed has been fixed for the run (rather than drawn afresh). */
  static boolean seedIsFixed() {
    String configured = System.getProperty(Property.SEED_PROPERTY);
    return configured != null && !configured.isBlank() && !configured.trim().equalsIgnoreCase("random");
  }

  /** The tries to use when a property sets none: {@code persistence.tries}, default 200. */
  static int defaultTries() {
    String configured = System.getProperty(Property.TRIES_PROPERTY);
    if (configured == null || configured.isBlank()) {
      return Property.DEFAULT_TRIES;
    }
    int tries;
    try {
      tries = Integer.parseInt(configured.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "system property %s (%s) must be an int > 0", Property.TRIES_PROPERTY, configured),
          e);
    }
    Ranges.checkArgument(tries > 0, "system property %s (%s) must be > 0", Property.TRIES_PROPERTY, tries);
    return tries;
  }

  private static long freshSeed() {
    return new SplittableRandom().nextLong();
  }
}
