package dev.persistence.costing.program;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A named date in the program.
 *
 * @param name what happens (first checkpoint, public release, ...)
 * @param month the month it is due, from 0 at the program's start
 */
public record Milestone(String name, int month) {

  /**
   * Validates the milestone.
   *
   * @throws IllegalArgumentException if the name is blank or the month negative or not before {@link Program#MAX_MONTHS}
   */
  public Milestone {
    checkArgument(name != null && !name.isBlank(), "milestone name must not be blank");
    checkArgument(
        month >= 0 && month < Program.MAX_MONTHS,
        "milestone %s: month (%s) must be in [0, %s)",
        name,
        month,
        Program.MAX_MONTHS);
  }
}
