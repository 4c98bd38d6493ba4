package dev.persistence.costing.program;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A role on the team: how many people, what each costs a year fully loaded (salary, benefits, equity expense,
 * overhead), and how they are hired.
 *
 * <p>Hiring ramps linearly: the role has no one before {@code hiringStartMonth}; from that month on, headcount
 * grows by {@code headcount / hiringRampMonths} each month, so that month {@code hiringStartMonth + k} has
 * {@code (k + 1) / hiringRampMonths} of it and the last month of the ramp, {@code hiringStartMonth +
 * hiringRampMonths - 1}, has all of it (a ramp of 0 or 1 month puts everyone in place in the start month).
 *
 * @param name the role (research scientist, ML infrastructure engineer, ...)
 * @param headcount people at full strength, {@code >= 0}
 * @param loadedAnnualCostUsd cost of one person for a year in USD, fully loaded, {@code >= 0}
 * @param hiringStartMonth month hiring starts, {@code >= 0}
 * @param hiringRampMonths months to reach full headcount, the start month included, {@code >= 0}
 */
public record Role(
    String name, double headcount, double loadedAnnualCostUsd, int hiringStartMonth, int hiringRampMonths) {

  /** The most people in one role: a billion, past any organisation on Earth (a range limit, no source). */
  public static final double MAX_HEADCOUNT = 1e9;

  /**
   * Validates the role.
   *
   * @throws IllegalArgumentException if a number is negative or not finite, or the name is blank
   */
  public Role {
    checkArgument(name != null && !name.isBlank(), "role name must not be blank");
    checkArgument(
        headcount >= 0 && Double.isFinite(headcount), "role %s: headcount (%s) must be finite and >= 0", name, headcount);
    checkArgument(
        loadedAnnualCostUsd >= 0 && Double.isFinite(loadedAnnualCostUsd),
        "role %s: loadedAnnualCostUsd (%s) must be finite and >= 0",
        name,
        loadedAnnualCostUsd);
    checkArgument(headcount <= MAX_HEADCOUNT, "role %s: headcount (%s) must be <= %s", name, headcount, MAX_HEADCOUNT);
    checkArgument(
        loadedAnnualCostUsd <= dev.persistence.core.exact.Amounts.MAX_USD,
        "role %s: loadedAnnualCostUsd (%s) must be <= %s",
        name,
        loadedAnnualCostUsd,
        dev.persistence.core.exact.Amounts.MAX_USD);
    headcount += 0.0;
    loadedAnnualCostUsd += 0.0;
    checkArgument(hiringStartMonth >= 0, "role %s: hiringStartMonth (%s) must be >= 0", name, hiringStartMonth);
    checkArgument(hiringRampMonths >= 0, "role %s: hiringRampMonths (%s) must be >= 0", name, hiringRampMonths);
  }

  /**
   * People in the role during {@code month} (from 0).
   *
   * @param month the month
   */
  public double headcountInMonth(int month) {
    if (month < hiringStartMonth) {
      return 0;
    }
    if (hiringRampMonths == 0) {
      return headcount;
    }
    double fraction = Math.min(1.0, (month - hiringStartMonth + 1) / (double) hiringRampMonths);
    return headcount * fraction;
  }

  /**
   * Cost of the role in {@code month}, in USD.
   *
   * @param month the month
   */
  public double costInMonth(int month) {
    return headcountInMonth(month) * loadedAnnualCostUsd / 12;
  }
}
