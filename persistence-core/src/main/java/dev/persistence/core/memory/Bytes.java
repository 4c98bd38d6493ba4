package dev.persistence.core.memory;

import dev.persistence.core.check.Checks;

/**
 * Decimal and binary byte units, kept apart: a gigabyte (GB) is 10^9 bytes (SI; vendors' HBM bandwidth and
 * most spec sheets), a gibibyte (GiB) is 2^30 bytes (IEC 80000-13; what {@code nvidia-smi} and allocators
 * report). The difference is 7.4%.
 */
public final class Bytes {

  /** Bytes in one gigabyte (GB), 10^9. */
  public static final long BYTES_PER_GIGABYTE = 1_000_000_000L;

  /** Bytes in one gibibyte (GiB), 2^30. */
  public static final long BYTES_PER_GIBIBYTE = 1L << 30;

  /** Bytes in one mebibyte (MiB), 2^20. */
  public static final long BYTES_PER_MEBIBYTE = 1L << 20;

  private Bytes() {}

  /**
   * Converts gigabytes (10^9) to bytes, rounding to the nearest byte.
   *
   * @param gigabytes a size in GB; finite and {@code >= 0}
   * @throws IllegalArgumentException if {@code gigabytes} is negative or not finite
   */
  public static long fromGigabytes(double gigabytes) {
    Checks.nonNegative("gigabytes", gigabytes);
    return Math.round(gigabytes * BYTES_PER_GIGABYTE);
  }

  /**
   * Converts gibibytes (2^30) to bytes, rounding to the nearest byte.
   *
   * @param gibibytes a size in GiB; finite and {@code >= 0}
   * @throws IllegalArgumentException if {@code gibibytes} is negative or not finite
   */
  public static long fromGibibytes(double gibibytes) {
    Checks.nonNegative("gibibytes", gibibytes);
    return Math.round(gibibytes * BYTES_PER_GIBIBYTE);
  }

  /**
   * Expresses bytes in gigabytes (10^9).
   *
   * @param bytes a size in bytes
   */
  public static double toGigabytes(double bytes) {
    Checks.finite("bytes", bytes);
    return bytes / BYTES_PER_GIGABYTE;
  }

  /**
   * Expresses bytes in gibibytes (2^30).
   *
   * @param bytes a size in bytes
   */
  public static double toGibibytes(double bytes) {
    Checks.finite("bytes", bytes);
    return bytes / BYTES_PER_GIBIBYTE;
  }
}
