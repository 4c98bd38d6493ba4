package dev.persistence.costing.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.persistence.costing.steptime.StepTimeEstimate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchResultTest {

  /** The result copies its plans: adding to the caller's list later does not change it; its own list is read-only. */
  @Test
  void resultCopiesItsPlans() {
    List<StepTimeEstimate> plans = new ArrayList<>();
    SearchResult result = new SearchResult(plans, 10, 0, 0.5);
    plans.add(null);
    assertEquals(List.of(), result.plans());
    assertFalse(result.found());
    assertThrows(UnsupportedOperationException.class, () -> result.plans().add(null));
    assertThrows(NullPointerException.class, () -> new SearchResult(plans, 10, 1, 0.5));
  }
}
