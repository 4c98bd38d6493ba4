package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;
import dev.persistence.costing.training.Durations;
import java.util.List;
import java.util.Optional;

/**
 * What a stage comes to: its breakdown (FLOPs, accelerator-hours and dollars per part; the parts sum to the
 * totals), its wall-clock time and the part of it spent generating.
 *
 * @param kind the stage's kind
 * @param accelerators accelerators the stage holds
 * @param wallClockSeconds the stage's wall-clock time, {@code >= 0}
 * @param generationSeconds wall-clock seconds spent generating, {@code <= wallClockSeconds}
 * @param components the breakdown
 * @param step for RL and on-policy distillation, one step's split
 */
public record StageEstimate(
    StageKind kind,
    long accelerators,
    double wallClockSeconds,
    double generationSeconds,
    List<StageComponent> components,
    Optional<RlStepTime> step) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a time is negative or not finite
   */
  public StageEstimate {
    Checks.nonNegative("wallClockSeconds", wallClockSeconds);
    checkArgument(
        generationSeconds >= 0 && generationSeconds <= wallClockSeconds * (1 + 1e-12),
        "generationSeconds (%s) must be in [0, wallClockSeconds (%s)]",
        generationSeconds,
        wallClockSeconds);
    components = List.copyOf(components);
  }

  /** FLOPs executed, all parts: what the regulatory thresholds add to the cumulative compute. */
  public double totalFlops() {
    return components.stream().mapToDouble(StageComponent::flops).sum();
  }

  /** Accelerator-hours held, idle time included. */
  public double acceleratorHours() {
    return components.stream().mapToDouble(StageComponent::acceleratorHours).sum();
  }

  /** Dollars of compute (every part but people). */
  public double computeUsd() {
    return components.stream().filter(c -> c.kind() != ComponentKind.PEOPLE).mapToDouble(StageComponent::usd).sum();
  }

  /** Dollars of people-hours (red-teaming, human evaluation). */
  public double peopleUsd() {
    return components.stream().filter(c -> c.kind() == ComponentKind.PEOPLE).mapToDouble(StageComponent::usd).sum();
  }

  /** All dollars. */
  public double totalUsd() {
    return computeUsd() + peopleUsd();
  }

  /** Accelerator-hours of one kind. */
  public double acceleratorHours(ComponentKind kind) {
    return components.stream().filter(c -> c.kind() == kind).mapToDouble(StageComponent::acceleratorHours).sum();
  }

  /** Wall-clock hours. */
  public double wallClockHours() {
    return wallClockSeconds / Durations.SECONDS_PER_HOUR;
  }

  /** Wall-clock days. */
  public double wallClockDays() {
    return wallClockSeconds / Durations.SECONDS_PER_DAY;
  }

  /** Share of the wall clock spent generating, in [0, 1]. */
  public double generationShare() {
    return wallClockSeconds > 0 ? Math.min(1, generationSeconds / wallClockSeconds) : 0;
  }
}
