package dev.persistence.costing.money;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A cost in US dollars split by {@link CostComponent}; the components sum to {@link #totalUsd()}.
 *
 * @param usdByComponent dollars per component (absent components are 0), each finite and {@code >= 0}
 */
public record CostBreakdown(Map<CostComponent, Double> usdByComponent) {

  /**
   * Validates and copies the breakdown.
   *
   * @throws IllegalArgumentException if an amount is negative or not finite
   */
  public CostBreakdown {
    checkArgument(usdByComponent != null, "usdByComponent must not be null");
    EnumMap<CostComponent, Double> copy = new EnumMap<>(CostComponent.class);
    usdByComponent.forEach(
        (component, usd) -> {
          checkArgument(component != null && usd != null, "cost components and amounts must not be null");
          checkArgument(usd >= 0 && Double.isFinite(usd), "%s (%s USD) must be finite and >= 0", component, usd);
          copy.put(component, usd);
        });
    usdByComponent = Collections.unmodifiableMap(copy);
  }

  /**
   * Dollars of one component; 0 when absent.
   *
   * @param component the component
   */
  public double usd(CostComponent component) {
    return usdByComponent.getOrDefault(component, 0.0);
  }

  /** The total, the sum of the components. */
  public double totalUsd() {
    double total = 0;
    for (double usd : usdByComponent.values()) {
      total += usd;
    }
    return total;
  }
}
