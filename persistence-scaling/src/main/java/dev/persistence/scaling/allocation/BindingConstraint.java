package dev.persistence.scaling.allocation;

/** Which constraint, if any, decides an allocation. */
public enum BindingConstraint {
  /** The unconstrained optimum is feasible. */
  NONE,
  /** Training tokens are capped by the unique tokens available (and repetition is not modelled or not worth it). */
  UNIQUE_TOKENS,
  /** The model size is capped (memory or serving latency). */
  MAX_PARAMETERS,
  /** The number of training tokens is fixed, so the budget or loss fixes the model size. */
  FIXED_TOKENS
}
