package dev.persistence.core.data;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One source of a mixture and its sampling weight.
 *
 * @param source the source
 * @param weight the fraction of training tokens drawn from it, finite and in [0, 1]
 */
public record MixtureComponent(DataSource source, double weight) {

  /** @throws IllegalArgumentException if {@code weight} is not in [0, 1] */
  public MixtureComponent {
    checkArgument(source != null, "source must not be null");
    checkArgument(weight >= 0 && weight <= 1, "weight (%s) of source %s must be in [0, 1]", weight, source.name());
  }
}
