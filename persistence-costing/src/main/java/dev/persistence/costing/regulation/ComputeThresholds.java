package dev.persistence.costing.regulation;

import dev.persistence.core.check.Checks;
import java.util.ArrayList;
import java.util.List;

/** Which thresholds a model's cumulative training compute crosses. */
public final class ComputeThresholds {

  private ComputeThresholds() {}

  /**
   * The bundled thresholds ({@link ComputeThreshold#bundled()}) that {@code cumulativeTrainingFlops} crosses,
   * historical ones included (check {@link ComputeThreshold#status()}).
   *
   * @param cumulativeTrainingFlops pre-training plus all fine-tuning and other modifications, {@code >= 0}
   * @throws IllegalArgumentException if the compute is negative or not finite
   */
  public static List<ComputeThreshold> crossed(double cumulativeTrainingFlops) {
    return crossed(cumulativeTrainingFlops, ComputeThreshold.bundled());
  }

  /**
   * The thresholds of {@code thresholds} that {@code cumulativeTrainingFlops} crosses, in the given order.
   *
   * @param cumulativeTrainingFlops training compute, {@code >= 0}
   * @param thresholds the thresholds to check
   * @throws IllegalArgumentException if the compute is negative or not finite
   */
  public static List<ComputeThreshold> crossed(
      double cumulativeTrainingFlops, List<ComputeThreshold> thresholds) {
    Checks.nonNegative("cumulativeTrainingFlops", cumulativeTrainingFlops);
    List<ComputeThreshold> crossed = new ArrayList<>();
    for (ComputeThreshold threshold : thresholds) {
      if (threshold.isCrossedBy(cumulativeTrainingFlops)) {
        crossed.add(threshold);
      }
    }
    return List.copyOf(crossed);
  }
}
