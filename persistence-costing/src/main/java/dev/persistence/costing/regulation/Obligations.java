package dev.persistence.costing.regulation;

import dev.persistence.core.check.Checks;

/**
 * Rules about obligations that are arithmetic rather than data. The obligations themselves are data, an {@link
 * ObligationCatalog} (the bundled one is read by persistence-io from its obligations document, quoted and dated in
 * reference/regulation.json with corrections in reference/regulation-corrections.md). Not legal advice.
 */
public final class Obligations {
  private Obligations() {}

  /**
   * Whether a downstream modification makes its author the provider of a new general-purpose model under the
   * Commission's GPAI guidelines (18 July 2025): the modification uses more than one third of the original
   * model's training compute.
   *
   * @param modificationFlops compute of the modification, finite and {@code >= 0}
   * @param originalTrainingFlops the original model's training compute, finite and {@code > 0}
   * @throws IllegalArgumentException if a figure is out of range
   */
  public static boolean modifierBecomesProvider(double modificationFlops, double originalTrainingFlops) {
    Checks.nonNegative("modificationFlops", modificationFlops);
    Checks.positive("originalTrainingFlops", originalTrainingFlops);
    return 3 * modificationFlops > originalTrainingFlops;
  }
}
