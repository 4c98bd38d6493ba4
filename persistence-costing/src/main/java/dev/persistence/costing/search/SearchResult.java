package dev.persistence.costing.search;

import dev.persistence.costing.steptime.StepTimeEstimate;
import java.util.List;

/**
 * The outcome of a plan search.
 *
 * @param plans the best plans, best first, each re-estimated with the full model and exact memory (all fit)
 * @param evaluatedPlans valid plans the search evaluated (memory checked, and timed when they fit)
 * @param fittingPlans evaluated plans that fit in memory
 * @param searchSeconds wall-clock seconds the search took
 */
public record SearchResult(
    List<StepTimeEstimate> plans, long evaluatedPlans, long fittingPlans, double searchSeconds) {

  /**
   * Copies the plans into an unmodifiable list.
   *
   * @throws NullPointerException if {@code plans} or one of them is null
   */
  public SearchResult {
    plans = List.copyOf(plans);
  }

  /** Whether any plan fits. */
  public boolean found() {
    return !plans.isEmpty();
  }
}
