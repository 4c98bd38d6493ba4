package dev.persistence.scaling.allocation;

import dev.persistence.core.check.Checks;
import org.immutables.value.Value;

/** A split of compute between model size and training tokens, with what it costs and the loss it predicts. */
@Value.Immutable
public abstract class Allocation {
  /** Returns a new builder. */
  public static ImmutableAllocation.Builder builder() {
    return ImmutableAllocation.builder();
  }

  /** N, model parameters. */
  public abstract double parameters();

  /** D, training tokens. */
  public abstract double tokens();

  /** Training compute 6ND in FLOPs. */
  public abstract double trainingFlops();

  /** Tokens the model will serve over its lifetime (0 when no inference demand was given). */
  public abstract double inferenceTokens();

  /** Training plus inference compute, 6ND + 2N D_inference FLOPs (Sardana et al. 2024, arXiv:2401.00448, eq. 2). */
  public abstract double totalFlops();

  /** The predicted final training loss in nats per token. */
  public abstract double loss();

  /** The constraint that decided the allocation. */
  public abstract BindingConstraint bindingConstraint();

  /** D / N. */
  @Value.Derived
  @Value.Auxiliary
  public double tokensPerParameter() {
    return tokens() / parameters();
  }

  /**
   * Checks the rules of a valid value when one is built (Immutables {@code @Value.Check}); callers never need it.
   *
   * @throws IllegalArgumentException naming the field, its value and the rule it breaks
   */
  @Value.Check
  protected void check() {
    // Counts of at least one (a subnormal model size would give Infinity tokens per parameter).
    Checks.count("parameters", parameters());
    Checks.count("tokens", tokens());
    Checks.positive("trainingFlops", trainingFlops());
    Checks.nonNegative("inferenceTokens", inferenceTokens());
    Checks.positive("totalFlops", totalFlops());
    Checks.finite("loss", loss());
  }
}
