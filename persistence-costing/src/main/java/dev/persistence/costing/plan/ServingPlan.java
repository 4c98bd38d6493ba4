package dev.persistence.costing.plan;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.costing.program.Program;
import java.util.OptionalLong;

/**
 * Production serving of the trained model, priced by the serving roofline
 * ({@link dev.persistence.costing.serving.ServingRoofline}): a daily demand of input and output tokens, served by
 * replicas of {@code tensorParallel} accelerators of the scenario's cluster at its price, at a target utilisation.
 *
 * <p>The roofline is an upper bound on throughput (its efficiencies default to 1), so the fleet and its cost are
 * lower bounds unless the efficiencies are set from measurements.
 *
 * @param startMonth month serving starts, from 0
 * @param durationMonths months of serving, {@code > 0}
 * @param inputTokensPerDay prompt tokens per day
 * @param outputTokensPerDay generated tokens per day
 * @param promptTokens prompt length of a typical request
 * @param outputTokens generated length of a typical request
 * @param tensorParallel accelerators per replica
 * @param weightFormat how the weights are stored
 * @param batch requests decoded together; empty for the largest batch that fits
 * @param targetUtilisation busy fraction the fleet is sized for, in (0, 1]
 * @param computeEfficiency achieved over peak FLOP/s, in (0, 1]
 * @param bandwidthEfficiency achieved over peak memory bandwidth, in (0, 1]
 */
public record ServingPlan(
    int startMonth,
    int durationMonths,
    double inputTokensPerDay,
    double outputTokensPerDay,
    long promptTokens,
    long outputTokens,
    int tensorParallel,
    WeightFormat weightFormat,
    OptionalLong batch,
    double targetUtilisation,
    double computeEfficiency,
    double bandwidthEfficiency) {

  /**
   * Validates the plan.
   *
   * @throws IllegalArgumentException if a month, count or rate is out of its range
   */
  public ServingPlan {
    Checks.nonNegative("serving startMonth", startMonth);
    Checks.positive("serving durationMonths", durationMonths);
    // Serving becomes a phase of the program, whose months are bounded (compared without adding: no overflow).
    checkArgument(
        startMonth <= Program.MAX_MONTHS - durationMonths,
        "serving startMonth (%s) + durationMonths (%s) must be <= %s (Program.MAX_MONTHS)",
        startMonth,
        durationMonths,
        Program.MAX_MONTHS);
    Checks.nonNegative("inputTokensPerDay", inputTokensPerDay);
    Checks.nonNegative("outputTokensPerDay", outputTokensPerDay);
    Checks.positive("promptTokens", promptTokens);
    Checks.positive("outputTokens", outputTokens);
    Checks.positive("serving tensorParallel", tensorParallel);
    checkArgument(weightFormat != null, "weightFormat must not be null");
    batch.ifPresent(b -> Checks.positive("serving batch", b));
    Checks.positiveFraction("targetUtilisation", targetUtilisation);
    Checks.positiveFraction("computeEfficiency", computeEfficiency);
    Checks.positiveFraction("bandwidthEfficiency", bandwidthEfficiency);
  }
}
