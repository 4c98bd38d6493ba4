package dev.persistence.costing.steptime;

import dev.persistence.core.check.Checks;

/**
 * Time of one collective on one tier of the network: a bandwidth term and a latency term, for the ring and the
 * (double binary) tree algorithms, taking the faster as NCCL's tuner does.
 *
 * <p>Ring all-reduce moves {@code 2(n-1)/n x bytes} per rank in {@code 2(n-1)} steps; reduce-scatter and
 * all-gather are each half of that (Patarasuk and Yuan 2009, "Bandwidth optimal all-reduce algorithms for
 * clusters of workstations", JPDC 69(2)). The double binary tree moves {@code 2 x bytes} per rank with
 * {@code 2 log2 n} steps of latency (Sanders, Speck and Traff 2009; NCCL 2.4 release notes). All-to-all sends
 * {@code (n-1)/n x bytes} in {@code n-1} steps. Bandwidths are bus bandwidths per rank, one direction.
 *
 * <p>{@link #allReduceSeconds} is the one public entry, for models outside the step-time model (generation
 * replicas' tensor-parallel all-reduces in {@code costing.posttraining}); it validates its inputs and applies the
 * same rule the step-time model uses.
 */
public final class Collectives {

  private Collectives() {}

  /**
   * Seconds of one all-reduce of {@code bytes} per rank across {@code ranks} ranks: the faster of the ring
   * ({@code 2(n-1)/n x bytes / bandwidth + 2(n-1) x latency}; Patarasuk and Yuan 2009, JPDC 69(2)) and the double
   * binary tree ({@code 2 x bytes / bandwidth + 2 ceil(log2 n) x latency}; Sanders, Speck and Traff 2009; NCCL 2.4
   * release notes), as NCCL's tuner picks; 0 for a single rank.
   *
   * @param bytes bytes each rank contributes, finite and {@code >= 0}
   * @param ranks ranks taking part, {@code > 0}
   * @param bandwidthBytesPerSecond bus bandwidth per rank, one direction, finite and {@code > 0}
   * @param latencySeconds latency of one algorithm step, finite and {@code >= 0}
   * @return seconds, finite and {@code >= 0}
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  public static double allReduceSeconds(
      double bytes, int ranks, double bandwidthBytesPerSecond, double latencySeconds) {
    Checks.nonNegative("bytes", bytes);
    Checks.positive("ranks", ranks);
    Checks.positive("bandwidthBytesPerSecond", bandwidthBytesPerSecond);
    Checks.nonNegative("latencySeconds", latencySeconds);
    double seconds = allReduce(bytes, ranks, bandwidthBytesPerSecond, latencySeconds);
    Checks.check(Double.isFinite(seconds), "bytes / bandwidthBytesPerSecond", bytes, "must give a finite time");
    return seconds;
  }

  static double allReduce(double bytes, int ranks, double bandwidth, double latency) {
    if (ranks <= 1) {
      return 0;
    }
    double ring = 2.0 * (ranks - 1) / ranks * bytes / bandwidth + 2.0 * (ranks - 1) * latency;
    double tree = 2.0 * bytes / bandwidth + 2.0 * log2(ranks) * latency;
    return Math.min(ring, tree);
  }

  static double reduceScatter(double bytes, int ranks, double bandwidth, double latency) {
    if (ranks <= 1) {
      return 0;
    }
    return (double) (ranks - 1) / ranks * bytes / bandwidth + (ranks - 1) * latency;
  }

  static double allGather(double bytes, int ranks, double bandwidth, double latency) {
    return reduceScatter(bytes, ranks, bandwidth, latency);
  }

  static double allToAll(double bytes, int ranks, double bandwidth, double latency) {
    if (ranks <= 1) {
      return 0;
    }
    return (double) (ranks - 1) / ranks * bytes / bandwidth + (ranks - 1) * latency;
  }

  static double pointToPoint(double bytes, double bandwidth, double latency) {
    return bytes / bandwidth + latency;
  }

  private static double log2(int n) {
    return 31 - Integer.numberOfLeadingZeros(n - 1) + 1.0;
  }
}
