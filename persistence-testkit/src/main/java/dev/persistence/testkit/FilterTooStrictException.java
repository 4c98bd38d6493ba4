package dev.persistence.testkit;

import java.util.Locale;

/**
 * Thrown when a {@link Gen#filter filtered generator} rejects almost every candidate: generate valid values by
 * construction instead (for example with {@link Gen#flatMap}).
 */
public final class FilterTooStrictException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** The filter's description. */
  private final String description;

  /** Candidates the filter saw. */
  private final long candidates;

  /** Candidates it accepted. */
  private final long accepted;

  /**
   * Creates the exception.
   *
   * @param description the filter's description
   * @param candidates candidates the filter has seen
   * @param accepted candidates it kept
   */
  public FilterTooStrictException(String description, long candidates, long accepted) {
    super(
        String.format(
            Locale.ROOT,
            "filter '%s' rejects almost everything: it rejected %d of %d candidates (rejection rate %.2f%%), "
                + "accepting %d; generate valid values by construction (map, flatMap) or loosen the filter",
            description,
            candidates - accepted,
            candidates,
            candidates == 0 ? 0.0 : 100.0 * (candidates - accepted) / candidates,
            accepted));
    this.description = description;
    this.candidates = candidates;
    this.accepted = accepted;
  }

  /** The filter's description. */
  public String description() {
    return description;
  }

  /** The fraction of candidates rejected, in {@code [0, 1]}. */
  public double rejectionRate() {
    return candidates == 0 ? 0 : (double) (candidates - accepted) / candidates;
  }
}
