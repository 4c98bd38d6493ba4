package dev.persistence.costing.landscape;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which catalog entries stand for "the frontier" when a trend is fitted. Two conventions: Epoch AI's own frontier
 * flag (a model in the top 10 by training compute when it was published), or the {@code k} largest training runs
 * of each calendar year. Entries without a training-compute figure never count.
 *
 * @param topPerYear {@code 0} for Epoch's flag; otherwise the number of largest runs kept per year, {@code >= 1}
 */
public record TrendSelection(int topPerYear) {

  /** Epoch AI's frontier flag. */
  public static final TrendSelection EPOCH_FRONTIER = new TrendSelection(0);

  /** Validates the selection. */
  public TrendSelection {
    Checks.nonNegative("topPerYear", topPerYear);
  }

  /**
   * The {@code k} largest runs of each calendar year.
   *
   * @param k runs per year, {@code >= 1}
   */
  public static TrendSelection topPerYear(int k) {
    checkArgument(k >= 1, "topPerYear (%s) must be >= 1", k);
    return new TrendSelection(k);
  }

  /** What the selection keeps, in words. */
  public String describe() {
    return topPerYear == 0
        ? "Epoch frontier models (top 10 by compute when published)"
        : "top " + topPerYear + " models by compute in each year";
  }

  /**
   * The entries this selection keeps, oldest first.
   *
   * @param models the catalog
   */
  public List<NotableModel> select(List<NotableModel> models) {
    List<NotableModel> kept = new ArrayList<>();
    if (topPerYear == 0) {
      for (NotableModel model : models) {
        if (model.epochFrontier() && model.trainingComputeFlop().isPresent()) {
          kept.add(model);
        }
      }
    } else {
      Map<Integer, List<NotableModel>> byYear = new TreeMap<>();
      for (NotableModel model : models) {
        if (model.trainingComputeFlop().isPresent()) {
          byYear.computeIfAbsent(model.publicationDate().getYear(), year -> new ArrayList<>()).add(model);
        }
      }
      Comparator<NotableModel> largestFirst =
          Comparator.comparingDouble((NotableModel m) -> m.trainingComputeFlop().getAsDouble()).reversed();
      for (List<NotableModel> year : byYear.values()) {
        year.sort(largestFirst);
        kept.addAll(year.subList(0, Math.min(topPerYear, year.size())));
      }
    }
    kept.sort(Comparator.comparing(NotableModel::publicationDate).thenComparing(NotableModel::name));
    return List.copyOf(kept);
  }
}
