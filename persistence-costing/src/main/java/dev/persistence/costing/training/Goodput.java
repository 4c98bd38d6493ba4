package dev.persistence.costing.training;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.check.Checks;

/**
 * The fraction of a run's wall-clock time spent on useful training: what is left after failures, restarts,
 * re-computation of lost steps since the last checkpoint, checkpoint writes and other stalls. A run that needs
 * {@code T} seconds of uninterrupted training occupies its accelerators for {@code T / fraction} seconds.
 *
 * <p>The default is a named, sourced assumption ({@link #LLAMA_3_405B}); override it with your own figure.
 *
 * @param fraction useful time over elapsed time, in (0, 1]
 * @param source where the figure comes from, or why it was assumed
 */
public record Goodput(double fraction, String source) {

  /**
   * 0.90: Dubey et al. 2024, The Llama 3 Herd of Models (arXiv:2407.21783), section 3.3.4 "Reliability and
   * Operational Challenges": during a 54-day snapshot of Llama 3 405B pre-training on up to 16K H100 GPUs there
   * were 466 job interruptions (419 unexpected, about 78% attributed to hardware), and "effective training time"
   * (time spent on useful training over elapsed time) was "higher than 90%". 0.90 is therefore the paper's lower
   * bound: a slightly pessimistic planning figure for a well-run, highly automated cluster.
   */
  public static final Goodput LLAMA_3_405B =
      new Goodput(
          0.90,
          "Dubey et al. 2024, The Llama 3 Herd of Models, arXiv:2407.21783 section 3.3.4: effective training time"
              + " higher than 90% over a 54-day snapshot with 466 job interruptions (lower bound taken)");

  /** No interruption at all: for reproducing figures that papers computed without an allowance. */
  public static final Goodput NONE =
      new Goodput(1.0, "no allowance for failures, restarts or checkpointing (ideal run)");

  /**
   * Validates the goodput.
   *
   * @throws IllegalArgumentException if {@code fraction} is not in (0, 1] or {@code source} is blank
   */
  public Goodput {
    Checks.positiveFraction("goodput fraction", fraction);
    checkArgument(source != null && !source.isBlank(), "goodput source must not be blank");
  }

  /**
   * A user-given goodput.
   *
   * @param fraction useful time over elapsed time, in (0, 1]
   * @param source where the figure comes from
   * @throws IllegalArgumentException if {@code fraction} is not in (0, 1] or {@code source} is blank
   */
  public static Goodput of(double fraction, String source) {
    return new Goodput(fraction, source);
  }
}
