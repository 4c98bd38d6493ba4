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
   * @throws IllegalArgumentException if the name is blank or the month negative
   */
  public Milestone {
    checkArgument(name != null && !name.isBlank(), "milestone name must not be blank");
    checkArgument(month >= 0, "milestone %s: month (%s) must be >= 0", name, month);
  }
}
