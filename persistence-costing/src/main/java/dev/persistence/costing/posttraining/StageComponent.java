package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One line of a stage's breakdown.
 *
 * @param name what it is ({@code "policy update"}, {@code "rollout generation"}, ...)
 * @param kind what it is spent on
 * @param flops FLOPs executed, {@code >= 0}
 * @param acceleratorHours accelerator-hours it occupies, {@code >= 0}
 * @param usd its price, {@code >= 0}
 */
public record StageComponent(String name, ComponentKind kind, double flops, double acceleratorHours, double usd) {

  /**
   * Validates the line.
   *
   * @throws IllegalArgumentException if a figure is negative or not finite
   */
  public StageComponent {
    checkArgument(name != null && !name.isBlank(), "component name must not be blank");
    checkArgument(kind != null, "component %s: kind must not be null", name);
    checkArgument(flops >= 0 && Double.isFinite(flops), "component %s: flops (%s) must be finite and >= 0", name, flops);
    checkArgument(
        acceleratorHours >= 0 && Double.isFinite(acceleratorHours),
        "component %s: acceleratorHours (%s) must be finite and >= 0",
        name,
        acceleratorHours);
    checkArgument(usd >= 0 && Double.isFinite(usd), "component %s: usd (%s) must be finite and >= 0", name, usd);
  }
}
