package dev.persistence.costing.plan;

import static com.google.common.base.Preconditions.checkArgument;

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
    checkArgument(startMonth >= 0, "serving startMonth (%s) must be >= 0", startMonth);
    checkArgument(durationMonths > 0, "serving durationMonths (%s) must be > 0", durationMonths);
    // Serving becomes a phase of the program, whose months are bounded (compared without adding: no overflow).
    checkArgument(
        startMonth <= Program.MAX_MONTHS - durationMonths,
        "serving startMonth (%s) + durationMonths (%s) must be <= %s (Program.MAX_MONTHS)",
        startMonth,
        durationMonths,
        Program.MAX_MONTHS);
    checkArgument(
        inputTokensPerDay >= 0 && Double.isFinite(inputTokensPerDay),
        "inputTokensPerDay (%s) must be finite and >= 0",
        inputTokensPerDay);
    checkArgument(
        outputTokensPerDay >= 0 && Double.isFinite(outputTokensPerDay),
        "outputTokensPerDay (%s) must be finite and >= 0",
        outputTokensPerDay);
    checkArgument(promptTokens > 0, "promptTokens (%s) must be > 0", promptTokens);
    checkArgument(outputTokens > 0, "outputTokens (%s) must be > 0", outputTokens);
    checkArgument(tensorParallel > 0, "serving tensorParallel (%s) must be > 0", tensorParallel);
    checkArgument(weightFormat != null, "weightFormat must not be null");
    batch.ifPresent(b -> checkArgument(b > 0, "serving batch (%s) must be > 0", b));
    checkArgument(
        targetUtilisation > 0 && targetUtilisation <= 1,
        "targetUtilisation (%s) must be in (0, 1]",
        targetUtilisation);
    checkArgument(
        computeEfficiency > 0 && computeEfficiency <= 1, "computeEfficiency (%s) must be in (0, 1]", computeEfficiency);
    checkArgument(
        bandwidthEfficiency > 0 && bandwidthEfficiency <= 1,
        "bandwidthEfficiency (%s) must be in (0, 1]",
        bandwidthEfficiency);
  }
}
