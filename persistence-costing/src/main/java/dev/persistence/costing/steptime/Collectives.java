package dev.persistence.costing.steptime;

/**
 * Time of one collective on one tier of the network: a bandwidth term and a latency term, for the ring and the
 * (double binary) tree algorithms, taking the faster as NCCL's tuner does.
 *
 * <p>Ring all-reduce moves {@code 2(n-1)/n x bytes} per rank in {@code 2(n-1)} steps; reduce-scatter and
 * all-gather are each half of that (Patarasuk and Yuan 2009, "Bandwidth optimal all-reduce algorithms for
 * clusters of workstations", JPDC 69(2)). The double binary tree moves {@code 2 x bytes} per rank with
 * {@code 2 log2 n} steps of latency (Sanders, Speck and Traff 2009; NCCL 2.4 release notes). All-to-all sends
 * {@code (n-1)/n x bytes} in {@code n-1} steps. Bandwidths are bus bandwidths per rank, one direction.
 */
final class Collectives {

  private Collectives() {}

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
