package dev.persistence.costing.plan;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.costing.program.Program;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Production serving of the trained model, priced by the serving roofline
 * ({@link dev.persistence.costing.serving.ServingRoofline}): a daily demand of input and output tokens, served by
 * replicas of {@code tensorParallel} accelerators of the scenario's cluster at its price, at a target utilisation.
 *
 * <p>The roofline is an upper bound on throughput (its efficiencies default to 1), so the fleet and its cost are
 * lower bounds unless the efficiencies are set from measurements.
 */
@Value.Immutable
public abstract class ServingPlan {

  /** Returns a new builder. */
  public static ImmutableServingPlan.Builder builder() {
    return ImmutableServingPlan.builder();
  }

  /** Month serving starts, from 0. */
  public abstract int startMonth();

  /** Months of serving, {@code > 0}. */
  public abstract int durationMonths();

  /** Prompt tokens per day. */
  public abstract double inputTokensPerDay();

  /** Generated tokens per day. */
  public abstract double outputTokensPerDay();

  /** Prompt length of a typical request. */
  public abstract long promptTokens();

  /** Generated length of a typical request. */
  public abstract long outputTokens();

  /** Accelerators per replica; 1 unless given. */
  @Value.Default
  public int tensorParallel() {
    return 1;
  }

  /** How the weights are stored; BF16 unless given. */
  @Value.Default
  public WeightFormat weightFormat() {
    return WeightFormat.BF16;
  }

  /** Requests decoded together; empty for the largest batch that fits. */
  public abstract OptionalLong batch();

  /** Busy fraction the fleet is sized for, in (0, 1]; 1 unless given. */
  @Value.Default
  public double targetUtilisation() {
    return 1.0;
  }

  /** Achieved over peak FLOP/s, in (0, 1]; 1 unless given. */
  @Value.Default
  public double computeEfficiency() {
    return 1.0;
  }

  /** Achieved over peak memory bandwidth, in (0, 1]; 1 unless given. */
  @Value.Default
  public double bandwidthEfficiency() {
    return 1.0;
  }


  /**
   * Validates the plan.
   *
   * @throws IllegalArgumentException if a month, count or rate is out of its range
   */
  @Value.Check
  protected void check() {
    Checks.nonNegative("serving startMonth", startMonth());
    Checks.positive("serving durationMonths", durationMonths());
    // Serving becomes a phase of the program, whose months are bounded (compared without adding: no overflow).
    checkArgument(
        startMonth() <= Program.MAX_MONTHS - durationMonths(),
        "serving startMonth (%s) + durationMonths (%s) must be <= %s (Program.MAX_MONTHS)",
        startMonth(),
        durationMonths(),
        Program.MAX_MONTHS);
    Checks.nonNegative("inputTokensPerDay", inputTokensPerDay());
    Checks.nonNegative("outputTokensPerDay", outputTokensPerDay());
    Checks.positive("promptTokens", promptTokens());
    Checks.positive("outputTokens", outputTokens());
    Checks.positive("serving tensorParallel", tensorParallel());
    batch().ifPresent(b -> Checks.positive("serving batch", b));
    Checks.positiveFraction("targetUtilisation", targetUtilisation());
    Checks.positiveFraction("computeEfficiency", computeEfficiency());
    Checks.positiveFraction("bandwidthEfficiency", bandwidthEfficiency());
  }
}
