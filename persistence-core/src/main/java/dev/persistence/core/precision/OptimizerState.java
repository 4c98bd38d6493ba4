package dev.persistence.core.precision;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One per-parameter tensor an optimizer keeps (Adam's first moment, its second moment, SGD's momentum).
 *
 * @param name what the state is ({@code "adam first moment"})
 * @param bytesPerParameter bytes it holds per model parameter; may be fractional (factored states)
 */
public record OptimizerState(String name, double bytesPerParameter) {

  /**
   * Validates the state.
   *
   * @throws IllegalArgumentException if the name is blank or the bytes are negative or not finite
   */
  public OptimizerState {
    checkArgument(name != null && !name.isBlank(), "optimizer state name must not be blank");
    checkArgument(
        bytesPerParameter >= 0 && Double.isFinite(bytesPerParameter),
        "optimizer state %s bytesPerParameter (%s) must be finite and >= 0",
        name,
        bytesPerParameter);
  }
}
