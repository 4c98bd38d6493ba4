package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One distribution per {@link CostInput}, each checked to stay in its input's range (an MFU distribution that can
 * draw 1.2 or a normal price that can go negative is rejected here, not discovered in a sample).
 *
 * @param distributions the distribution of every input
 */
public record TrainingAssumptions(Map<CostInput, Distribution> distributions) {

  /**
   * Validates and copies the assumptions.
   *
   * @throws IllegalArgumentException if an input has no distribution or one whose support leaves its range
   */
  public TrainingAssumptions {
    checkArgument(distributions != null, "distributions must not be null");
    EnumMap<CostInput, Distribution> copy = new EnumMap<>(CostInput.class);
    for (CostInput input : CostInput.values()) {
      Distribution distribution = distributions.get(input);
      checkArgument(
          distribution != null, "uncertainty.assumptions.%s must have a distribution", MonteCarlo.camelCase(input.name()));
      checkArgument(
          input.admits(distribution),
          "uncertainty.assumptions.%s: distribution support [%s, %s] must lie within %s",
          MonteCarlo.camelCase(input.name()),
          distribution.lowerSupport(),
          distribution.upperSupport(),
          input.range());
      copy.put(input, distribution);
    }
    distributions = Collections.unmodifiableMap(copy);
  }

  /**
   * A copy with {@code input} drawn from {@code distribution}.
   *
   * @param input the assumption
   * @param distribution its new distribution
   * @throws IllegalArgumentException if the distribution leaves the input's range
   */
  public TrainingAssumptions with(CostInput input, Distribution distribution) {
    EnumMap<CostInput, Distribution> copy = new EnumMap<>(distributions);
    copy.put(input, distribution);
    return new TrainingAssumptions(copy);
  }

  /**
   * The distribution of one input.
   *
   * @param input the assumption
   */
  public Distribution get(CostInput input) {
    return distributions.get(input);
  }
}
